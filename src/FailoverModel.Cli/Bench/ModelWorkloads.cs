using System.Diagnostics;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Exploration.Store;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>The model's own workloads, measured on the same next-state relation as the CsCheck peer.</summary>
public static class ModelWorkloads
{
    /// <summary>The built-in configuration without interface events: small enough that every engine closes it in seconds.</summary>
    public static IReadOnlyList<Event> CompactAlphabet(PairConfig config) =>
        [.. EventAlphabet.For(config).Where(e => e is not InterfaceChange)];

    public static IEnumerable<BenchFigure> Exploration(PairConfig config, BenchBounds bounds)
    {
        const string how = "failover-model bench";
        foreach (var figure in AgainstCsCheck(config, bounds.CsCheck, how))
        {
            yield return figure;
        }

        foreach (var figure in AgainstTheReferenceAndTheFloor(config, bounds.Exploration, how))
        {
            yield return figure;
        }

        foreach (var figure in Exhaustive($"compiled explorer, large configuration (64 interfaces), first {bounds.Large:N0} states", ScaledConfiguration.Large(), bounds.Large, how))
        {
            yield return figure;
        }

        var clock = Stopwatch.StartNew();
        var settled = SettledGraph.Explore(new FailoverPair(config), maxStates: bounds.Settled);
        var seconds = clock.Elapsed.TotalSeconds;
        var workload = $"settled graph (all events), {(settled.Complete ? "complete" : $"first {bounds.Settled:N0} states")}";
        yield return new(workload, "states", settled.StateCount, "states", how);
        yield return new(workload, "transitions", settled.EdgeCount, "transitions", how);
        yield return new(workload, "transitions per second", settled.EdgeCount / seconds, "transitions/s", how);
        GC.Collect();
        clock.Restart();
        var compiledSettled = CompiledSettledGraph.Explore(new FailoverPair(config), EventAlphabet.For(config), maxStates: bounds.Settled);
        var compiledSettledSeconds = clock.Elapsed.TotalSeconds;
        var sameGraph = compiledSettled.StateCount == settled.StateCount && compiledSettled.EdgeCount == settled.EdgeCount ? "" : " (NOT the same graph)";
        yield return new($"{workload}, on packed states", "transitions per second", compiledSettled.EdgeCount / compiledSettledSeconds, "transitions/s", how);
        yield return new($"ratio: settled graph on packed states vs on snapshots{sameGraph}", "speed ratio", seconds / compiledSettledSeconds, "x", how);
    }

    /// <summary>
    /// CsCheck's exhaustive engine on one thread and on every core, and the compiled explorer, on the relation without
    /// interface events, no invariant, each stopped at the same number of states. CsCheck stores whole snapshots with
    /// reasons cleared; the compiled explorer stores their canonical representatives, so it reaches the bound deeper in
    /// the same relation: the ratio is of states stored per second, the work each engine does for one state.
    /// </summary>
    private static IEnumerable<BenchFigure> AgainstCsCheck(PairConfig config, int bound, string how)
    {
        var alphabet = CompactAlphabet(config);
        var cores = Environment.ProcessorCount;
        WarmUp(config, alphabet);
        var single = CsCheckPeer.Explore(config, alphabet, threads: 1, bound);
        var all = CsCheckPeer.Explore(config, alphabet, threads: cores, bound);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var ours = new CompiledExplorer(new FailoverPair(config), alphabet).Explore(bound, invariants: [], threads: 1);
        var rate = ours.States / clock.Elapsed.TotalSeconds;
        GC.Collect();
        clock.Restart();
        var oursAll = new CompiledExplorer(new FailoverPair(config), alphabet).Explore(bound, invariants: [], threads: cores);
        var rateAll = oursAll.States / clock.Elapsed.TotalSeconds;
        var workload = $"no interface events, no invariant, first {bound:N0} states";
        yield return new($"csCheck exhaustive (1 thread), {workload}", single.Closed ? "states (complete)" : "states (bounded)", single.States, "states", how);
        yield return new($"csCheck exhaustive (1 thread), {workload}", "states per second", single.States / single.Seconds, "states/s", how);
        yield return new($"csCheck exhaustive ({cores} threads), {workload}", "states per second", all.States / all.Seconds, "states/s", how);
        yield return new($"compiled explorer (1 thread), {workload}", ours.Complete ? "states (complete)" : "states (bounded)", ours.States, "states", how);
        yield return new($"compiled explorer (1 thread), {workload}", "states per second", rate, "states/s", how);
        var same = ours.States == single.States && ours.States == all.States ? "" : " (NOT the same number of states)";
        yield return new($"ratio: compiled explorer vs csCheck, 1 thread each (target: at least 3){same}", "speed ratio", rate / (single.States / single.Seconds), "x", how);
        yield return new($"compiled explorer ({cores} threads), {workload}", "states per second", rateAll, "states/s", how);
        yield return new($"ratio: compiled explorer (1 thread) vs csCheck ({cores} threads){same}", "speed ratio", rate / (all.States / all.Seconds), "x", how);
        yield return new($"ratio: compiled explorer vs csCheck, {cores} threads each{same}", "speed ratio", rateAll / (all.States / all.Seconds), "x", how);
    }

