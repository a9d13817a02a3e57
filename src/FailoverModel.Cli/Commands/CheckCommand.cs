using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FailoverModel.Cli.Checking;
using FailoverModel.Invariants;
using FailoverModel.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model check</c>: random event sequences from FsCheck's generators, every invariant after every step, the
/// first failing run shrunk to a minimal scenario. Everything on stdout depends on the seed only.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var runs = new Option<int>("--runs") { Description = "how many random runs", DefaultValueFactory = _ => 1000 };
        var length = new Option<int>("--length") { Description = "events per run", DefaultValueFactory = _ => 40 };
        var seed = new Option<ulong>("--seed") { Description = "the random seed; the same seed gives the same runs and output", DefaultValueFactory = _ => 1UL };
        var generated = new Option<bool>("--generated-configs") { Description = "draw a random configuration for every run (preferences, preempt, interface policies, contexts)" };
        var command = new Command("check", "Check every invariant on random event sequences; print the shrunk counterexample as a scenario.")
        {
            config, runs, length, seed, generated,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetValue(runs), parse.GetValue(length), parse.GetValue(seed), parse.GetValue(generated)));
        return command;
    }

    /// <summary>How many events are drawn before they are checked (ten thousand runs of the usual sixty); the first batch is what the seed alone draws.</summary>
    private const int EventsDrawnAtOnce = 600_000;

    /// <summary>The seed of batch <paramref name="index"/>: the seed itself for the first (so short runs draw as before), a SplitMix64 step of it after.</summary>
    private static ulong BatchSeed(ulong seed, int index)
    {
        if (index == 0)
        {
            return seed;
        }

        var z = seed + ((ulong)index * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static int Run(CliIo io, FileInfo? configFile, int runs, int length, ulong seed, bool generatedConfigs)
    {
        Io.OptionRange.Check("--runs", runs, Io.OptionRange.Runs);
        Io.OptionRange.Check("--length", length, Io.OptionRange.Length);

        var config = CommonOptions.Load(configFile, io.Limits);
        var gen = generatedConfigs ? RandomRuns.Runs(length) : RandomRuns.RunsFor(config, length);
        var clock = Stopwatch.StartNew();
        long steps = 0;
        var rows = new Dictionary<FailureEvent, int>();
        var batch = Math.Max(1, EventsDrawnAtOnce / length);
        RandomRun[] samples = [];
        for (var i = 0; i < runs; i++)
        {
            if (i % batch == 0)
            {
                // Runs are drawn a batch at a time, never all at once: memory stays bounded for any --runs.
                samples = Gen.Sample(gen, Math.Min(batch, runs - i), new Rnd(BatchSeed(seed, i / batch)), 50);
            }

            var run = samples[i % batch];
            var verdict = RunChecker.Check(run);
            steps += verdict.Steps;
            foreach (var row in verdict.Rows)
            {
                rows[row] = rows.GetValueOrDefault(row) + 1;
            }

            if (verdict.Violation is not null)
            {
                var shrunk = RunChecker.Shrink(run);
                io.Out.WriteLine($"run {i + 1} of {runs} (seed {seed}) violates {RunChecker.Check(shrunk).Violation}");
                io.Out.WriteLine($"shrunk from {run.Steps.Length} to {shrunk.Steps.Length} events:");
                io.Out.Write(shrunk.ToString());
                return Cli.CheckFailed;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        io.Out.WriteLine($"{runs.ToString("N0", CultureInfo.InvariantCulture)} runs of {length} events (seed {seed}{(generatedConfigs ? ", generated configurations" : "")}): no invariant violated");
        io.Out.WriteLine($"steps checked (events and internal steps): {steps.ToString("N0", CultureInfo.InvariantCulture)}");
        io.Out.WriteLine($"invariant checks: {(steps * SeedInvariants.All.Length).ToString("N0", CultureInfo.InvariantCulture)}");
        foreach (var row in FailureEventTable.Rows)
        {
            io.Out.WriteLine($"  table row {row.Number} exercised in {rows.GetValueOrDefault(row.Event),6} runs: {row.SeedEvent}");
        }

        io.Error.WriteLine($"check: {seconds:F1} s, {steps / Math.Max(0.001, seconds):N0} steps/s with every invariant on");
        return Cli.Success;
    }
}
