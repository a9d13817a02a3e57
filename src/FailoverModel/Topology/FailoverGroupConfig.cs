namespace FailoverModel.Topology;

/// <summary>
/// The settings of one <c>failover group</c> (seed, "Configure the failover groups"): its unit preference, preempt
/// with its optional delay, its interface policy, and whether HTTP connections are replicated (<c>replication http</c>,
/// seed "Stateful Failover"). A unit keeps its own copy in its running configuration.
/// </summary>
public readonly record struct FailoverGroupConfig(UnitRole Preferred, bool Preempt, int PreemptDelaySeconds, InterfacePolicy Policy, bool ReplicationHttp = false)
{
    /// <summary>A group with ASA's defaults (no preempt, interface policy 1) that prefers <paramref name="unit"/>.</summary>
    /// <param name="unit">The preferred unit (<c>primary</c> or <c>secondary</c> in the group's mode).</param>
    public static FailoverGroupConfig PreferringUnit(UnitRole unit) => new(unit, false, 0, InterfacePolicy.Default);
}
