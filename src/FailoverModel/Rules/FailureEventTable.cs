using System.Collections.Immutable;
using FailoverModel.Machines;

namespace FailoverModel.Rules;

/// <summary>The rows of the seed's failure-event table ("Failover Actions"), in its order; the value is the row number.</summary>
public enum FailureEvent : byte
{
    /// <summary>Row 1: "A unit experiences a power or software failure".</summary>
    UnitFailure = 1,

    /// <summary>Row 2: "Interface failure on active failover group above threshold".</summary>
    InterfaceFailureOnActiveGroup = 2,

    /// <summary>Row 3: "Interface failure on standby failover group above threshold".</summary>
    InterfaceFailureOnStandbyGroup = 3,

    /// <summary>Row 4: "Formerly active failover group recovers".</summary>
    FormerlyActiveGroupRecovers = 4,

    /// <summary>Row 5: "Failover link failed at startup".</summary>
    FailoverLinkFailedAtStartup = 5,

    /// <summary>Row 6: "Stateful Failover link failed".</summary>
    StatefulFailoverLinkFailed = 6,

    /// <summary>Row 7: "Failover link failed during operation".</summary>
    FailoverLinkFailedDuringOperation = 7,
}

/// <summary>The table's Policy column: whether the failure event makes a group fail over.</summary>
public enum FailoverPolicy : byte
{
    /// <summary>"Failover": the group becomes active on the other unit.</summary>
    Failover,

    /// <summary>"No failover": the groups stay where they are active.</summary>
    NoFailover,
}

/// <summary>The actions of the table's two action columns (Active Group Action, Standby Group Action).</summary>
public enum GroupAction : byte
{
    /// <summary>"No action".</summary>
    NoAction,

    /// <summary>"n/a": the row does not apply to that group.</summary>
    NotApplicable,

    /// <summary>"Become standby. Mark as failed": the active group of a failed unit.</summary>
    BecomeStandbyMarkAsFailed,

    /// <summary>"Become active. Mark active as failed": the standby group takes over from a failed unit.</summary>
    BecomeActiveMarkActiveAsFailed,

    /// <summary>"Mark active group as failed".</summary>
    MarkActiveGroupAsFailed,

    /// <summary>"Become active".</summary>
    BecomeActive,

    /// <summary>"Mark standby group as failed".</summary>
    MarkStandbyGroupAsFailed,
}

