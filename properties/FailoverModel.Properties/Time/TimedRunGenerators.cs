using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Time;

/// <summary>
/// What random timed runs are made of, for every property over them: timers in ASA's ranges and waits that put the next
/// event at every phase of the polls and in the middle of a holdtime. <c>FAILOVER_SOAK=1</c> runs fifty times more.
/// </summary>
internal static class TimedRunGenerators
{
    public static readonly int Runs = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1" ? 10_000 : 200;

    public static readonly Gen<UnitTimers> Timers =
        from unitPoll in Gen.Elements(200, 500, 1_000, 5_000, 15_000)
        from holdFactor in Gen.Choose(3, 5)
        from interfacePoll in Gen.Elements(500, 1_000, 5_000)
        from interfaceHoldFactor in Gen.Choose(3, 5)
        select new UnitTimers(unitPoll, Math.Min(unitPoll * holdFactor, unitPoll < 1_000 ? 999 * holdFactor : 45_000), interfacePoll, interfacePoll * interfaceHoldFactor);

    public static readonly Gen<long> Waits = Gen.Frequency(
        (3, Gen.Constant(0L)),
        (2, Gen.Choose(1, 999).Select(ms => (long)ms)),
        (2, Gen.Choose(1, 90).Select(s => s * 1_000L)));

    /// <summary>The first line of a printed run: the timers it ran with.</summary>
    public static string TimersLine(PairConfig config) =>
        $"# timers: unit poll {config.Timers.UnitPollMs}ms hold {config.Timers.UnitHoldMs}ms, interface poll {config.Timers.InterfacePollMs}ms hold {config.Timers.InterfaceHoldMs}ms\n";
}