    /// <summary>
    /// The same bounded exploration of the built-in configuration, every invariant, by the reference explorer (every
    /// core, as <c>explore --reference</c> runs it) and the compiled one (every core, as <c>explore</c> runs it, and one
    /// thread); and the floor: the same number of key insertions and look-ups into the same store, no model work.
    /// </summary>
    private static IEnumerable<BenchFigure> AgainstTheReferenceAndTheFloor(PairConfig config, int bound, string how)
    {
        var workload = $"built-in configuration, every invariant, first {bound:N0} states";
        WarmUp(config, null);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var reference = new Explorer(new FailoverPair(config)).Explore(bound);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        var compiled = new CompiledExplorer(new FailoverPair(config)) { KeepStore = true };
        GC.Collect();
        clock.Restart();
        var ours = compiled.Explore(bound);
        var compiledSeconds = clock.Elapsed.TotalSeconds;
        var floorSeconds = Floor(compiled.LastStore!, ours.Transitions);
        GC.Collect();
        clock.Restart();
        var single = new CompiledExplorer(new FailoverPair(config)).Explore(bound, threads: 1);
        var singleSeconds = clock.Elapsed.TotalSeconds;
        var cores = Environment.ProcessorCount;
        // Both explorers expand in the same breadth-first order, so at the same bound they do the same work; were they
        // ever to differ, the ratio line says so instead of comparing unlike work silently.
        var same = ours.States == reference.States && ours.Transitions == reference.Transitions && single.States == ours.States ? "" : " (NOT the same states and transitions)";
        yield return new($"reference explorer ({cores} threads), {workload}", "transitions", reference.Transitions, "transitions", how);
        yield return new($"reference explorer ({cores} threads), {workload}", "states per second", reference.States / referenceSeconds, "states/s", how);
        yield return new($"compiled explorer ({cores} threads), {workload}", "transitions", ours.Transitions, "transitions", how);
        yield return new($"compiled explorer ({cores} threads), {workload}", "states per second", ours.States / compiledSeconds, "states/s", how);
        yield return new($"compiled explorer ({cores} threads), {workload}", "transitions per second", ours.Transitions / compiledSeconds, "transitions/s", how);
        yield return new($"compiled explorer (1 thread), {workload}", "states per second", single.States / singleSeconds, "states/s", how);
        yield return new($"floor: the same {ours.States:N0} insertions and {ours.Transitions:N0} look-ups, no model", "seconds", floorSeconds, "s", how);
        yield return new($"ratio: compiled explorer vs reference explorer, {cores} threads each (target: at least 10){same}", "speed ratio", referenceSeconds / compiledSeconds, "x", how);
        yield return new($"ratio: compiled explorer (1 thread) vs reference explorer ({cores} threads){same}", "speed ratio", referenceSeconds / singleSeconds, "x", how);
        yield return new($"ratio: compiled explorer ({cores} threads) vs floor (target: at most 10)", "time ratio", compiledSeconds / floorSeconds, "x", how);

        // The same run on the fingerprint store (explore's default): the frontier and parent log go to a temporary folder.
        GC.Collect();
        clock.Restart();
        var fingerprints = new FingerprintExplorer(new FailoverPair(config)).Explore(new FingerprintRunOptions { MaxStates = bound });
        var fingerprintSeconds = clock.Elapsed.TotalSeconds;
        var fingerprintFloor = FingerprintFloor(compiled.LastStore!, ours.Transitions);
        var agrees = fingerprints.Exploration.States == ours.States && fingerprints.Exploration.Transitions == ours.Transitions ? "" : " (NOT the same states and transitions)";
        yield return new($"compiled explorer on the fingerprint store ({cores} threads), {workload}", "states per second", fingerprints.Exploration.States / fingerprintSeconds, "states/s", how);
        yield return new($"compiled explorer on the fingerprint store ({cores} threads), {workload}", "table bytes per state (memory)", fingerprints.Store.TableBytesPerState, "B", how);
        yield return new($"compiled explorer on the fingerprint store ({cores} threads), {workload}", "frontier and parent log bytes per state (disk)", StoreFigures.FrontierBytesPerState + fingerprints.Store.ParentLogBytesPerState, "B", how);
        yield return new($"compiled explorer on the exact store ({cores} threads), {workload}", "bytes per state (memory)", compiled.LastBytesPerState, "B", how);
        yield return new($"floor of the fingerprint store: the same {ours.States:N0} insertions and {ours.Transitions:N0} look-ups of fingerprints, no model", "seconds", fingerprintFloor, "s", how);
        yield return new($"ratio: fingerprint store vs exact store, {cores} threads each{agrees}", "speed ratio", compiledSeconds / fingerprintSeconds, "x", how);
        yield return new($"ratio: exact store vs fingerprint store, bytes per state in memory{agrees}", "memory ratio", compiled.LastBytesPerState / fingerprints.Store.TableBytesPerState, "x", how);
        yield return new($"ratio: compiled explorer on the fingerprint store ({cores} threads) vs its floor", "time ratio", fingerprintSeconds / fingerprintFloor, "x", how);
    }

