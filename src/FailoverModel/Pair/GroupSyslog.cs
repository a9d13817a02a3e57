using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The syslog messages a failover group's change produces on the units (the syslog catalogue: 104001-104004 for a
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
                step.Log(unit, SyslogId.SwitchingToActive, group, SyslogCatalogue.SwitchReasonOf(t.Reason));
                break;
            case (_, GroupState.StandbyReady) when t.From.IsActive():
                step.Log(unit, SyslogId.SwitchingToStandby, group, SyslogCatalogue.SwitchReasonOf(t.Reason));
                break;
            case (_, GroupState.Failed) when t.From.IsActive() && t.Reason == GroupReasons.InterfaceCheck:
                // An active group that fails its interface check gives the group up to a healthier mate, as a captured
                // real pair logs it ("Switching to STNDBY - interface check, mate is healthier"), and is then failed.
                step.Log(unit, SyslogId.SwitchingToStandby, group, SyslogCatalogue.SwitchReasonOf(t.Reason));
                step.Log(unit, SyslogId.SwitchingToFailed, group);
                break;
            case (not GroupState.Failed, GroupState.Failed):
                step.Log(unit, SyslogId.SwitchingToFailed, group);
                break;
            case (GroupState.Failed, GroupState.StandbyReady):
                step.Log(unit, SyslogId.SwitchingToOk, group);
                break;
            case (GroupState.ColdStandby, GroupState.SyncConfig) when group == FailoverGroupId.One:
                // The system configuration travels with failover group 1 (seed, "Command Replication").
                step.Log(mate, SyslogId.ReplicationSendBegins, null);
                step.Log(unit, SyslogId.ReplicationReceiveBegins, null);
                break;
            case (GroupState.SyncConfig, GroupState.SyncFileSystem) when group == FailoverGroupId.One:
                step.Log(mate, SyslogId.ReplicationSendEnds, null);
                step.Log(unit, SyslogId.ReplicationReceiveEnds, null);
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
                    step.Log(unit, SyslogId.LineProtocolDown, group, i.Nameif);
                    step.Log(unit, SyslogId.LineProtocolUp, group, i.Nameif);
                }
            }
        }
    }

    /// <summary>A configuration written to the mate (<c>write standby</c>): the sender's and the receiver's messages.</summary>
    public static void Replication(StepBuilder step, UnitRole sender)
    {
        var receiver = sender.Mate();
        step.Log(sender, SyslogId.ReplicationSendBegins, null);
        step.Log(receiver, SyslogId.ReplicationReceiveBegins, null);
        step.Log(sender, SyslogId.ReplicationSendEnds, null);
        step.Log(receiver, SyslogId.ReplicationReceiveEnds, null);
    }
}
