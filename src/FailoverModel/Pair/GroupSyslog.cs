using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The syslog messages a failover group's change produces on the units (ASA syslog messages guide: 104001-104004 for a
/// group's role, 709003-709006 for configuration replication, 411001/411002 for the line protocol).
/// </summary>
internal static class GroupSyslog
{
    public static void Transition(StepBuilder step, PairConfig config, UnitRole unit, FailoverGroupId group, GroupTransition t)
    {
        var mate = unit.Mate();
        switch (t.From, t.To)
        {
            case (_, GroupState.JustActive) when !t.From.IsActive():
                step.LogFailover(unit, 104001, $"Switching to ACTIVE - {t.Reason}.", group);
                break;
            case (_, GroupState.StandbyReady) when t.From.IsActive():
                step.LogFailover(unit, 104002, $"Switching to STANDBY - {t.Reason}.", group);
                break;
            case (not GroupState.Failed, GroupState.Failed):
                step.LogFailover(unit, 104003, "Switching to FAILED.", group);
                break;
            case (GroupState.Failed, GroupState.StandbyReady):
                step.LogFailover(unit, 104004, "Switching to OK.", group);
                break;
            case (GroupState.ColdStandby, GroupState.SyncConfig) when group == FailoverGroupId.One:
                // The system configuration travels with failover group 1 (seed, "Command Replication").
                step.Log(mate, 709003, "Beginning configuration replication: Send to mate.");
                step.Log(unit, 709005, "Beginning configuration replication: Receiving from mate.");
                break;
            case (GroupState.SyncConfig, GroupState.SyncFileSystem) when group == FailoverGroupId.One:
                step.Log(mate, 709004, "End Configuration Replication (ACT)");
                step.Log(unit, 709006, "End Configuration Replication (STB)");
                break;
        }

        var switchover = (t.From.IsActive() && t.To is GroupState.StandbyReady or GroupState.Failed) || (t.From is GroupState.StandbyReady && t.To.IsActive());
        if (switchover && step.Unit(unit).Status.IsRunning())
        {
            // Seed, "Failover Functionality Tests": "Within switchover, failover logically shuts down and then brings up
            // interfaces, which generates syslog 411001 and 411002 messages."
            foreach (var context in config.Contexts.Where(c => c.Group == group))
            {
                foreach (var i in context.Interfaces)
                {
                    step.Log(unit, 411002, $"Line protocol on Interface {i.Nameif}, changed state to down", group);
                    step.Log(unit, 411001, $"Line protocol on Interface {i.Nameif}, changed state to up", group);
                }
            }
        }
    }

    /// <summary>A configuration written to the mate (<c>write standby</c>): the sender's and the receiver's messages.</summary>
    public static void Replication(StepBuilder step, UnitRole sender)
    {
        var receiver = sender.Mate();
        step.Log(sender, 709003, "Beginning configuration replication: Send to mate.");
        step.Log(receiver, 709005, "Beginning configuration replication: Receiving from mate.");
        step.Log(sender, 709004, "End Configuration Replication (ACT)");
        step.Log(receiver, 709006, "End Configuration Replication (STB)");
    }
}