    /// <summary>The explored keys' fingerprints inserted into a fresh fingerprint table in order, with one look-up per transition in between (hashing included).</summary>
    private static double FingerprintFloor(StateStore explored, long transitions)
    {
        var keys = new StateKey[explored.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = explored[i];
        }

        using var table = new FingerprintTable(FingerprintTable.BytesFor(31));
        var clock = Stopwatch.StartNew();
        long looked = 0;
        var found = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            for (var target = transitions * (i + 1) / keys.Length; looked < target; looked++)
            {
                found += table.Contains(Fingerprint.Of(keys[(int)((looked * 7_919) % keys.Length)])) ? 1 : 0;
            }

            table.Add(Fingerprint.Of(keys[i]));
        }

        GC.KeepAlive(found);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A few thousand states through each explorer on one thread and on every core before anything is timed: the first
    /// run of a workload otherwise pays for the JIT's tiers, which on a busy machine decides a ratio of runs lasting seconds.
    /// </summary>
    private static void WarmUp(PairConfig config, IReadOnlyList<Event>? alphabet)
    {
        const int Bound = 5_000;
        var pair = new FailoverPair(config);
        alphabet ??= EventAlphabet.For(config);
        _ = new Explorer(pair, alphabet).Explore(Bound);
        _ = new CompiledExplorer(pair, alphabet).Explore(Bound, threads: 1);
        _ = new CompiledExplorer(pair, alphabet).Explore(Bound);
        _ = new FingerprintExplorer(pair, alphabet).Explore(new FingerprintRunOptions { MaxStates = Bound });
        _ = CsCheckPeer.Explore(config, alphabet, threads: 1, Bound);
    }

    /// <summary>Inserts the explored keys into a fresh store in the same order, with one look-up per transition in between.</summary>
    private static double Floor(StateStore explored, long transitions)
    {
        var keys = new StateKey[explored.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = explored[i];
        }

        var store = new StateStore();
        var clock = Stopwatch.StartNew();
        long looked = 0;
        var found = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            // Look-ups spread over the states, as the explorer's are: a successor is new or an earlier state.
            for (var target = transitions * (i + 1) / keys.Length; looked < target; looked++)
            {
                found += store.Contains(keys[(int)((looked * 7_919) % keys.Length)]) ? 1 : 0;
            }

            store.Add(keys[i], i - 1, 0);
        }

        GC.KeepAlive(found);
        return clock.Elapsed.TotalSeconds;
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
        var explorer = new CompiledExplorer(new FailoverPair(config));
        var clock = Stopwatch.StartNew();
        var result = explorer.Explore(maxStates);
        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        yield return new(workload, result.Complete ? "states (complete)" : "states (bounded)", result.States, "states", how);
        yield return new(workload, "transitions", result.Transitions, "transitions", how);
        yield return new(workload, "states per second", result.States / seconds, "states/s", how);
        yield return new(workload, "bytes per stored state", explorer.LastBytesPerState, "B", how);
        yield return new(workload, "peak working set", process.PeakWorkingSet64 / 1_048_576.0, "MiB", how);
    }
}
