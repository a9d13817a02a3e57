using System.CommandLine;
using System.Globalization;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using Spectre.Console;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model explore</c>: every reachable state, every invariant, the witnesses and the recovery analysis.</summary>
public static class ExploreCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var maxStates = new Option<int>("--max-states") { Description = "stop after this many states (the run then proves nothing)", DefaultValueFactory = _ => (int)Io.OptionRange.MaxStates.Max };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "write the counterexample and the witnesses as scenario files into this folder" };
        var command = new Command("explore", "Explore every reachable state of the pair, checking every invariant on every transition; list deadlocks, trap states and unreached witnesses.")
        {
            config, maxStates, outDir,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetValue(maxStates), parse.GetValue(outDir)));
        return command;
    }

    public static int Run(CliIo io, FileInfo? configFile, int maxStates, DirectoryInfo? outDir)
    {
        Io.OptionRange.Check("--max-states", maxStates, Io.OptionRange.MaxStates);
        if (outDir is not null)
        {
            Io.OutputFolder.Prepare(outDir, "--out");
        }

        var config = CommonOptions.Load(configFile, io.Limits);
        var pair = new FailoverPair(config);
        var explorer = new Explorer(pair);
        var result = explorer.Explore(maxStates, progress: (states, transitions) =>
            io.Error.WriteLine($"explore: {states:N0} states, {transitions:N0} transitions"));
        var settled = SettledGraph.Explore(pair);
        var recovery = RecoveryAnalysis.Analyse(settled);
        var missing = Explorer.RequiredWitnesses(config).Except(result.Witnesses.Select(w => w.What)).ToList();

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 120;
        var table = new Table().AddColumns("measure", "value");
        void Row(string measure, object value) => table.AddRow(measure, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        Row("configuration", config.Name);
        Row("states (canonical)", result.States.ToString("N0", CultureInfo.InvariantCulture));
        Row("transitions", result.Transitions.ToString("N0", CultureInfo.InvariantCulture));
        Row("depth", result.Depth);
        Row("complete", result.Complete ? "yes" : "no");
        Row("invariants checked", result.InvariantChecks.ToString("N0", CultureInfo.InvariantCulture));
        var required = Explorer.RequiredWitnesses(config).Count();
        Row("witnesses reached", $"{required - missing.Count} of {required}");
        Row("settled states", recovery.States.ToString("N0", CultureInfo.InvariantCulture));
        Row("healthy settled states", recovery.HealthyStates);
        Row("strongly connected components", recovery.StronglyConnectedComponents);
        Row("trap states", recovery.TrapStates.Count);
        Row("deadlocks", recovery.Deadlocks.Count);
        console.Write(table);
        io.Error.WriteLine($"explore: {result.Elapsed.TotalSeconds:F1} s, {result.States / Math.Max(0.001, result.Elapsed.TotalSeconds):N0} states/s");

        if (outDir is not null)
        {
            foreach (var (witness, n) in result.Witnesses.Select((w, n) => (w, n)))
            {
                Io.OutputFolder.WriteWhole(outDir, $"witness-{n + 1:D2}.scenario", ScenarioWriter.Write(pair, witness.Path, [$"Reaches: {witness.What}"]), "--out");
            }
        }

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

        foreach (var m in missing)
        {
            io.Out.WriteLine($"never reached: {m}");
        }

        foreach (var t in recovery.TrapStates.Take(3))
        {
            io.Out.WriteLine($"trap state, reached by: {string.Join("; ", settled.PathTo(t))}");
        }

        return missing.Count == 0 && recovery.TrapStates.Count == 0 && recovery.Deadlocks.Count == 0 && result.Complete ? Cli.Success : Cli.CheckFailed;
    }
}
