using FailoverModel.Machines;
using static FailoverModel.Machines.GroupConditions;

namespace FailoverModel.Rules;

/// <summary>The conditions the seed puts on a failover group's changes, each named as the seed words it.</summary>
public static class GroupGuards
{
    public static readonly GroupGuard FailoverLinkDown = new("failover link down", c => !c.Has(FailoverLinkUp));

    /// <summary>Seed, "Which unit each failover group becomes active on": "When a unit boots while the peer unit is not available".</summary>
    public static readonly GroupGuard NoActiveMate = new(
        "peer unit not available",
        c => c.Has(FailoverLinkUp) && !(c.Has(MateRunsFailover) && (c.Has(MateGroupActive) || c.Has(MateGroupNegotiating))));

    public static readonly GroupGuard ActiveMateAnswers = Is(FailoverLinkUp | MateRunsFailover | MateGroupActive, "peer unit active");

    public static readonly GroupGuard ActiveMateLost = ActiveMateAnswers.Not("active peer lost");

    public static readonly GroupGuard StandbyMateAnswers = Is(FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady, "peer Standby Ready");

    /// <summary>Seed: "When both units boot at the same time, each failover group becomes active on its preferred unit".</summary>
    public static readonly GroupGuard PreferredUnitAtSimultaneousBoot =
        Is(FailoverLinkUp | MateRunsFailover | MateGroupNegotiating | PreferredUnit, "both units booting, preferred unit");

    /// <summary>
    /// Split brain after the failover link was down at startup: when the link comes back the group stays on its preferred
    /// unit and the other unit's copy turns standby (the seed is silent; see README, "Decisions").
    /// </summary>
    public static readonly GroupGuard ActiveMateOnPreferredUnit = new(
        "peer active, not the preferred unit",
        c => c.Has(FailoverLinkUp | MateRunsFailover | MateGroupActive) && !c.Has(PreferredUnit));

    /// <summary>Table rows 1 and 7: the standby takes over a failed unit's groups, but not while the failover link is down.</summary>
    public static readonly GroupGuard MateFailedWhileLinkUp = Is(FailoverLinkUp | MateUnitDown, "peer failed, failover link up");

    /// <summary>
    /// Table row 2 with the note of row 3: the active group fails over only while the standby group is Standby Ready
    /// (not failed) and has fewer failed interfaces; never while the failover link is down (row 7).
    /// </summary>
    public static readonly GroupGuard ActiveGroupAboveThreshold = Is(
        FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady | ThresholdReached | MoreFailedThanMate,
        "threshold reached, peer Standby Ready with fewer failed interfaces");

    public static readonly GroupGuard StandbyGroupAboveThreshold = Is(ThresholdReached, "threshold reached");

    public static readonly GroupGuard ThresholdNoLongerReached = new("threshold no longer reached", c => !c.Has(ThresholdReached));

    /// <summary>Seed, "Restoration of a Failed Unit": preempt takes a group back to the preferred unit it failed on.</summary>
    public static readonly GroupGuard PreemptOnPreferredUnit =
        Is(FailoverLinkUp | MateRunsFailover | MateGroupActive | PreferredUnit | PreemptArmed, "preempt, preferred unit available");

    private static GroupGuard Is(GroupConditions flags, string description) => new(description, c => c.Has(flags));
}
