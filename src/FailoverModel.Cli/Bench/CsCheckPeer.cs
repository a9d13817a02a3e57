using System.Diagnostics;
using CsCheck;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>
/// The peer a user would pick instead of our explorer: CsCheck's exhaustive engine over the very same next-state
/// relation (the next internal step, or any external event of the alphabet, with failure reasons cleared).
/// </summary>
public static class CsCheckPeer
{
    /// <summary>
    /// Explores on <paramref name="threads"/> threads, at most <paramref name="maxStates"/> states; each thread steps its
    /// own pair (a pair steps one snapshot at a time).
    /// </summary>
    public static (long States, long Transitions, bool Closed, double Seconds) Explore(PairConfig config, IReadOnlyList<Event> alphabet, int threads, int maxStates)
    {
        var events = alphabet.ToArray();
        using var pairs = new ThreadLocal<FailoverPair>(() => new FailoverPair(config));
        var initial = Explorer.WithoutReasons(pairs.Value!.Initial);
        var spec = Spec.From(initial)
            .Action("internal", s => pairs.Value!.NextInternal(s) is not null, s => Explorer.WithoutReasons(pairs.Value!.Apply(s, pairs.Value.NextInternal(s)!, quiet: true).State))
            .Action("event", events, (s, e) => Explorer.WithoutReasons(pairs.Value!.Apply(s, e, quiet: true).State));
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var report = Check.Exhaustive(spec, _ => { }, maxStates: maxStates, threads: threads);
        return (report.States, report.Transitions, report.Closed, clock.Elapsed.TotalSeconds);
    }
}
