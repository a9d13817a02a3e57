using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>Power, failures, interfaces and links: what the world does to the pair.</summary>
public sealed partial class FailoverPair
{
    private void Boot(StepBuilder step, UnitRole unit, UnitTrigger trigger, string verb)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, trigger, me.StartupFailover) is not { } status)
        {
            step.Note($"{unit.Token()} is {me.Status.Display()}: it cannot be {verb}");
            return;
        }

        FireAll(step, unit, GroupTrigger.Rebooted);

        // A unit that boots runs its startup configuration: what was not saved is gone (seed, "Command Replication").
        var booted = step.Unit(unit);
        step.Set(unit, booted.WithStartupSettings() with { Status = status, Configuration = booted.Configuration.RevertedToStartup() });
        if (status == UnitStatus.FailoverOn)
        {
            FireAll(step, unit, GroupTrigger.FailoverEnabled);
        }
    }

    private void PowerDown(StepBuilder step, UnitRole unit, UnitTrigger trigger)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, trigger, me.StartupFailover) is not { } status)
        {
            step.Note($"{unit.Token()} is already {me.Status.Display()}");
            return;
        }

        step.Set(unit, me with { Status = status });
        FireAll(step, unit, GroupTrigger.PowerLost);
    }

    /// <summary>Table row 1, the failing unit's side: its groups are marked failed; the mate takes them over as an internal step.</summary>
    private void FailUnit(StepBuilder step, UnitRole unit, UnitTrigger trigger)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, trigger, me.StartupFailover) is not { } status)
        {
            step.Note($"{unit.Token()} is {me.Status.Display()}: it cannot fail now");
            return;
        }

        step.Set(unit, me with { Status = status });
        FireAll(step, unit, GroupTrigger.UnitFailure);
    }

    /// <summary>Seed, "Replace the Failed Unit with a New Unit": a new unit of the same role carries only the failover bootstrap.</summary>
    private void ReplaceUnit(StepBuilder step, UnitRole unit)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, UnitTrigger.Replace, me.StartupFailover) is not { } status)
        {
            step.Note($"{unit.Token()} cannot be replaced while {me.Status.Display()}");
            return;
        }

        step.Set(unit, me with { Status = status });
        FireAll(step, unit, GroupTrigger.PowerLost);
        step.Set(unit, step.Unit(unit) with
        {
            StartupFailover = false,
            FailedInterfaces = 0,
            Configuration = UnitConfiguration.Empty(Config.Spaces),
            Settings1 = Initial.Primary.Settings1,
            Settings2 = Initial.Primary.Settings2,
            StartupSettings1 = Initial.Primary.StartupSettings1,
            StartupSettings2 = Initial.Primary.StartupSettings2,
        });
        step.Note($"{unit.Token()} is a new unit: powered off, its configuration holds only the failover bootstrap (enter 'failover' after power-on)");
    }

    private void ChangeInterface(StepBuilder step, InterfaceChange e)
    {
        var index = Config.InterfaceIndex(e.Interface);
        if (index < 0)
        {
            throw new ArgumentException($"no interface {e.Interface} in the configuration", nameof(e));
        }

        var me = step.Unit(e.Unit);
        var bit = 1UL << index;
        var failed = e.Up ? me.FailedInterfaces & ~bit : me.FailedInterfaces | bit;
        if (failed == me.FailedInterfaces)
        {
            step.Note($"{e.Interface} is already {(e.Up ? "up" : "down")} on {e.Unit.Token()}");
            return;
        }

        step.Set(e.Unit, me with { FailedInterfaces = failed });
        if (!me.Status.IsRunning())
        {
            return;
        }

        var nameif = Config.Interfaces[index].Nameif;
        var group = Config.GroupOfContext(Config.Interfaces[index].Context);
        step.Log(e.Unit, e.Up ? SyslogId.LineProtocolUp : SyslogId.LineProtocolDown, group, nameif);
        if (me.Status != UnitStatus.FailoverOn || !Config.Interfaces[index].Monitored)
        {
            return;
        }

        // Interface health monitoring (docs/sources.md, "Health monitoring"): an interface that hears traffic again is
        // back to normal at once.
        if (e.Up)
        {
            step.Log(e.Unit, SyslogId.MonitoringOnInterfaceNormal, group, nameif);
            return;
        }

        // 105008 is logged only by a unit that heard nothing from its mate on the interface after the expected interval
        // (ASA syslog messages guide): that is each unit, when the mate ran failover and both units had the interface
        // up, for the hellos across it stop both ways. Each then tests its interface (105009): the unit whose link went
        // down fails it, the mate still hears the network's traffic and passes. An interface the mate was silent on
        // already stops no hello the unit still heard, so it logs no test.
        var mate = step.Unit(e.Unit.Mate());
        if (mate.Status == UnitStatus.FailoverOn && (mate.FailedInterfaces & bit) == 0)
        {
            step.Log(e.Unit, SyslogId.TestingInterface, group, nameif);
            step.Log(e.Unit, SyslogId.TestingOnInterface, group, nameif, nameof(InterfaceTestResult.Failed));
            step.Log(e.Unit.Mate(), SyslogId.TestingInterface, group, nameif);
            step.Log(e.Unit.Mate(), SyslogId.TestingOnInterface, group, nameif, nameof(InterfaceTestResult.Passed));
        }
    }

    private void ChangeLink(StepBuilder step, LinkChange e)
    {
        var trigger = e.Up ? LinkTrigger.LinkRestored : LinkTrigger.LinkFails;
        var shared = Config.StateLinkIsFailoverLink;
        var touchesFailover = e.Link == LinkKind.Failover || shared;
        var touchesState = e.Link == LinkKind.State || shared;
        if (e.Link == LinkKind.State && Config.StateLink is null)
        {
            step.Note("no Stateful Failover link is configured");
            return;
        }

        var before = step.State;
        var failover = touchesFailover ? _link.Fire(before.FailoverLink, trigger) : before.FailoverLink;
        var state = touchesState ? _link.Fire(before.StateLink, trigger) : before.StateLink;
        if (failover is null || state is null)
        {
            step.Note($"the {e.Link.Token()} link is already {(e.Up ? "up" : "down")}");
            return;
        }

        step.State = before with { FailoverLink = failover.Value, StateLink = state.Value };
        if (e.Up)
        {
            if (touchesFailover)
            {
                foreach (var unit in UnitRoles.Both.Where(u => before.Unit(u).Status == UnitStatus.FailoverOn))
                {
                    step.Log(unit, SyslogId.FailoverInterfaceOk, null);
                }
            }

            return;
        }

        var operating = UnitRoles.Both.Any(u => before.Unit(u).Status == UnitStatus.FailoverOn);
        if (touchesState && operating)
        {
            step.Row(FailureEvent.StatefulFailoverLinkFailed);
        }

        if (touchesFailover)
        {
            // Each unit sees its own failover interface go down at once; that it has lost its mate (105005) and marks
            // the link failed (table row 7) it learns only when its unit holdtime runs out (HoldtimeExpires).
            foreach (var unit in UnitRoles.Both.Where(u => before.Unit(u).Status == UnitStatus.FailoverOn))
            {
                step.Log(unit, SyslogId.FailoverInterfaceFailed, null);
            }
        }
    }
}
