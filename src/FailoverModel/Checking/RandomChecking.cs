using System.Collections.Immutable;
using FailoverModel.Invariants;
using FailoverModel.Rules;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Checking;

/// <summary>What a random check is asked to do.</summary>
/// <param name="Runs">How many runs to draw and check.</param>
/// <param name="Length">Events per run.</param>
/// <param name="Seed">The random seed: the same seed draws the same runs.</param>
/// <param name="GeneratedConfigurations">Draw a random configuration for every run instead of using the given one.</param>
public sealed record RandomCheckOptions(int Runs, int Length, ulong Seed, bool GeneratedConfigurations = false);

/// <summary>How far a random check has come.</summary>
/// <param name="Runs">Runs checked so far.</param>
/// <param name="TotalRuns">Runs asked for.</param>
/// <param name="Steps">Steps (events and internal steps) checked so far.</param>
public sealed record RandomCheckProgress(long Runs, long TotalRuns, long Steps);

/// <summary>The first run that violated an invariant, and the same run shrunk to the fewest events that still do.</summary>
/// <param name="Run">The run's number, from 1.</param>
/// <param name="Violation">The invariant violated by the shrunk run, and its evidence.</param>
/// <param name="Original">The run as drawn.</param>
/// <param name="Shrunk">The shrunk run; its <see cref="RandomRun.ToString"/> is a scenario for <c>failover-model run</c>.</param>
public sealed record RandomCheckCounterexample(long Run, string Violation, RandomRun Original, RandomRun Shrunk);

/// <summary>What a random check found.</summary>
/// <param name="Runs">Runs checked (fewer than asked when cancelled or a run violated an invariant).</param>
/// <param name="Steps">Steps (events and internal steps) checked, each against every invariant.</param>
/// <param name="RunsPerRow">For each row of the failure-event table, how many runs exercised it.</param>
/// <param name="Counterexample">The first violating run, or null.</param>
/// <param name="Cancelled">Whether the check stopped early because it was cancelled.</param>
public sealed record RandomCheckReport(long Runs, long Steps, ImmutableDictionary<FailureEvent, long> RunsPerRow, RandomCheckCounterexample? Counterexample, bool Cancelled);

/// <summary>
/// Random checking: runs drawn from FsCheck's generators (<see cref="RandomRuns"/>) one at a time, as they are
/// checked, so any number of runs takes constant memory; every invariant after every step; the first failing run
/// shrunk to a minimal scenario.
/// </summary>
public static class RandomChecking
{
    /// <summary>FsCheck's size for each draw; the generators' lengths are explicit, so it bounds only the runs' numbers.</summary>
    private const int Size = 50;

    /// <summary>
    /// The runs of <paramref name="options"/>, drawn lazily: run i is sampled from its own random state, the i-th output
    /// of a SplitMix64 stream started at the seed, so the runs depend on the seed alone and not on how many are drawn.
    /// </summary>
    public static IEnumerable<RandomRun> Draw(PairConfig config, RandomCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var gen = options.GeneratedConfigurations ? RandomRuns.Runs(options.Length) : RandomRuns.RunsFor(config, options.Length);
        var state = options.Seed;
        for (var i = 0; i < options.Runs; i++)
        {
            yield return Gen.Sample(gen, 1, new Rnd(SplitMix64(ref state)), Size)[0];
        }
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood, 2014), the generator FsCheck's own <see cref="Rnd"/> is built on.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Checks every invariant after every step of the drawn runs, stops at the first violation (shrunk) or when
    /// <paramref name="cancellation"/> is cancelled (then <see cref="RandomCheckReport.Cancelled"/> is set and the
    /// report covers the runs checked so far).
    /// </summary>
    /// <param name="config">The pair's configuration (unused for runs with generated configurations).</param>
    /// <param name="options">How many runs, how long, which seed.</param>
    /// <param name="progress">Called after every run with the counts so far; keep it cheap.</param>
    /// <param name="cancellation">Stops the check between two runs.</param>
    public static RandomCheckReport Check(PairConfig config, RandomCheckOptions options, Action<RandomCheckProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Runs < 1 || options.Length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "runs and length must be at least 1");
        }

        long runs = 0, steps = 0;
        var rows = new Dictionary<FailureEvent, long>();
        foreach (var run in Draw(config, options))
        {
            if (cancellation.IsCancellationRequested)
            {
                return new RandomCheckReport(runs, steps, rows.ToImmutableDictionary(), null, Cancelled: true);
            }

            var verdict = RunChecker.Check(run);
            runs++;
            steps += verdict.Steps;
            foreach (var row in verdict.Rows)
            {
                rows[row] = rows.GetValueOrDefault(row) + 1;
            }

            if (verdict.Violation is not null)
            {
                var shrunk = RunChecker.Shrink(run);
                var counterexample = new RandomCheckCounterexample(runs, RunChecker.Check(shrunk).Violation!, run, shrunk);
                return new RandomCheckReport(runs, steps, rows.ToImmutableDictionary(), counterexample, Cancelled: false);
            }

            progress?.Invoke(new RandomCheckProgress(runs, options.Runs, steps));
        }

        return new RandomCheckReport(runs, steps, rows.ToImmutableDictionary(), null, Cancelled: false);
    }

    /// <summary>How many invariants each step is checked against.</summary>
    public static int InvariantCount => SeedInvariants.All.Length;
}
