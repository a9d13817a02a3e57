using System.Collections.Frozen;
using System.Collections.Immutable;
using FailoverModel.Machines;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Rules;

/// <summary>
/// The rules of the failover protocol between the two units that are not a single group's transition: which internal
/// steps a unit takes and in what order, which trigger a message makes the mate fire in the same step, and what a unit
/// must be doing to step its groups at all. The pair (<c>FailoverPair</c>) reads them from here.
/// </summary>
internal static class ProtocolRules
{
    /// <summary>
    /// The order in which a unit's internal group steps are tried: negotiation first, then failure detection (the table),
    /// then the steps a group passes on its way to Active or Standby Ready, then recovery and preempt. After them come
    /// the unit's holdtime (<c>UnitHoldtimeExpired</c>, unit health monitoring) and a reload completing.
    /// </summary>
    public static readonly ImmutableArray<GroupTrigger> InternalOrder =
    [
        FailoverLinkFailedAtStartup, NoActiveUnitFound, BothUnitsBooted, ActiveMateDetected, MateLost,
        MateUnitFailure, InterfaceFailureOnStandbyGroup, InterfaceFailureOnActiveGroup,
        ActivationBegins, QueuesDrained, ConfigApplied, ActivationCompletes,
        ConfigReplicationBegins, ConfigReplicationEnds, FileSystemSynced, BulkSyncCompletes,
        FormerlyActiveGroupRecovers, Preempt,
    ];

    /// <summary>
    /// A group step that is an exchange with the mate: the message makes the mate's copy of the group fire the companion
    /// trigger in the same step, and the step happens only when the mate's machine accepts it (seed, table row 2 "Mark
    /// active group as failed" / "Become active"; "Forced Failover"; "Restoration of a Failed Unit", preempt).
    /// </summary>
    public static readonly FrozenDictionary<GroupTrigger, GroupTrigger> Companions = new Dictionary<GroupTrigger, GroupTrigger>
    {
        [InterfaceFailureOnActiveGroup] = MateGroupFailed,
        [Preempt] = OtherUnitWantsMeStandby,
        [FailoverActiveCommand] = OtherUnitWantsMeStandby,
        [NoFailoverActiveCommand] = OtherUnitWantsMeActive,
    }.ToFrozenDictionary();

    /// <summary>
    /// A unit steps its failover groups by itself (or by a message from its mate) only while it runs failover: with
    /// failover disabled "the failover groups remain in the active state on whichever unit they are currently active on"
    /// (seed, "Disabled Failover"), and a unit that is off steps nothing.
    /// </summary>
    public static bool StepsItsGroups(UnitStatus status) => status == UnitStatus.FailoverOn;
}