/// <summary>
/// One row of the seed's table ("Failover Actions"): the event, the policy, what the active and the standby failover
/// group do, and the note; with the seed's own words beside the structured columns.
/// </summary>
/// <param name="Event">The row.</param>
/// <param name="Policy">The Policy column.</param>
/// <param name="ActiveGroupAction">The Active Group Action column, as the model reads it.</param>
/// <param name="StandbyGroupAction">The Standby Group Action column, as the model reads it.</param>
/// <param name="ActiveTrigger">The trigger that carries the active-group action (or, for row 4, signals the recovery).</param>
/// <param name="StandbyTrigger">The trigger that carries the standby-group action.</param>
/// <param name="ActiveGuard">When the active-group action applies.</param>
/// <param name="StandbyGuard">When the standby-group action applies.</param>
/// <param name="SeedEvent">The Failure Event column in the seed's words.</param>
/// <param name="SeedPolicy">The Policy column in the seed's words.</param>
/// <param name="SeedActiveGroupAction">The Active Group Action column in the seed's words.</param>
/// <param name="SeedStandbyGroupAction">The Standby Group Action column in the seed's words.</param>
/// <param name="SeedNotes">The Notes column in the seed's words.</param>
/// <param name="Correction">Where the model departs from the seed's words and why (docs/decisions.md); null when it does not.</param>
public sealed record FailureEventRow(
    FailureEvent Event,
    FailoverPolicy Policy,
    GroupAction ActiveGroupAction,
    GroupAction StandbyGroupAction,
    GroupTrigger? ActiveTrigger,
    GroupTrigger? StandbyTrigger,
    GroupGuard ActiveGuard,
    GroupGuard StandbyGuard,
    string SeedEvent,
    string SeedPolicy,
    string SeedActiveGroupAction,
    string SeedStandbyGroupAction,
    string SeedNotes,
    string? Correction = null)
{
    /// <summary>The row's number in the seed's table, 1 to 7.</summary>
    public int Number => (int)Event;

    /// <summary>The row cited as a source: "table row n: ..." with the seed's words.</summary>
    public string Source => $"table row {Number}: {SeedEvent}";

    /// <summary>The state a group takes for an action; null when the action changes nothing.</summary>
    /// <param name="action">An action column's value.</param>
    public static GroupState? Target(GroupAction action) => action switch
    {
        GroupAction.BecomeStandbyMarkAsFailed or GroupAction.MarkActiveGroupAsFailed or GroupAction.MarkStandbyGroupAsFailed => GroupState.Failed,
        GroupAction.BecomeActive or GroupAction.BecomeActiveMarkActiveAsFailed => GroupState.JustActive,
        _ => null,
    };

    /// <summary>The action in the table's words.</summary>
    /// <param name="action">An action column's value.</param>
    public static string Display(GroupAction action) => action switch
    {
        GroupAction.NoAction => "No action",
        GroupAction.NotApplicable => "n/a",
        GroupAction.BecomeStandbyMarkAsFailed => "Become standby. Mark as failed",
        GroupAction.BecomeActiveMarkActiveAsFailed => "Become active. Mark active as failed",
        GroupAction.MarkActiveGroupAsFailed => "Mark active group as failed",
        GroupAction.BecomeActive => "Become active",
        GroupAction.MarkStandbyGroupAsFailed => "Mark standby group as failed",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The policy in the table's words.</summary>
    /// <param name="policy">The Policy column's value.</param>
    public static string Display(FailoverPolicy policy) => policy == FailoverPolicy.Failover ? "Failover" : "No failover";
}

/// <summary>The seed's failure-event table, as data. The failover group machine's failure transitions are derived from it.</summary>
public static class FailureEventTable
{
    /// <summary>The seven rows, in the seed's order.</summary>
    public static readonly ImmutableArray<FailureEventRow> Rows =
    [
        new(FailureEvent.UnitFailure, FailoverPolicy.Failover,
            GroupAction.BecomeStandbyMarkAsFailed, GroupAction.BecomeActiveMarkActiveAsFailed,
            GroupTrigger.UnitFailure, GroupTrigger.MateUnitFailure, GroupGuard.Always, GroupGuards.MateDeclaredFailed,
            "A unit experiences a power or software failure", "Failover",
            "Become standby Mark as failed", "Become standby. Mark active as failed",
            "When a unit in a failover pair fails, any active failover groups on that unit are marked as failed and become active on the peer unit.",
            "The seed's standby action reads \"Become standby\"; Cisco's current table says \"Become active. Mark active as failed\", as the note does."),
        new(FailureEvent.InterfaceFailureOnActiveGroup, FailoverPolicy.Failover,
            GroupAction.MarkActiveGroupAsFailed, GroupAction.BecomeActive,
            GroupTrigger.InterfaceFailureOnActiveGroup, GroupTrigger.MateGroupFailed, GroupGuards.ActiveGroupAboveThreshold, GroupGuards.ActiveMateAnswers,
            "Interface failure on active failover group above threshold", "Failover",
            "Mark active group as failed", "Become active", "None"),
        new(FailureEvent.InterfaceFailureOnStandbyGroup, FailoverPolicy.NoFailover,
            GroupAction.NoAction, GroupAction.MarkStandbyGroupAsFailed,
            null, GroupTrigger.InterfaceFailureOnStandbyGroup, GroupGuard.Always, GroupGuards.StandbyGroupAboveThreshold,
            "Interface failure on standby failover group above threshold", "No failover",
            "No action", "Mark standby group as failed",
            "When the standby failover group is marked as failed, the active failover group does not attempt to fail over, even if the interface failure threshold is surpassed."),
        new(FailureEvent.FormerlyActiveGroupRecovers, FailoverPolicy.NoFailover,
            GroupAction.NoAction, GroupAction.NoAction,
            GroupTrigger.FormerlyActiveGroupRecovers, null, GroupGuard.Always, GroupGuard.Always,
            "Formerly active failover group recovers", "No failover", "No action", "No action",
            "Unless configured with the preempt command, the failover groups remain active on their current unit."),
        new(FailureEvent.FailoverLinkFailedAtStartup, FailoverPolicy.NoFailover,
            GroupAction.BecomeActive, GroupAction.BecomeActive,
            GroupTrigger.FailoverLinkFailedAtStartup, GroupTrigger.FailoverLinkFailedAtStartup, GroupGuards.FailoverLinkDown, GroupGuards.FailoverLinkDown,
            "Failover link failed at startup", "No failover", "Become active", "Become active",
            "If the failover link is down at startup, both failover groups on both units become active."),
        new(FailureEvent.StatefulFailoverLinkFailed, FailoverPolicy.NoFailover,
            GroupAction.NoAction, GroupAction.NoAction,
            null, null, GroupGuard.Always, GroupGuard.Always,
            "Stateful Failover link failed", "No failover", "No action", "No action",
            "State information becomes out of date, and sessions are terminated if a failover occurs."),
        new(FailureEvent.FailoverLinkFailedDuringOperation, FailoverPolicy.NoFailover,
            GroupAction.NotApplicable, GroupAction.NotApplicable,
            null, null, GroupGuard.Always, GroupGuard.Always,
            "Failover link failed during operation", "No failover", "n/a", "n/a",
            "Each unit marks the failover interface as failed. You should restore the failover link as soon as possible because the unit cannot fail over to the standby unit while the failover link is down."),
    ];

    /// <summary>One row of the table.</summary>
    /// <param name="failureEvent">The row.</param>
    public static FailureEventRow Row(FailureEvent failureEvent) => Rows[(int)failureEvent - 1];

    /// <summary>
    /// The failover group transitions the table's action columns define. Row 5 concerns groups still negotiating at
    /// startup; the other rows act on groups in an active state (active column) and in Standby Ready (standby column).
    /// The unit that fails (row 1) takes all its groups to Failed, whatever their state.
    /// </summary>
    internal static IEnumerable<GroupTransition> Transitions()
    {
        foreach (var row in Rows)
        {
            if (row.Event == FailureEvent.FailoverLinkFailedAtStartup)
            {
                yield return new(GroupState.Negotiation, row.StandbyTrigger!.Value, GroupState.JustActive, row.StandbyGuard, row.Source, GroupReasons.NoActiveUnitFound);
                continue;
            }

            if (FailureEventRow.Target(row.ActiveGroupAction) is { } activeTarget && row.ActiveTrigger is { } activeTrigger)
            {
                var from = row.Event == FailureEvent.UnitFailure
                    ? GroupStates.All.Where(s => s != GroupState.Failed)
                    : GroupStates.ActiveFamily;
                foreach (var state in from)
                {
                    yield return new(state, activeTrigger, activeTarget, row.ActiveGuard, row.Source, ReasonOf(row.Event), MarkOf(row.Event));
                }
            }

            if (FailureEventRow.Target(row.StandbyGroupAction) is { } standbyTarget && row.StandbyTrigger is { } standbyTrigger)
            {
                var reason = standbyTarget == GroupState.JustActive ? PeerReasonOf(row.Event) : ReasonOf(row.Event);
                var mark = standbyTarget == GroupState.Failed ? MarkOf(row.Event) : (FailureReason?)null;
                foreach (var state in StandbyStatesOf(row.Event))
                {
                    yield return new(state, standbyTrigger, standbyTarget, row.StandbyGuard, row.Source, reason, mark);
                }
            }
        }
    }

    /// <summary>The row whose action columns a trigger carries, if any.</summary>
    public static FailureEventRow? RowOf(GroupTrigger trigger)
    {
        foreach (var row in Rows)
        {
            if (row.ActiveTrigger == trigger || row.StandbyTrigger == trigger)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>
    /// The states of a standby group that a row's standby action applies to. Row 1 takes a failed standby copy too: the
    /// interface rule compares the two units' failed interfaces, and a dead unit answers on none, so it has more failed
    /// interfaces than any live unit (ASA configuration guide, "Interface Monitoring" and "Unit Health Monitoring"; nothing
    /// in Cisco's table keeps a failed standby from taking over a dead peer).
    /// </summary>
    private static GroupState[] StandbyStatesOf(FailureEvent e) =>
        e == FailureEvent.UnitFailure ? [GroupState.StandbyReady, GroupState.Failed] : [GroupState.StandbyReady];

    private static string ReasonOf(FailureEvent e) => e switch
    {
        FailureEvent.UnitFailure => GroupReasons.UnitFailed,
        _ => GroupReasons.InterfaceCheck,
    };

    private static string PeerReasonOf(FailureEvent e) => e switch
    {
        FailureEvent.UnitFailure => GroupReasons.HelloNotHeard,
        _ => GroupReasons.OtherUnitWantsMeActive,
    };

    private static FailureReason MarkOf(FailureEvent e) =>
        e == FailureEvent.UnitFailure ? FailureReason.UnitFailure : FailureReason.InterfaceFailure;
}
