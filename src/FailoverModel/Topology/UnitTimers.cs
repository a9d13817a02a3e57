namespace FailoverModel.Topology;

/// <summary>
/// <c>failover polltime unit</c> and <c>failover polltime interface</c> in milliseconds. The seed (7.2) shows unit
/// poll 15 s / hold 45 s and interface poll 5 s / hold 25 s.
/// </summary>
public readonly record struct UnitTimers(int UnitPollMs, int UnitHoldMs, int InterfacePollMs, int InterfaceHoldMs)
{
    /// <summary>The seed's timers: unit poll 15 s, hold 45 s; interface poll 5 s, hold 25 s.</summary>
    public static readonly UnitTimers Seed = new(15_000, 45_000, 5_000, 25_000);
}
