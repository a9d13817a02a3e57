using System.CommandLine;
using System.Globalization;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Exploration.Store;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Topology;
using Spectre.Console;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model explore</c>: every reachable state, every invariant, the witnesses and the recovery analysis.
/// Exit codes: 0 no invariant violated (and, for a complete run, every witness reached, no trap state, no deadlock);
/// 1 an invariant violated, or a complete run missing a witness or finding a trap state or deadlock, or a bounded run
/// with <c>--require-complete</c>; 2 bad input; 130 interrupted.
/// </summary>
public static class ExploreCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var maxStates = new Option<int?>("--max-states")
        {
            Description = $"bound every phase (the exploration and the settled graph) to this many states, {Io.OptionRange.MaxFingerprintStates.Min:N0} to {Io.OptionRange.MaxFingerprintStates.Max:N0} ({Io.OptionRange.MaxStates.Min:N0} to {Io.OptionRange.MaxStates.Max:N0} with --exact, --reference or --with); a bounded run reports what it covered [default: no bound]",
        };
        var requireComplete = new Option<bool>("--require-complete") { Description = "exit 1 when the run is bounded or interrupted, so that CI needs a complete proof" };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "write the counterexample and the witnesses as scenario files into this folder" };
        var reference = new Option<bool>("--reference") { Description = "step every transition on the reference pair over snapshots (the old explorer, on every core) instead of the compiled packed pair; same result, slower" };
        var with = new Option<string[]>("--with")
        {
            Description = $"add to the failover events: {string.Join(", ", ExplorationAlphabet.Parts)} (comma-separated or repeated; docs/checking.md, \"The whole alphabet\"); explored on the reference explorer",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "parts",
        };
        var changes = new Option<int>("--changes")
        {
            Description = $"with configure: tracked configuration changes typed in each space, 1 to {ExplorationAlphabet.MaxChangesPerSpace} (one reaches every way a space can differ between the units)",
            DefaultValueFactory = _ => 1,
            HelpName = "k",
        };
        var exact = new Option<bool>("--exact") { Description = "keep every state's whole 44-byte key in memory (about 63 bytes a state) instead of its 64-bit fingerprint: no collision probability, but bounded to " + $"{Io.OptionRange.MaxStates.Max:N0} states" };
        var memory = new Option<string?>("--memory")
        {
            Description = $"the memory the fingerprint store may use, e.g. 12g or 800m (k, m, g, t: binary units); at least {Number(MemoryRange.Min >> 20)}m; the run stops, resumable, when the table would need more [default: half the machine's memory, here {Number(DefaultMemory >> 20)}m]",
            HelpName = "size",
        };
        var checkpoint = new Option<DirectoryInfo?>("--checkpoint") { Description = "keep the run's frontier, parent log and checkpoints in this new or empty folder (checkpointed every --checkpoint-every and on Ctrl-C); without it they go to a temporary folder, removed at the end", HelpName = "dir" };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "continue the run whose checkpoint this folder holds (same configuration, alphabet, bound and build of the model); it ends as the uninterrupted run would", HelpName = "dir" };
        var checkpointEvery = new Option<int>("--checkpoint-every")
        {
            Description = $"seconds between two checkpoints, {CheckpointSeconds.Min} to {Number(CheckpointSeconds.Max)} (0: after every chunk of 4,096 states)",
            DefaultValueFactory = _ => 120,
            HelpName = "seconds",
        };
        var graphOptions = new ExploreGraphOptions();
        var command = new Command("explore", "Explore every reachable state of the pair, checking every invariant on every transition; list deadlocks, trap states and unreached witnesses. Exit 0: no violation; 1: a violation (or, complete, a missing witness, trap state or deadlock; or incomplete with --require-complete; or a run that cannot go on for want of --memory or disk, resumable); 2: bad input; 130: interrupted.")
        {
            config, maxStates, requireComplete, outDir, reference, with, changes, exact, memory, checkpoint, resume, checkpointEvery, graphOptions.Graph, graphOptions.GraphOf,
        };
        command.SetAction(parse =>
        {
            // The bound is checked before the configuration is read; Run checks the output folder before the work.
            var parts = Parts(parse.GetValue(with) ?? []);
            var store = StoreOptions.Of(parse.GetValue(exact) || parse.GetValue(reference) || parts.Count > 0, parse.GetValue(memory), parse.GetValue(checkpoint), parse.GetValue(resume), parse.GetValue(checkpointEvery));
            var bound = parse.GetValue(maxStates) ?? NoBound;
            CheckBound(bound, store.Fingerprints);
            var perSpace = parse.GetValue(changes);
            Io.OptionRange.Check("--changes", perSpace, (1, ExplorationAlphabet.MaxChangesPerSpace));
            var graph = graphOptions.Read(parse, parse.GetValue(reference) || parts.Count > 0);
            if (graph?.Of == Exploration.Graph.GraphOf.Reachable && store.Resume)
            {
                throw new CliUsageException("--graph-of reachable is written as the run explores: a resumed run explored part of it before; write it with a run from the start");
            }

            var pairConfig = CommonOptions.Load(parse.GetValue(config), io.Limits);
            return Run(io, pairConfig, bound, parse.GetValue(outDir), parse.GetValue(requireComplete), parse.GetValue(reference), parts, perSpace, store, graph?.Target());
        });
        return command;
    }

    /// <summary><c>--max-states</c> left out: the run goes to the end, so that the built-in configuration is proved whatever its size.</summary>
    public const int NoBound = int.MaxValue;

    /// <summary><c>--checkpoint-every</c>'s range, in seconds.</summary>
    public static readonly (long Min, long Max) CheckpointSeconds = (0, 86_400);

    /// <summary><c>--memory</c>'s range: enough for the runtime and a first table, up to the machine's memory.</summary>
    public static (long Min, long Max) MemoryRange => (StoreOptions.Reserve + (128L << 20), Math.Max(StoreOptions.Reserve + (128L << 20), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));

    /// <summary><c>--memory</c> when not given: half the machine's memory.</summary>
    public static long DefaultMemory => Math.Max(MemoryRange.Min, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <param name="maxStates">The bound of every phase, or <see cref="NoBound"/>.</param>
    /// <param name="reference">Explore with the reference explorer (every transition stepped on snapshots) instead of the compiled one.</param>
    /// <param name="with">Parts of <see cref="ExplorationAlphabet"/> added to the failover events (explored on the reference explorer).</param>
    /// <param name="changesPerSpace">With <c>configure</c>: the tracked changes typed in each space.</param>
    /// <param name="store">Where the states are kept: fingerprints (the default) or whole keys.</param>
    public static int Run(CliIo io, PairConfig config, long maxStates, DirectoryInfo? outDir, bool requireComplete, bool reference = false, IReadOnlyCollection<string>? with = null, int changesPerSpace = 1, StoreOptions? store = null) =>
        Run(io, config, maxStates, outDir, requireComplete, reference, with, changesPerSpace, store, graph: null);

    /// <inheritdoc cref="Run(CliIo, PairConfig, long, DirectoryInfo?, bool, bool, IReadOnlyCollection{string}?, int, StoreOptions?)"/>
    /// <param name="graph">The graph file to write as the run explores (<c>--graph</c>), checked.</param>
    internal static int Run(CliIo io, PairConfig config, long maxStates, DirectoryInfo? outDir, bool requireComplete, bool reference, IReadOnlyCollection<string>? with, int changesPerSpace, StoreOptions? store, GraphRequest? graph)
    {
        // It stops by itself when interrupted (Interruption): a signal cancels it rather than ending the process.
        using var watched = Interruption.Watch();
        with ??= [];
        store ??= StoreOptions.Of(reference || with.Count > 0, null, null, null, 120);
        CheckBound(maxStates, store.Fingerprints);
        var alphabet = ExplorationAlphabet.For(config, with, changesPerSpace);

        // The compiled explorer's packed states hold no configuration part: a wider alphabet is stepped on snapshots.
        reference |= with.Count > 0;
        if (outDir is not null)
        {
            Io.OutputFile.FullPath(outDir, "--out");
            Io.OutputFolder.CheckNames(outDir, OutNames(alphabet), "--out");
            Io.OutputFolder.Prepare(outDir, "--out");
        }

        using var graphOutput = graph?.Open(config); // graph file
        var pair = new FailoverPair(config);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phaseBound = (int)Math.Min(int.MaxValue, maxStates);
        FingerprintRunResult? fingerprints = null;
        RecoveryReport? recovery = null;
        var (result, settled) = CommandProgress.Run(io, "explore", progress =>
        {
            progress.Phase("reachable states", "states");
            var reachableGraph = graph?.Of == Exploration.Graph.GraphOf.Reachable ? graphOutput!.Listener : null;
            ExplorationResult explored;
            if (store.Fingerprints)
            {
                fingerprints = ExploreFingerprints(io, pair, alphabet, maxStates, store, progress, reachableGraph);
                explored = fingerprints.Exploration;
            }
            else
            {
                explored = reference
                    ? new Explorer(pair, alphabet).Explore(phaseBound, expanded: (done, found, _) => progress.Set(done, found), cancellation: io.Cancellation)
                    : new CompiledExplorer(pair) { GraphListener = reachableGraph }.Explore(phaseBound, expanded: (done, found, _) => progress.Set(done, found), cancellation: io.Cancellation);
            }

            progress.Set(explored.States, explored.States);
            if (explored.Cancelled || explored.Violation is not null || fingerprints?.TableFull is not null)
            {
                return (explored, (SettledGraph?)null);
            }

            progress.Phase("settled graph", "states");
            // A settled graph file is told its states and edges with their table rows as the snapshots' steps give them.
            var settledGraph = reference || graph?.Of == Exploration.Graph.GraphOf.Settled
                ? SettledGraph.Explore(pair, alphabet, phaseBound, null, (done, found) => progress.Set(done, found), io.Cancellation, selfLoops: false, graph: graph?.Of == Exploration.Graph.GraphOf.Settled ? graphOutput!.Listener : null)
                : CompiledSettledGraph.Explore(pair, alphabet, maxStates: phaseBound, progress: (done, found) => progress.Set(done, found), cancellation: io.Cancellation);
            if (settledGraph.Complete)
            {
                progress.Phase("recovery analysis", "states", settledGraph.StateCount);
                recovery = RecoveryAnalysis.Analyse(settledGraph);
                progress.Set(settledGraph.StateCount);
            }

            return (explored, settledGraph);
        });

        var bounded = !result.Complete || settled is { Complete: false };
        var required = Explorer.RequiredWitnesses(config).ToList();
        var missing = required.Except(result.Witnesses.Select(w => w.What)).ToList();

        var table = new Table().AddColumns("measure", "value");
        void Row(string measure, string value) => table.AddRow(Markup.Escape(measure), Markup.Escape(value));
        Row("configuration", config.Name);
        Row("explorer", reference ? "reference (snapshots)" : "compiled (packed states)");
        Row("store", store.Fingerprints ? "64-bit fingerprints, frontier and parent log on disk" : "whole keys in memory (exact)");
        Row("alphabet", with.Count == 0 ? $"failover events ({Number(alphabet.Count)})" : $"failover events and {string.Join(", ", with.Select(p => p == "configure" ? $"configure ({changesPerSpace} per space)" : p))} ({Number(alphabet.Count)})");
        Row("bound", maxStates == NoBound ? "none" : $"{Number(maxStates)} states per phase");
        if (fingerprints is { Store: var figures })
        {
            Row("bytes per state in memory", string.Create(CultureInfo.InvariantCulture, $"table {figures.TableBytesPerState:F1} ({Mib(figures.TableBytes)})"));
            Row("bytes per state on disk", string.Create(CultureInfo.InvariantCulture, $"frontier {StoreFigures.FrontierBytesPerState} (peak {Mib(figures.PeakFrontierBytes)}), parent log {figures.ParentLogBytesPerState:F0} ({Mib(figures.ParentLogBytes)})"));
            Row("fingerprint collision", string.Create(CultureInfo.InvariantCulture, $"probability {figures.OptimisticCollision:G3} (optimistic), {figures.ObservedCollision:G3} (observed)"));
            if (fingerprints.Resumed)
            {
                Row("resumed", store.Directory!.FullName);
            }
        }

        Row("states (canonical)", Number(result.States));
        Row("transitions", Number(result.Transitions));
        Row("depth", Number(result.Depth));
        Row("exploration complete", result.Complete ? "yes" : result.Cancelled ? "no (interrupted)" : result.Violation is not null ? "no (stopped at a violation)" : "no (bounded)");
        Row("invariants checked", Number(result.InvariantChecks));
        Row("witnesses reached", $"{required.Count - missing.Count} of {required.Count}");
        Row("settled states", settled is null ? "not explored" : Number(settled.StateCount) + (settled.Complete ? "" : settled.Cancelled ? " (interrupted)" : " (bounded)"));
        if (recovery is not null)
        {
            Row("healthy settled states", Number(recovery.HealthyStates));
            Row("strongly connected components", Number(recovery.StronglyConnectedComponents));
            Row("trap states", Number(recovery.TrapStates.Count));
            Row("deadlocks", Number(recovery.Deadlocks.Count));
        }
        else
        {
            Row("recovery analysis", "needs the complete settled graph");
        }

        TerminalConsole.Write(io, table);
        ExploreGraphOptions.Report(io, graphOutput); // graph file
        var seconds = result.Elapsed.TotalSeconds;
        io.Error.WriteLine($"explore: {clock.Elapsed.TotalSeconds:F1} s in all; reachable states {seconds:F1} s ({result.States / Math.Max(0.001, seconds):N0} states/s), settled graph and recovery {(clock.Elapsed.TotalSeconds - seconds):F1} s");

        if (fingerprints?.TableFull is { } full)
        {
            io.Out.WriteLine($"stopped: {full}; " + (store.Directory is { } kept
                ? $"the checkpoint in {kept.FullName} resumes the run with a larger --memory (--resume {kept.FullName})"
                : "give it a larger --memory, and --checkpoint to resume a run that stops"));
            return Cli.CheckFailed;
        }

        if (result.Violation is { } v)
        {
            var scenario = ScenarioWriter.Write(pair, v.Path, [$"Counterexample to {v.Invariant.Name} ({v.Invariant.Source})", v.Evidence]);
            io.Out.WriteLine();
            io.Out.Write(scenario);
            if (outDir is not null)
            {
                Io.OutputFolder.WriteWhole(outDir, CounterexampleFile, scenario, "--out");
            }

            return Cli.CheckFailed;
        }

        if (result.Cancelled || settled is { Cancelled: true })
        {
            io.Out.WriteLine("interrupted: no invariant violated in what was covered; the run proves nothing beyond it");
            return Cli.Interrupted;
        }

        if (outDir is not null)
        {
            foreach (var (witness, n) in result.Witnesses.Select((w, n) => (w, n)))
            {
                Io.OutputFolder.WriteWhole(outDir, WitnessFile(n + 1), ScenarioWriter.Write(pair, witness.Path, [$"Reaches: {witness.What}"]), "--out");
            }
        }

        if (bounded)
        {
            io.Out.WriteLine($"bounded run: no invariant violated in the {Number(result.States)} states and {Number(result.Transitions)} transitions covered; witnesses, trap states and deadlocks are decided only by a complete run");
            return requireComplete ? Cli.CheckFailed : Cli.Success;
        }

        foreach (var m in missing)
        {
            io.Out.WriteLine($"never reached: {m}");
        }

        foreach (var t in recovery!.TrapStates.Take(3))
        {
            io.Out.WriteLine($"trap state, reached by: {string.Join("; ", settled!.PathTo(t))}");
        }

        return missing.Count == 0 && recovery.TrapStates.Count == 0 && recovery.Deadlocks.Count == 0 ? Cli.Success : Cli.CheckFailed;
    }

    /// <summary>
    /// Every file <c>--out</c> may receive: the counterexample and a witness for each thing a witness is kept for (a
    /// group state, a table row, a command of the alphabet), so that each name is checked before the run rather than
    /// once it is over.
    /// </summary>
    private static IEnumerable<string> OutNames(IReadOnlyList<Event> alphabet)
    {
        var most = Explorer.GroupStateWitness.Length + Explorer.RowWitness.Length + alphabet.OfType<CommandEvent>().Select(c => c.Command.ToString()).Distinct(StringComparer.Ordinal).Count();
        return Enumerable.Range(1, most).Select(WitnessFile).Prepend(CounterexampleFile);
    }

    private const string CounterexampleFile = "counterexample.scenario";

    private static string WitnessFile(int n) => string.Create(CultureInfo.InvariantCulture, $"witness-{n:D2}.scenario");

    /// <summary>The parts named by <c>--with</c>, comma-separated or repeated, each once, in the documented order; an unknown one is bad input.</summary>
    private static IReadOnlyCollection<string> Parts(IEnumerable<string> values)
    {
        var items = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (items.Any(string.IsNullOrEmpty))
        {
            throw new CliUsageException($"--with: an empty part (known: {string.Join(", ", ExplorationAlphabet.Parts)})");
        }

        var named = items.ToHashSet(StringComparer.Ordinal);
        if (named.FirstOrDefault(p => !ExplorationAlphabet.Parts.Contains(p)) is { } unknown)
        {
            throw new CliUsageException($"--with: unknown part '{unknown}' (known: {string.Join(", ", ExplorationAlphabet.Parts)})");
        }

        return [.. ExplorationAlphabet.Parts.Where(named.Contains)];
    }

    /// <summary>An explicit bound must be in its documented range (docs/input-limits.md): the exact store holds every key in memory, the fingerprint store 8 bytes a slot; no bound is always allowed.</summary>
    private static void CheckBound(long maxStates, bool fingerprints)
    {
        if (maxStates != NoBound)
        {
            Io.OptionRange.Check("--max-states", maxStates, fingerprints ? Io.OptionRange.MaxFingerprintStates : Io.OptionRange.MaxStates);
        }
    }

    /// <summary>Runs the fingerprint explorer with the command's progress, memory and checkpoints.</summary>
    private static FingerprintRunResult ExploreFingerprints(CliIo io, FailoverPair pair, IReadOnlyList<Event> alphabet, long maxStates, StoreOptions store, CommandProgress progress, Exploration.Graph.IGraphListener? graph)
    {
        var options = new FingerprintRunOptions
        {
            GraphListener = graph,
            MaxStates = maxStates == NoBound ? long.MaxValue : maxStates,
            MemoryBytes = store.TableBudget,
            Directory = store.Directory?.FullName,
            Resume = store.Resume,
            CheckpointEvery = TimeSpan.FromSeconds(store.CheckpointSeconds),
        };
        try
        {
            return new FingerprintExplorer(pair, alphabet).Explore(options, progress: p =>
            {
                progress.Set(p.States, p.StatesAhead is { } ahead ? p.States + ahead : null);
                progress.Detail($"level {p.Level}, frontier {Number(p.Frontier)}, {Number(p.Transitions)} transitions, table {Mib(p.TableBytes)}, disk {Mib(p.DiskBytes)}, process {Mib(Environment.WorkingSet)}");
            }, cancellation: io.Cancellation);
        }
        catch (CheckpointException e)
        {
            throw new CliUsageException($"--resume: {e.Message}");
        }
        catch (IOException e) when (e is not Io.OutputWriteException && store.Directory is { } kept)
        {
            throw new ExploreStoppedException($"explore: writing the run's files in {kept.FullName} failed ({e.Message}); its last checkpoint resumes the run (--resume {kept.FullName})");
        }
        catch (IOException e) when (e is not Io.OutputWriteException)
        {
            throw new ExploreStoppedException($"explore: writing the run's temporary files failed ({e.Message}); --checkpoint DIR keeps them where there is room, and resumable");
        }
    }

    private static string Mib(long bytes) => bytes >= 10L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):F1} MiB");

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
