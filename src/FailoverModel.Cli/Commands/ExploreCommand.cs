using System.CommandLine;
using System.Globalization;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
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
            Description = $"bound every phase (the exploration and the settled graph) to this many states, {Io.OptionRange.MaxStates.Min:N0} to {Io.OptionRange.MaxStates.Max:N0}; a bounded run reports what it covered [default: no bound]",
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
        var graphOptions = new ExploreGraphOptions(); // graph file
        var command = new Command("explore", "Explore every reachable state of the pair, checking every invariant on every transition; list deadlocks, trap states and unreached witnesses. Exit 0: no violation; 1: a violation (or, complete, a missing witness, trap state or deadlock; or incomplete with --require-complete); 2: bad input; 130: interrupted.")
        {
            config, maxStates, requireComplete, outDir, reference, with, changes, graphOptions.Graph, graphOptions.GraphOf,
        };
        command.SetAction(parse =>
        {
            // The bound is checked before the configuration is read; Run checks the output folder before the work.
            var bound = parse.GetValue(maxStates) ?? NoBound;
            CheckBound(bound);
            var parts = Parts(parse.GetValue(with) ?? []);
            var perSpace = parse.GetValue(changes);
            Io.OptionRange.Check("--changes", perSpace, (1, ExplorationAlphabet.MaxChangesPerSpace));
            var graph = graphOptions.Read(parse, parse.GetValue(config), io.Limits, parse.GetValue(reference) || parts.Count > 0); // graph file
            return Run(io, CommonOptions.Load(parse.GetValue(config), io.Limits), bound, parse.GetValue(outDir), parse.GetValue(requireComplete), parse.GetValue(reference), parts, perSpace, graph);
        });
        return command;
    }

    /// <summary><c>--max-states</c> left out: the run goes to the end, so that the built-in configuration is proved whatever its size.</summary>
    public const int NoBound = int.MaxValue;

    /// <param name="maxStates">The bound of every phase, or <see cref="NoBound"/>.</param>
    /// <param name="reference">Explore with the reference explorer (every transition stepped on snapshots) instead of the compiled one.</param>
    /// <param name="with">Parts of <see cref="ExplorationAlphabet"/> added to the failover events (explored on the reference explorer).</param>
    /// <param name="changesPerSpace">With <c>configure</c>: the tracked changes typed in each space.</param>
    public static int Run(CliIo io, PairConfig config, int maxStates, DirectoryInfo? outDir, bool requireComplete, bool reference = false, IReadOnlyCollection<string>? with = null, int changesPerSpace = 1) =>
        Run(io, config, maxStates, outDir, requireComplete, reference, with, changesPerSpace, graph: null);

    /// <inheritdoc cref="Run(CliIo, PairConfig, int, DirectoryInfo?, bool, bool, IReadOnlyCollection{string}?, int)"/>
    /// <param name="graph">The graph file to write as the run explores (<c>--graph</c>), checked.</param>
    internal static int Run(CliIo io, PairConfig config, int maxStates, DirectoryInfo? outDir, bool requireComplete, bool reference, IReadOnlyCollection<string>? with, int changesPerSpace, GraphRequest? graph)
    {
        CheckBound(maxStates);
        with ??= [];
        var alphabet = ExplorationAlphabet.For(config, with, changesPerSpace);

        // The compiled explorer's packed states hold no configuration part: a wider alphabet is stepped on snapshots.
        reference |= with.Count > 0;
        if (outDir is not null)
        {
            Io.OutputFolder.Prepare(outDir, "--out");
        }

        using var graphOutput = graph?.Open(config); // graph file
        var pair = new FailoverPair(config);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (result, settled) = CommandProgress.Run(io, "explore", progress =>
        {
            progress.Phase("reachable states", "states");
            var compiled = new Exploration.Compiled.CompiledExplorer(pair) { GraphListener = graph?.Of == Exploration.Graph.GraphOf.Reachable ? graphOutput!.Listener : null }; // graph file
            var explored = reference
                ? new Explorer(pair, alphabet).Explore(maxStates, expanded: (done, found, _) => progress.Set(done, found), cancellation: io.Cancellation)
                : compiled.Explore(maxStates, expanded: (done, found, _) => progress.Set(done, found), cancellation: io.Cancellation);

            progress.Set(explored.States, explored.States);
            if (explored.Cancelled || explored.Violation is not null)
            {
                return (explored, (SettledGraph?)null);
            }

            progress.Phase("settled graph", "states");
            var settledGraph = SettledGraph.Explore(pair, alphabet, maxStates, null, (done, found) => progress.Set(done, found), io.Cancellation, selfLoops: false, graph: graph?.Of == Exploration.Graph.GraphOf.Settled ? graphOutput!.Listener : null); // graph file
            return (explored, settledGraph);
        });

        var bounded = !result.Complete || settled is { Complete: false };
        var recovery = settled is { Complete: true } ? RecoveryAnalysis.Analyse(settled) : null;
        var required = Explorer.RequiredWitnesses(config).ToList();
        var missing = required.Except(result.Witnesses.Select(w => w.What)).ToList();

        var table = new Table().AddColumns("measure", "value");
        void Row(string measure, string value) => table.AddRow(Markup.Escape(measure), Markup.Escape(value));
        Row("configuration", config.Name);
        Row("explorer", reference ? "reference (snapshots)" : "compiled (packed states)");
        Row("alphabet", with.Count == 0 ? $"failover events ({Number(alphabet.Count)})" : $"failover events and {string.Join(", ", with.Select(p => p == "configure" ? $"configure ({changesPerSpace} per space)" : p))} ({Number(alphabet.Count)})");
        Row("bound", maxStates == NoBound ? "none" : $"{Number(maxStates)} states per phase");
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

        if (result.Violation is { } v)
        {
            var scenario = ScenarioWriter.Write(pair, v.Path, [$"Counterexample to {v.Invariant.Name} ({v.Invariant.Source})", v.Evidence]);
            io.Out.WriteLine();
            io.Out.Write(scenario);
            if (outDir is not null)
            {
                Io.OutputFolder.WriteWhole(outDir, "counterexample.scenario", scenario, "--out");
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
                Io.OutputFolder.WriteWhole(outDir, $"witness-{n + 1:D2}.scenario", ScenarioWriter.Write(pair, witness.Path, [$"Reaches: {witness.What}"]), "--out");
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

    /// <summary>The parts named by <c>--with</c>, comma-separated or repeated, each once, in the documented order; an unknown one is bad input.</summary>
    private static IReadOnlyCollection<string> Parts(IEnumerable<string> values)
    {
        var named = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        if (named.FirstOrDefault(p => !ExplorationAlphabet.Parts.Contains(p)) is { } unknown)
        {
            throw new CliUsageException($"--with: unknown part '{unknown}' (known: {string.Join(", ", ExplorationAlphabet.Parts)})");
        }

        return [.. ExplorationAlphabet.Parts.Where(named.Contains)];
    }

    /// <summary>An explicit bound must be in its documented range (docs/input-limits.md); no bound is always allowed.</summary>
    private static void CheckBound(int maxStates)
    {
        if (maxStates != NoBound)
        {
            Io.OptionRange.Check("--max-states", maxStates, Io.OptionRange.MaxStates);
        }
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
