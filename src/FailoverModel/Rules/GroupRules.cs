using System.Collections.Immutable;
using FailoverModel.Machines;
using static FailoverModel.Machines.GroupState;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Rules;

/// <summary>
/// Every rule of the failover group machine: boot and negotiation, configuration synchronization, the steps to
/// Active, the failure-event table, restoration, commands and power. <see cref="FailoverGroupMachine"/> is built from
/// <see cref="All"/>; nothing else decides how a group changes state.
/// </summary>
public static class GroupRules
{
    private const string Initialization = "Device Initialization and Configuration Synchronization";
    private const string Preference = "Primary/Secondary Status and Active/Standby Status";
    private const string ForcedFailover = "Forced Failover";
    private const string Restoration = "Restoration of a Failed Unit";

    /// <summary>Every rule, each with its source in the seed's words: the data the machine, the docs and the diagrams are drawn from.</summary>
    public static readonly ImmutableArray<GroupTransition> All = [.. Boot(), .. Synchronization(), .. Activation(), .. FailureEventTable.Transitions(), .. Recovery(), .. Commands(), .. Disabling(), .. Power()];

    private static IEnumerable<GroupTransition> Boot()
    {
        foreach (var state in GroupStates.All.Where(s => s != Negotiation))
        {
            yield return new(state, FailoverEnabled, Negotiation, GroupGuard.Always, "failover enabled", GroupReasons.FailoverStateCheck);
        }

        yield return new(Negotiation, NoActiveUnitFound, JustActive, GroupGuards.NoActiveMate, Preference, GroupReasons.NoActiveUnitFound);
        yield return new(Negotiation, BothUnitsBooted, JustActive, GroupGuards.PreferredUnitAtSimultaneousBoot, Preference, GroupReasons.NoActiveUnitFound);
        yield return new(Negotiation, ActiveMateDetected, ColdStandby, GroupGuards.ActiveMateAnswers, Initialization, GroupReasons.DetectedActiveMate);

        // Split brain resolves when the failover link comes back: the copy on the group's other unit turns standby
        // and synchronizes again from the preferred unit.
        foreach (var state in GroupStates.ActiveFamily)
        {
            yield return new(state, ActiveMateDetected, ColdStandby, GroupGuards.ActiveMateOnPreferredUnit, Initialization, GroupReasons.DetectedActiveMate, FailureReason.None);
        }
    }

    private static IEnumerable<GroupTransition> Synchronization()
    {
        yield return new(ColdStandby, ConfigReplicationBegins, SyncConfig, GroupGuards.ActiveMateAnswers, Initialization, GroupReasons.DetectedActiveMate);
        yield return new(SyncConfig, ConfigReplicationEnds, SyncFileSystem, GroupGuards.ActiveMateAnswers, Initialization, GroupReasons.DetectedActiveMate);
        yield return new(SyncFileSystem, FileSystemSynced, BulkSync, GroupGuards.ActiveMateAnswers, Initialization, GroupReasons.DetectedActiveMate);
        yield return new(BulkSync, BulkSyncCompletes, StandbyReady, GroupGuards.ActiveMateAnswers, Initialization, GroupReasons.DetectedActiveMate, ArmsPreempt: true);

        // A joining group whose active peer disappears negotiates again (and, finding no active unit, becomes active).
        foreach (var state in GroupStates.Synchronizing)
        {
            yield return new(state, MateLost, Negotiation, GroupGuards.ActiveMateLost, Initialization, GroupReasons.HelloNotHeard, FailureReason.CommunicationFailure);
        }
    }

    private static IEnumerable<GroupTransition> Activation()
    {
        const string source = "becoming active";
        yield return new(JustActive, ActivationBegins, ActiveDrain, GroupGuard.Always, source, GroupReasons.NoActiveUnitFound);
        yield return new(ActiveDrain, QueuesDrained, ActiveApplyingConfig, GroupGuard.Always, source, GroupReasons.NoActiveUnitFound);
        yield return new(ActiveApplyingConfig, ConfigApplied, ActiveConfigApplied, GroupGuard.Always, source, GroupReasons.NoActiveUnitFound);
        yield return new(ActiveConfigApplied, ActivationCompletes, Active, GroupGuard.Always, source, GroupReasons.NoActiveUnitFound);
    }

    private static IEnumerable<GroupTransition> Recovery()
    {
        // Table row 4 and "Restoration of a Failed Unit": restored groups remain in the standby state.
        var row = FailureEventTable.Row(FailureEvent.FormerlyActiveGroupRecovers);
        yield return new(Failed, FormerlyActiveGroupRecovers, StandbyReady, GroupGuards.ThresholdNoLongerReached, row.Source, GroupReasons.InterfaceCheck, ArmsPreempt: true);
        yield return new(Failed, FailoverResetCommand, StandbyReady, GroupGuard.Always, Restoration, GroupReasons.SetByConfigCommand, FailureReason.None, ArmsPreempt: true);
        yield return new(StandbyReady, Preempt, JustActive, GroupGuards.PreemptOnPreferredUnit, Restoration, GroupReasons.SetByConfigCommand);
    }

    private static IEnumerable<GroupTransition> Commands()
    {
        yield return new(StandbyReady, FailoverActiveCommand, JustActive, GroupGuards.ActiveMateAnswers, ForcedFailover, GroupReasons.SetByConfigCommand);
        yield return new(StandbyReady, OtherUnitWantsMeActive, JustActive, GroupGuards.ActiveMateAnswers, ForcedFailover, GroupReasons.OtherUnitWantsMeActive);
        foreach (var state in GroupStates.ActiveFamily)
        {
            yield return new(state, NoFailoverActiveCommand, StandbyReady, GroupGuards.StandbyMateAnswers, ForcedFailover, GroupReasons.SetByConfigCommand, FailureReason.ConfigCommand);
            yield return new(state, OtherUnitWantsMeStandby, StandbyReady, GroupGuards.StandbyMateAnswers, ForcedFailover, GroupReasons.OtherUnitWantsMeStandby, FailureReason.ConfigCommand);
        }
    }

    /// <summary>
    /// Seed, "Disabled Failover": "the failover groups remain in the active state on whichever unit they are currently
    /// active on". A group that is not active stops in Disabled, as ASA shows after <c>no failover</c> (docs/sources.md).
    /// </summary>
    private static IEnumerable<GroupTransition> Disabling()
    {
        const string source = "Disabled Failover";
        foreach (var state in GroupStates.ActiveFamily.Where(s => s != Active))
        {
            yield return new(state, FailoverDisabled, Active, GroupGuard.Always, source, GroupReasons.SetByConfigCommand);
        }

        foreach (var state in GroupStates.All.Where(s => s != Disabled && !s.IsActive()))
        {
            yield return new(state, FailoverDisabled, Disabled, GroupGuard.Always, source, GroupReasons.SetByConfigCommand, FailureReason.None);
        }
    }

    private static IEnumerable<GroupTransition> Power()
    {
        foreach (var state in GroupStates.All.Where(s => s != Disabled))
        {
            yield return new(state, PowerLost, Disabled, GroupGuard.Always, "power failure", GroupReasons.FailoverStateCheck, FailureReason.None);
        }

        yield return new(Failed, Rebooted, Disabled, GroupGuard.Always, "reload", GroupReasons.FailoverStateCheck, FailureReason.None);
    }
}
