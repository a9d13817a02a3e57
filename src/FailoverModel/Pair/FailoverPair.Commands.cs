using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Pair;

/// <summary>ASA commands typed on a unit (seed, "Forced Failover", "Disabled Failover", "Restoration of a Failed Unit", "Command Replication").</summary>
public sealed partial class FailoverPair
{
    private void ApplyCommand(StepBuilder step, CommandEvent e)
    {
        var unit = e.Unit;
        var me = step.Unit(unit);
        if (!me.Status.IsRunning())
        {
            step.Note($"{unit.Token()} is {me.Status.Display()}: '{e.Command}' has no effect");
            return;
        }

        if (e.Context is { } context)
        {
            ApplyContextCommand(step, unit, context, e.Command);
            return;
        }

        switch (e.Command)
        {
            case EnableFailover:
                SwitchFailover(step, unit, UnitTrigger.EnableFailover, SyslogId.EnablingFailover);
                break;
            case DisableFailover:
                // A system command: typed where group 1 is active it is replicated, and both units keep their roles
                // (seed, "Disabled Failover"); typed on the other unit it disables failover there only.
                var replicates = Replicates(step.State, unit, FailoverGroupId.One);
                SwitchFailover(step, unit, UnitTrigger.DisableFailover, SyslogId.DisablingFailover);
                if (replicates)
                {
                    SwitchFailover(step, unit.Mate(), UnitTrigger.DisableFailover, SyslogId.DisablingFailover);
                }

                break;
            case FailoverActive c:
                Force(step, unit, c.Group, FailoverActiveCommand, wantActive: true);
                break;
            case NoFailoverActive c:
                Force(step, unit, c.Group, NoFailoverActiveCommand, wantActive: false);
                break;
            case FailoverReset c:
                Reset(step, unit, c.Group);
                break;
            case WriteMemory c:
                Save(step, unit, c);
                break;
            case WriteStandby:
                WriteToStandby(step, unit);
                break;
            case ConfigurationCommand c:
                Configure(step, unit, null, c);
                break;
            case ExecCommand c:
                step.Note($"'{c}' changes nothing and is not replicated");
                break;
            case FailoverGroupMode c:
                ConfigureGroup(step, unit, c);
                break;
            default:
                throw new ArgumentException($"unknown command {e.Command}", nameof(e));
        }
    }

