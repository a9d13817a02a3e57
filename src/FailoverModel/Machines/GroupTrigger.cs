namespace FailoverModel.Machines;

/// <summary>
/// What makes a failover group change state: the seed's events, ASA's boot and sync steps, and commands. The triggers
/// are what <see cref="Pair.GroupStep"/> names and what the diagrams label edges with; which state each leads to,
/// and when, is in <see cref="Rules.GroupRules.All"/>.
/// </summary>
public enum GroupTrigger : byte
{
    // Device initialization (seed, "Device Initialization and Configuration Synchronization").
    /// <summary>The unit starts failover (boot with failover in its configuration, or the <c>failover</c> command): the group enters Negotiation.</summary>
    FailoverEnabled,

    /// <summary>Negotiation ends without hearing an active mate: the group becomes active here ("No Active unit found").</summary>
    NoActiveUnitFound,

    /// <summary>Both units booted together and negotiate: the group becomes active on its preferred unit.</summary>
    BothUnitsBooted,

    /// <summary>The mate has the group active: this unit joins it as standby, starting with Cold Standby ("Detected an Active mate").</summary>
    ActiveMateDetected,

    /// <summary>The active unit starts sending its running configuration (Sync Config).</summary>
    ConfigReplicationBegins,

    /// <summary>The configuration is received (Sync File System).</summary>
    ConfigReplicationEnds,

    /// <summary>The file system is synchronized (Bulk Sync).</summary>
    FileSystemSynced,

    /// <summary>The connection state is received in bulk: the group is Standby Ready.</summary>
    BulkSyncCompletes,

    /// <summary>The active mate is lost while this group is still synchronizing from it: back to Negotiation ("HELLO not heard from mate").</summary>
    MateLost,

    // The steps ASA shows between Just Active and Active.
    /// <summary>A group just made active starts the steps ASA shows on the way to Active (Active Drain).</summary>
    ActivationBegins,

    /// <summary>The queues of the former active unit are drained (Active Applying Config).</summary>
    QueuesDrained,

    /// <summary>The configuration is applied (Active Config Applied).</summary>
    ConfigApplied,

    /// <summary>The group is Active.</summary>
    ActivationCompletes,

    // The failure-event table (seed, "Failover Actions").
    /// <summary>Table row 1 on the failing unit: its active groups become standby and are marked failed.</summary>
    UnitFailure,

    /// <summary>Table row 1 on the surviving unit: it declares its mate failed and takes the mate's active groups.</summary>
    MateUnitFailure,

    /// <summary>Table row 2 on the active unit: interface failures above the group's threshold mark the active group failed.</summary>
    InterfaceFailureOnActiveGroup,

    /// <summary>Table row 2 on the standby unit: the mate marked its active group failed, so this unit's standby group becomes active.</summary>
    MateGroupFailed,

    /// <summary>Table row 3: interface failures above the threshold mark the standby group failed; no failover.</summary>
    InterfaceFailureOnStandbyGroup,

    /// <summary>Table row 4: a failed group's interface failures fall below its threshold; it becomes Standby Ready and stays standby unless preempt takes it back.</summary>
    FormerlyActiveGroupRecovers,

    /// <summary>Table row 5: the failover link is down at startup, so the group becomes active on both units.</summary>
    FailoverLinkFailedAtStartup,

    // Commands and preempt (seed, "Forced Failover", "Restoration of a Failed Unit").
    /// <summary><c>failover active [group n]</c> on this unit: its standby group becomes active.</summary>
    FailoverActiveCommand,

    /// <summary><c>no failover active [group n]</c> on this unit: its active group becomes standby.</summary>
    NoFailoverActiveCommand,

    /// <summary>The mate gave the group away (<c>no failover active</c> there): this unit's standby group becomes active ("Other unit wants me Active").</summary>
    OtherUnitWantsMeActive,

    /// <summary>The mate took the group (<c>failover active</c> or preempt there): this unit's active group becomes standby ("Other unit wants me Standby").</summary>
    OtherUnitWantsMeStandby,

    /// <summary><c>failover reset [group n]</c>: a failed group is restored to an unfailed state (seed, "Restoration of a Failed Unit").</summary>
    FailoverResetCommand,

    /// <summary>The preferred unit, with <c>preempt</c> configured and its delay passed, takes the group back from its mate.</summary>
    Preempt,

    // Failover disabled with 'no failover': roles stay as they are.
    /// <summary><c>no failover</c>: an active group stays active, every other group becomes Disabled.</summary>
    FailoverDisabled,

    // Power.
    /// <summary>The unit is powered off or replaced: its groups are Disabled until it boots (a crash or hardware failure is <see cref="UnitFailure"/>).</summary>
    PowerLost,

    /// <summary>A reload clears a Failed group to Disabled.</summary>
    Rebooted,
}
