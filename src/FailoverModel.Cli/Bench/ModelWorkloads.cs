using System.Diagnostics;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>The model's own workloads, measured on the same next-state relation as the CsCheck peer.</summary>
public static class ModelWorkloads
{
    /// <summary>The built-in configuration without interface events: small enough that both engines close it in seconds.</summary>
    public static IReadOnlyList<Event> CompactAlphabet(PairConfig config) =>
        [.. EventAlphabet.For(config).Where(e => e is not InterfaceChange)];

    public static IEnumerable<BenchFigure> Exploration(PairConfig config, bool quick)
    {
        var alphabet = CompactAlphabet(config);
        const string how = "failover-model bench";
        var peer = CsCheckPeer.Explore(new FailoverPair(config), alphabet);
        yield return new("csCheck exhaustive (no interface events)", "states", peer.States, "states", how);
        yield return new("csCheck exhaustive (no interface events)", "states per second", peer.States / peer.Seconds, "states/s", how);

        var clock = Stopwatch.StartNew();
        var ours = new Explorer(new FailoverPair(config), alphabet).Explore(invariants: []);
        var seconds = clock.Elapsed.TotalSeconds;
        yield return new("explorer (no interface events)", "states", ours.States, "states", how);
        yield return new("explorer (no interface events)", "transitions", ours.Transitions, "transitions", how);
        yield return new("explorer (no interface events)", "states per second", ours.States / seconds, "states/s", how);
        yield return new("explorer vs csCheck", "speed ratio", ours.States / seconds / (peer.States / peer.Seconds), "x", how);

        foreach (var figure in Exhaustive("explorer, built-in configuration, every invariant", config, quick ? 500_000 : int.MaxValue, "failover-model explore"))
        {
            yield return figure;
        }

        var largeBound = quick ? 200_000 : 1_000_000;
        foreach (var figure in Exhaustive($"explorer, large configuration (64 interfaces), first {largeBound:N0} states", LargeConfiguration.Build(), largeBound, how))
        {
            yield return figure;
        }

        clock.Restart();
        var settled = SettledGraph.Explore(new FailoverPair(config));
        seconds = clock.Elapsed.TotalSeconds;
        yield return new("settled graph (all events)", "states", settled.StateCount, "states", how);
        yield return new("settled graph (all events)", "transitions", settled.EdgeCount, "transitions", how);
        yield return new("settled graph (all events)", "transitions per second", settled.EdgeCount / seconds, "transitions/s", how);
    }

    /// <summary>Random runs as 'check' draws them, every invariant checked after every step (internal steps too).</summary>
    public static IEnumerable<BenchFigure> RandomChecking(int runs)
    {
        var generated = FsCheck.Fluent.Gen.Sample(Checking.RandomRuns.Runs(60), runs, new FsCheck.Rnd(1UL), 50);
        var clock = Stopwatch.StartNew();
        long steps = 0;
        foreach (var run in generated)
        {
            steps += Checking.RunChecker.Check(run).Steps;
        }

        yield return new("random checking, every invariant", "events per second", steps / clock.Elapsed.TotalSeconds, "events/s", "failover-model check");
    }

    private static IEnumerable<BenchFigure> Exhaustive(string workload, PairConfig config, int maxStates, string how)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var explorer = new Explorer(new FailoverPair(config));
        var clock = Stopwatch.StartNew();
        var result = explorer.Explore(maxStates);
        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        yield return new(workload, result.Complete ? "states (complete)" : "states (bounded)", result.States, "states", how);
        yield return new(workload, "transitions", result.Transitions, "transitions", how);
        yield return new(workload, "states per second", result.States / seconds, "states/s", how);
        yield return new(workload, "bytes per stored state", explorer.LastBytesPerState, "B", how);
        yield return new(workload, "peak working set", process.PeakWorkingSet64 / 1_048_576.0, "MiB", how);
        GC.KeepAlive(before);
    }
}
