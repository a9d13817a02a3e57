namespace FailoverModel.Machines;

/// <summary>
/// Everything a failover group's guards may look at, as seen from one unit. The pair computes it from the snapshot;
/// the machine's guards are functions of it alone, so a (state, trigger, conditions) triple decides a transition.
/// </summary>
[Flags]
public enum GroupConditions : ushort
{
    /// <summary>No condition holds.</summary>
    None = 0,

    /// <summary>This unit is running with failover enabled.</summary>
    UnitRunsFailover = 1 << 0,

    /// <summary>The failover link is up.</summary>
    FailoverLinkUp = 1 << 1,

    /// <summary>
    /// This unit hears the mate's hellos, which only a unit running failover sends (or heard them until a silence it has
    /// not yet timed out: the unit's view of its mate, <see cref="Pair.MateView"/>).
    /// </summary>
    MateRunsFailover = 1 << 2,

    /// <summary>
    /// This unit has declared its mate failed: no hello for a unit holdtime and no answer to LANTEST on any interface
    /// (ASA configuration guide, "Unit Health Monitoring"): a power, software or hardware failure, or failover disabled
    /// on the mate.
    /// </summary>
    MateUnitDown = 1 << 3,

    /// <summary>The mate's last hello had this group in an active state.</summary>
    MateGroupActive = 1 << 4,

    /// <summary>The mate's last hello had this group in Standby Ready.</summary>
    MateGroupStandbyReady = 1 << 5,

    /// <summary>The mate's last hello had this group in Negotiation.</summary>
    MateGroupNegotiating = 1 << 6,

    /// <summary>This unit's failed monitored interfaces of the group reach the group's interface policy.</summary>
    ThresholdReached = 1 << 7,

    /// <summary>This unit has more failed monitored interfaces in the group than the mate.</summary>
    MoreFailedThanMate = 1 << 8,

    /// <summary>This unit is the group's preferred unit (<c>primary</c> / <c>secondary</c> in the group).</summary>
    PreferredUnit = 1 << 9,

    /// <summary>The group has <c>preempt</c> and this unit's group became available again (booted or recovered).</summary>
    PreemptArmed = 1 << 10,

    /// <summary>
    /// The mate answers on the failover link now, so an exchange with it (a configuration synchronization, a forced
    /// failover, a preempt, a hand-over of a failed group) can complete. This is not the unit's knowledge but the
    /// channel: a unit may still believe in a mate that no longer answers, and then the exchange waits.
    /// </summary>
    MateAnswers = 1 << 11,
}

internal static class GroupConditionsExtensions
{
    /// <summary>Every flag, for exhaustive checks over all guard inputs.</summary>
    public const int Combinations = 1 << 12;

    public static bool Has(this GroupConditions conditions, GroupConditions flags) => (conditions & flags) == flags;
}
