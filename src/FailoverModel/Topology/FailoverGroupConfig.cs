namespace FailoverModel.Topology;

/// <summary>
/// The settings of one <c>failover group</c> (seed, "Configure the failover groups"): its unit preference, preempt
/// with its optional delay, and its interface policy. A unit keeps its own copy in its running configuration.
/// </summary>
public readonly record struct FailoverGroupConfig(UnitRole Preferred, bool Preempt, int PreemptDelaySeconds, InterfacePolicy Policy)
{
    public static FailoverGroupConfig PreferringUnit(UnitRole unit) => new(unit, false, 0, InterfacePolicy.Default);
}