    /// <summary>
    /// <c>failover</c> and <c>no failover</c>. Disabling failover leaves every group where it is ("the failover groups
    /// remain in the active state on whichever unit they are currently active on"); enabling it negotiates again.
    /// </summary>
    private void SwitchFailover(StepBuilder step, UnitRole unit, UnitTrigger trigger, SyslogId id)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, trigger, me.StartupFailover) is not { } status)
        {
            step.Note($"failover is already {(trigger == UnitTrigger.EnableFailover ? "enabled" : "disabled")} on {unit.Token()}");
            return;
        }

        step.Set(unit, me with { Status = status });
        step.Log(unit, id, null);
        FireAll(step, unit, status == UnitStatus.FailoverOn ? FailoverEnabled : FailoverDisabled);
    }

    /// <summary>
    /// <c>failover active [group n]</c> on the unit where the group is standby, or <c>no failover active [group n]</c>
    /// on the unit where it is active; the mate's group takes the opposite role in the same step.
    /// </summary>
    private void Force(StepBuilder step, UnitRole unit, FailoverGroupId? group, GroupTrigger trigger, bool wantActive)
    {
        if (!ProtocolRules.StepsItsGroups(step.Unit(unit).Status))
        {
            if (_deviations.ForcesWithFailoverDisabled && step.Unit(unit).Status == UnitStatus.FailoverOff)
            {
                foreach (var g in group is { } one ? [one] : Config.GroupIds)
                {
                    var me = step.Unit(unit);
                    step.Set(unit, me.WithGroup(g, me.Group(g) with { State = wantActive ? GroupState.Active : GroupState.Disabled }));
                }

                return;
            }

            step.Note($"failover is disabled on {unit.Token()}: no group changes role");
            return;
        }

        foreach (var g in group is { } only ? [only] : Config.GroupIds)
        {
            if (TryGroupStep(step.State, unit, g, trigger) is { } fired)
            {
                Commit(step, unit, g, fired.Own, fired.Mate);
            }
            else
            {
                step.Note(WhyNoForcedFailover(step.State, unit, g, wantActive));
            }
        }
    }

    /// <summary>Why a forced failover changed nothing, as the unit can tell: from its own state and its view of the mate.</summary>
    private static string WhyNoForcedFailover(PairState state, UnitRole unit, FailoverGroupId group, bool wantActive)
    {
        var own = state.GroupState(unit, group);
        var mate = unit.Mate();
        var view = state.Unit(unit).View;
        var prefix = $"group {group} stays {own.Display()} on {unit.Token()}: ";
        if (wantActive && own.IsActive())
        {
            return prefix + "it is already active there";
        }

        if (!wantActive && !own.IsActive())
        {
            return prefix + "it is not active there";
        }

        if (state.FailoverLink != LinkStatus.Up)
        {
            return prefix + "the failover link is down, and no failover happens while it is down (table row 7)";
        }

        return view.Contact switch
        {
            MateContact.Hellos when Answers(state, unit) => prefix + $"it is {view.Group(group).Display()} on {mate.Token()}",
            MateContact.Hellos => prefix + $"{mate.Token()} does not answer",
            MateContact.Failed => prefix + $"{unit.Token()} has declared {mate.Token()} failed",
            _ => prefix + $"{unit.Token()} has not detected {mate.Token()}",
        };
    }

    /// <summary><c>failover reset [group n]</c>: failed groups on this unit, and on the mate when it answers, become Standby Ready.</summary>
    private void Reset(StepBuilder step, UnitRole unit, FailoverGroupId? group)
    {
        var reset = false;
        foreach (var target in new[] { unit, unit.Mate() })
        {
            var reachable = target == unit || step.State.FailoverLink == LinkStatus.Up;
            if (!reachable || !ProtocolRules.StepsItsGroups(step.Unit(target).Status))
            {
                continue;
            }

            foreach (var g in group is { } only ? [only] : Config.GroupIds)
            {
                var state = step.State;
                if (_group.Fire(state.GroupState(target, g), FailoverResetCommand, Conditions(state, target, g)) is { } t)
                {
                    Commit(step, target, g, t, null);
                    reset = true;
                }
            }
        }

        if (!reset)
        {
            step.Note(group is { } only2 ? $"group {only2} is not failed on a unit that answers" : "no failed group on a unit that answers");
        }
    }

    /// <summary>Commands in a context replicate from the unit where the context is active (seed, "Command Replication").</summary>
    private void ApplyContextCommand(StepBuilder step, UnitRole unit, string context, AsaCommand command)
    {
        var group = Config.GroupOfContext(context);
        var mate = unit.Mate();
        var replicates = Replicates(step.State, unit, group);
        switch (command)
        {
            case WriteStandby when replicates:
                var space = Config.SpaceOf(context);
                var theirs = step.Unit(mate);
                step.Set(mate, theirs with { Configuration = theirs.Configuration.WithRunning(space, step.Unit(unit).Configuration.Running(space)) });
                GroupSyslog.Replication(step, unit);
                step.Note($"the configuration of {context} is written to {mate.Token()}");
                break;
            case WriteStandby:
                step.Note($"'write standby' in {context} has no effect on {unit.Token()}: enter it where {context} is active, with the mate answering");
                break;
            case WriteMemory c:
                Save(step, unit, c, context);
                break;
            case ConfigurationCommand c:
                Configure(step, unit, context, c);
                break;
            case ExecCommand c:
                step.Note($"'{c}' changes nothing and is not replicated");
                break;
            default:
                throw new ArgumentException($"'{command}' cannot be entered in a context", nameof(command));
        }
    }
}
