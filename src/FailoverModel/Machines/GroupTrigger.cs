namespace FailoverModel.Machines;

/// <summary>What makes a failover group change state: the seed's events, ASA's boot and sync steps, and commands.</summary>
public enum GroupTrigger : byte
{
    // Device initialization (seed, "Device Initialization and Configuration Synchronization").
    FailoverEnabled,
    NoActiveUnitFound,
    BothUnitsBooted,
    ActiveMateDetected,
    ConfigReplicationBegins,
    ConfigReplicationEnds,
    FileSystemSynced,
    BulkSyncCompletes,
    MateLost,

    // The steps ASA shows between Just Active and Active.
    ActivationBegins,
    QueuesDrained,
    ConfigApplied,
    ActivationCompletes,

    // The failure-event table (seed, "Failover Actions").
    UnitFailure,
    MateUnitFailure,
    InterfaceFailureOnActiveGroup,
    MateGroupFailed,
    InterfaceFailureOnStandbyGroup,
    FormerlyActiveGroupRecovers,
    FailoverLinkFailedAtStartup,

    // Commands and preempt (seed, "Forced Failover", "Restoration of a Failed Unit").
    FailoverActiveCommand,
    NoFailoverActiveCommand,
    OtherUnitWantsMeActive,
    OtherUnitWantsMeStandby,
    FailoverResetCommand,
    Preempt,

    // Failover disabled with 'no failover': roles stay as they are.
    FailoverDisabled,

    // Power.
    PowerLost,
    Rebooted,
}
