using System.Diagnostics;
using CsCheck;
using FailoverModel.Exploration;
using FailoverModel.Pair;

namespace FailoverModel.Cli.Bench;

/// <summary>
/// The peer a user would pick instead of our explorer: CsCheck's exhaustive engine over the very same next-state
/// relation (the next internal step, or any external event of the alphabet, with failure reasons cleared).
/// </summary>
public static class CsCheckPeer
{
    public static (long States, long Transitions, double Seconds) Explore(FailoverPair pair, IReadOnlyList<Event> alphabet)
    {
        var events = alphabet.ToArray();
        var spec = Spec.From(Explorer.WithoutReasons(pair.Initial))
            .Action("internal", s => pair.NextInternal(s) is not null, s => Explorer.WithoutReasons(pair.Apply(s, pair.NextInternal(s)!, quiet: true).State))
            .Action("event", events, (s, e) => Explorer.WithoutReasons(pair.Apply(s, e, quiet: true).State));
        var clock = Stopwatch.StartNew();
        var report = Check.Exhaustive(spec, _ => { });
        return (report.States, report.Transitions, clock.Elapsed.TotalSeconds);
    }
}
