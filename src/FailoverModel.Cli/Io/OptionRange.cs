using System.Globalization;

namespace FailoverModel.Cli.Io;

/// <summary>
/// The documented range of every numeric option (docs/input-limits.md): a value outside it is bad usage, exit 2, with
/// the option named, before any work starts. The ranges keep each command within bounded time and memory.
/// </summary>
public static class OptionRange
{
    /// <summary><c>check --runs</c>: runs are drawn a batch at a time, so the bound is on time (about 15 s per 100,000 runs of 60 events).</summary>
    public static readonly (long Min, long Max) Runs = (1, 10_000_000);

    /// <summary><c>check --length</c>: a run and its shrinking are held in memory.</summary>
    public static readonly (long Min, long Max) Length = (1, 10_000);

    /// <summary>
    /// <c>explore --max-states</c> with <c>--exact</c> or <c>--reference</c>: about 70 bytes a state, so a bounded run stays under 1 GB. Left out, the
    /// run is not bounded, so that the built-in configuration is proved complete however many states it has.
    /// </summary>
    public static readonly (long Min, long Max) MaxStates = (1, 15_000_000);

    /// <summary>
    /// <c>explore --max-states</c> on the fingerprint store (the default): 8 bytes a slot in memory, within
    /// <c>--memory</c>, the rest on the disk.
    /// </summary>
    public static readonly (long Min, long Max) MaxFingerprintStates = (1, 2_000_000_000);

    /// <summary><c>oracle vectors --max-steps</c>: a test case is a unit of work an implementation replays; the bound keeps one within a CI job.</summary>
    public static readonly (long Min, long Max) MaxCaseSteps = (1, 1_000_000);

    /// <summary><c>oracle vectors --shard i/n</c>: as many shards as parallel jobs any CI runs.</summary>
    public static readonly (long Min, long Max) Shards = (1, 10_000);

    /// <summary>
    /// <c>oracle check --reproducer-time</c>, in seconds: the search replays candidates of up to the whole case, so it
    /// is bounded in time; an hour is more than any search has needed.
    /// </summary>
    public static readonly (long Min, long Max) ReproducerSeconds = (0, 3_600);

    /// <summary>Throws a usage error naming <paramref name="option"/> when <paramref name="value"/> is outside <paramref name="range"/>.</summary>
    public static void Check(string option, long value, (long Min, long Max) range)
    {
        if (value < range.Min || value > range.Max)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be from {range.Min:N0} to {range.Max:N0}, not {value:N0}"));
        }
    }
}
