using FailoverModel.Machines;
using static FailoverModel.Machines.GroupConditions;

namespace FailoverModel.Rules;

/// <summary>The conditions the seed puts on a failover group's changes, each named as the seed words it.</summary>
internal static class GroupGuards
{
    public static readonly GroupGuard FailoverLinkDown = new("failover link down", c => !c.Has(FailoverLinkUp));

    /// <summary>Seed, "Which unit each failover group becomes active on": "When a unit boots while the peer unit is not available".</summary>
    public static readonly GroupGuard NoActiveMate = new(
        "peer unit not available",
        c => c.Has(FailoverLinkUp) && !(c.Has(MateRunsFailover) && (c.Has(MateGroupActive) || c.Has(MateGroupNegotiating))));

    /// <summary>The unit hears its mate with the group active: what a joining unit needs to go on synchronizing.</summary>
    public static readonly GroupGuard ActiveMateHeard = Is(FailoverLinkUp | MateRunsFailover | MateGroupActive, "peer unit active, as last heard");

    /// <summary>An exchange with the active mate (the configuration it sends, a role it hands over): the mate must answer.</summary>
    public static readonly GroupGuard ActiveMateAnswers = Is(FailoverLinkUp | MateRunsFailover | MateGroupActive | MateAnswers, "peer unit active and answering");

    /// <summary>
    /// A joining unit gives up its synchronization when it no longer hears an active mate: the failover link is down on
    /// this unit, or it has timed out the mate's silence (not before: a mate that is merely silent is still believed in).
    /// </summary>
    public static readonly GroupGuard ActiveMateLost = ActiveMateHeard.Not("active peer lost");

    public static readonly GroupGuard StandbyMateAnswers = Is(FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady | MateAnswers, "peer Standby Ready and answering");

    /// <summary>
    /// Seed: "When both units boot at the same time, each failover group becomes active on its preferred unit", once the
    /// secondary has the primary's configuration: an exchange, so the mate must answer.
    /// </summary>
    public static readonly GroupGuard PreferredUnitAtSimultaneousBoot =
        Is(FailoverLinkUp | MateRunsFailover | MateGroupNegotiating | PreferredUnit | MateAnswers, "both units booting, preferred unit");

    /// <summary>
    /// Split brain after the failover link was down at startup: when the link comes back the group stays on its preferred
    /// unit and the other unit's copy turns standby and synchronizes again (the seed is silent; docs/decisions.md).
    /// </summary>
    public static readonly GroupGuard ActiveMateOnPreferredUnit = new(
        "peer active and answering, not the preferred unit",
        c => c.Has(FailoverLinkUp | MateRunsFailover | MateGroupActive | MateAnswers) && !c.Has(PreferredUnit));

    /// <summary>
    /// Table row 1, read with Cisco's unit health monitoring: the standby takes over once it has declared its mate failed
    /// (no hello for a unit holdtime, no answer to LANTEST on any interface), whether the failover link is up or not.
    /// Row 7's "cannot fail over while the failover link is down" concerns two live units: a live mate answers LANTEST on
    /// its data interfaces and is never declared failed.
    /// </summary>
    public static readonly GroupGuard MateDeclaredFailed = Is(MateUnitDown, "peer declared failed (no answer on any interface)");

    /// <summary>
    /// Table row 2 with the note of row 3: the active group fails over only while the standby group is Standby Ready
    /// (not failed) and has fewer failed interfaces; never while the failover link is down (row 7); the mate must answer
    /// to take the group.
    /// </summary>
    public static readonly GroupGuard ActiveGroupAboveThreshold = Is(
        FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady | ThresholdReached | MoreFailedThanMate | MateAnswers,
        "threshold reached, peer Standby Ready with fewer failed interfaces");

    public static readonly GroupGuard StandbyGroupAboveThreshold = Is(ThresholdReached, "threshold reached");

    public static readonly GroupGuard ThresholdNoLongerReached = new("threshold no longer reached", c => !c.Has(ThresholdReached));

    /// <summary>Seed, "Restoration of a Failed Unit": preempt takes a group back to the preferred unit it failed on.</summary>
    public static readonly GroupGuard PreemptOnPreferredUnit =
        Is(FailoverLinkUp | MateRunsFailover | MateGroupActive | PreferredUnit | PreemptArmed | MateAnswers, "preempt, preferred unit available");

    private static GroupGuard Is(GroupConditions flags, string description) => new(description, c => c.Has(flags));
}
