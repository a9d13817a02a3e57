using System.CommandLine;
using System.Globalization;
using FailoverModel.Checking;
using FailoverModel.Cli.Terminal;
using FailoverModel.Rules;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model check</c>: random event sequences from FsCheck's generators, every invariant after every step, the
/// first failing run shrunk to a minimal scenario (<see cref="RandomChecking"/>). Everything on stdout depends on the
/// seed only. Runs are drawn as they are checked, so any <c>--runs</c> in its range (docs/input-limits.md) streams in
/// constant memory.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var runs = new Option<int>("--runs") { Description = $"how many random runs ({Io.OptionRange.Runs.Min:N0} to {Io.OptionRange.Runs.Max:N0})", DefaultValueFactory = _ => 1000 };
        var length = new Option<int>("--length") { Description = $"events per run ({Io.OptionRange.Length.Min:N0} to {Io.OptionRange.Length.Max:N0})", DefaultValueFactory = _ => 40 };
        var seed = new Option<ulong>("--seed") { Description = "the random seed; the same seed gives the same runs and output", DefaultValueFactory = _ => 1UL };
        var generated = new Option<bool>("--generated-configs") { Description = "draw a random configuration for every run (preferences, preempt, interface policies, contexts)" };
        var command = new Command("check", "Check every invariant on random event sequences; print the shrunk counterexample as a scenario. Exit 0: no violation; 1: a violation; 2: bad input; 130: interrupted.")
        {
            config, runs, length, seed, generated,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetValue(runs), parse.GetValue(length), parse.GetValue(seed), parse.GetValue(generated)));
        return command;
    }

    public static int Run(CliIo io, FileInfo? configFile, int runs, int length, ulong seed, bool generatedConfigs)
    {
        // It stops by itself when interrupted (Interruption): a signal cancels it rather than ending the process.
        using var watched = Interruption.Watch();
        Io.OptionRange.Check("--runs", runs, Io.OptionRange.Runs);
        Io.OptionRange.Check("--length", length, Io.OptionRange.Length);

        var config = CommonOptions.Load(configFile, io.Limits);
        var options = new RandomCheckOptions(runs, length, seed, generatedConfigs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = CommandProgress.Run(io, "check", progress =>
        {
            progress.Phase("random runs", "runs", runs);
            return RandomChecking.Check(config, options, p => progress.Set(p.Runs), io.Cancellation);
        });

        if (report.Counterexample is { } c)
        {
            io.Out.WriteLine($"run {Number(c.Run)} of {Number(runs)} (seed {seed}) violates {c.Violation}");
            io.Out.WriteLine($"shrunk from {Plural(c.Original.Steps.Length, "event")} to {Plural(c.Shrunk.Steps.Length, "event")}:");
            io.Out.Write(c.Shrunk.ToString());
            return Cli.CheckFailed;
        }

        var what = report.Cancelled ? $"interrupted after {Number(report.Runs)} of {Plural(runs, "run")}" : Plural(runs, "run");
        io.Out.WriteLine($"{what} of {Plural(length, "event")} (seed {seed}{(generatedConfigs ? ", generated configurations" : "")}): no invariant violated");
        io.Out.WriteLine($"steps checked (events and internal steps): {Number(report.Steps)}");
        io.Out.WriteLine($"invariant checks: {Number(report.Steps * RandomChecking.InvariantCount)}");
        foreach (var row in FailureEventTable.Rows)
        {
            io.Out.WriteLine($"  table row {row.Number} exercised in {report.RunsPerRow.GetValueOrDefault(row.Event),6} runs: {row.SeedEvent}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        io.Error.WriteLine($"check: {seconds:F1} s, {report.Steps / Math.Max(0.001, seconds):N0} steps/s with every invariant on");
        return report.Cancelled ? Cli.Interrupted : Cli.Success;
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(long n, string noun) => $"{Number(n)} {noun}{(n == 1 ? "" : "s")}";
}
