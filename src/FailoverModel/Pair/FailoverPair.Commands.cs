using FailoverModel.Machines;
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
                SwitchFailover(step, unit, UnitTrigger.EnableFailover, 105002, "Enabling failover.");
                break;
            case DisableFailover:
                // A system command: typed where group 1 is active it is replicated, and both units keep their roles
                // (seed, "Disabled Failover"); typed on the other unit it disables failover there only.
                var replicates = Replicates(step.State, unit, 1);
                SwitchFailover(step, unit, UnitTrigger.DisableFailover, 105001, "Disabling failover.");
                if (replicates)
                {
                    SwitchFailover(step, unit.Mate(), UnitTrigger.DisableFailover, 105001, "Disabling failover.");
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
    private void SwitchFailover(StepBuilder step, UnitRole unit, UnitTrigger trigger, int id, string text)
    {
        var me = step.Unit(unit);
        if (_unit.Fire(me.Status, trigger, me.StartupFailover) is not { } status)
        {
            step.Note($"failover is already {(trigger == UnitTrigger.EnableFailover ? "enabled" : "disabled")} on {unit.Token()}");
            return;
        }

        step.Set(unit, me with { Status = status });
        step.LogFailover(unit, id, text);
        FireAll(step, unit, status == UnitStatus.FailoverOn ? FailoverEnabled : FailoverDisabled);
    }

    /// <summary>
    /// <c>failover active [group n]</c> on the unit where the group is standby, or <c>no failover active [group n]</c>
    /// on the unit where it is active; the mate's group takes the opposite role in the same step.
    /// </summary>
    private void Force(StepBuilder step, UnitRole unit, int? group, GroupTrigger trigger, bool wantActive)
    {
        if (step.Unit(unit).Status != UnitStatus.FailoverOn)
        {
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

    private string WhyNoForcedFailover(PairState state, UnitRole unit, int group, bool wantActive)
    {
        var own = state.GroupState(unit, group);
        var mate = unit.Mate();
        var theirs = state.GroupState(mate, group);
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

        if (state.Unit(mate).Status != UnitStatus.FailoverOn)
        {
            return prefix + $"{mate.Token()} is {state.Unit(mate).Status.Display()}";
        }

        return prefix + $"it is {theirs.Display()} on {mate.Token()}";
    }

    /// <summary><c>failover reset [group n]</c>: failed groups on this unit, and on the mate when it answers, become Standby Ready.</summary>
    private void Reset(StepBuilder step, UnitRole unit, int? group)
    {
        var reset = false;
        foreach (var target in new[] { unit, unit.Mate() })
        {
            var reachable = target == unit || step.State.FailoverLink == LinkStatus.Up;
            if (!reachable || step.Unit(target).Status != UnitStatus.FailoverOn)
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

    /// <summary>True when a command typed on <paramref name="unit"/> replicates to the mate: the group that owns it is active there and the mate answers.</summary>
    private static bool Replicates(PairState state, UnitRole unit, int group) =>
        state.GroupState(unit, group).IsActive()
        && state.FailoverLink == LinkStatus.Up
        && state.Unit(unit).Status == UnitStatus.FailoverOn
        && state.Unit(unit.Mate()).Status == UnitStatus.FailoverOn;

    /// <summary>
    /// <c>write memory</c> / <c>copy running-config startup-config</c> save the running configuration of the space they
    /// are typed in (<c>write memory all</c>: the system and every context); typed on the unit that owns the space (where
    /// group 1 is active for the system space) they are replicated and the mate saves too (seed, "Command Replication":
    /// "The command is replicated to the peer unit and cause the configuration to be saved to Flash memory on the peer
    /// unit").
    /// </summary>
    private void Save(StepBuilder step, UnitRole unit, WriteMemory command, string? context = null)
    {
        var group = Config.GroupOfSpace(context);
        var replicates = Replicates(step.State, unit, group);
        var spaces = command.All ? Enumerable.Range(0, Config.Spaces) : [Config.SpaceOf(context)];
        foreach (var target in replicates ? [unit, unit.Mate()] : new[] { unit })
        {
            var them = step.Unit(target);
            var saved = spaces.Aggregate(them.Configuration, (c, space) => c.Saved(space));
            step.Set(target, context is null
                ? them with { StartupFailover = them.Status == UnitStatus.FailoverOn, Configuration = saved }
                : them with { Configuration = saved });
        }

        var where = context is null ? "" : $" in {context}";
        if (replicates)
        {
            step.Note($"'{command}'{where} saved on {unit.Token()} and, replicated, on {unit.Mate().Token()}");
        }
        else if (!step.State.GroupState(unit, group).IsActive())
        {
            step.Note(context is null
                ? $"'{command}' saved on {unit.Token()} only: system commands replicate from the unit where failover group 1 is active"
                : $"'{command}'{where} saved on {unit.Token()} only: {context} is not active there, so nothing replicates");
        }
        else
        {
            step.Note($"'{command}'{where} saved on {unit.Token()} only: the mate does not answer");
        }
    }

    /// <summary>
    /// A configuration command changes the running configuration of its space on this unit and, typed on the unit that
    /// owns the space (seed, "Command Replication"), on the mate's running configuration too; otherwise the pair
    /// diverges, and the change "may be lost the next time the initial configuration synchronization occurs".
    /// </summary>
    private void Configure(StepBuilder step, UnitRole unit, string? context, ConfigurationCommand command)
    {
        var space = Config.SpaceOf(context);
        var me = step.Unit(unit);
        var change = command.Change < 0 ? 0 : command.Change;
        step.Set(unit, me with { Configuration = me.Configuration.WithChange(space, change) });
        var group = Config.GroupOfSpace(context);
        var mate = unit.Mate();
        if (!command.Replicated)
        {
            step.Note($"'{command}' is not replicated (seed, \"Command Replication\"): it changes {unit.Token()} only");
        }
        else if (Replicates(step.State, unit, group))
        {
            var theirs = step.Unit(mate);
            step.Set(mate, theirs with { Configuration = theirs.Configuration.WithChange(space, change) });
        }
        else if (step.State.FailoverLink == LinkStatus.Up && step.Unit(mate).Status == UnitStatus.FailoverOn)
        {
            step.Note($"**** WARNING **** Configuration Replication is NOT performed from Standby unit to Active unit. Configurations are no longer synchronized. ('{command}' in {Config.SpaceName(space)} on {unit.Token()}, where {(context is null ? "failover group 1" : context)} is not active)");
        }
        else
        {
            step.Note($"'{command}' changes {unit.Token()} only: the mate does not answer");
        }
    }

    /// <summary>Seed: "You must enter the command in the system execution space on the unit that has failover group 1 in the active state."</summary>
    private void WriteToStandby(StepBuilder step, UnitRole unit)
    {
        var mate = unit.Mate();
        if (!Replicates(step.State, unit, 1))
        {
            step.Note($"'write standby' has no effect on {unit.Token()}: enter it where failover group 1 is active, with the mate answering");
            return;
        }

        CopyConfiguration(step, unit, mate);
        step.Log(unit, 709003, "Beginning configuration replication: Send to mate.");
        step.Log(mate, 709005, "Beginning configuration replication: Receiving from mate.");
        step.Log(unit, 709004, "End Configuration Replication (ACT)");
        step.Log(mate, 709006, "End Configuration Replication (STB)");
        foreach (var g in Config.GroupIds.Where(g => step.State.GroupState(mate, g).IsActive()))
        {
            // Seed: "If there are security contexts in the active state on the peer unit, the write standby command causes
            // active connections through those contexts to be terminated."
            foreach (var context in Config.Contexts.Where(c => c.Group == g))
            {
                step.Note($"active connections through {context.Name} (active on {mate.Token()}) are terminated by 'write standby'");
            }

            step.State = step.State with { Connections = step.State.Connections.With(g, default) };
        }
    }

    /// <summary><c>failover group n</c> and its sub-mode: replicated from the unit where group 1 is active, otherwise the pair diverges.</summary>
    private void ConfigureGroup(StepBuilder step, UnitRole unit, FailoverGroupMode command)
    {
        var me = step.Unit(unit);
        step.Set(unit, me.WithSettings(command.Group, command.ApplyTo(me.Settings(command.Group))));
        var mate = unit.Mate();
        if (Replicates(step.State, unit, 1))
        {
            var theirs = step.Unit(mate);
            step.Set(mate, theirs.WithSettings(command.Group, command.ApplyTo(theirs.Settings(command.Group))));
            return;
        }

        if (step.State.FailoverLink == LinkStatus.Up && step.Unit(mate).Status == UnitStatus.FailoverOn)
        {
            step.Note("**** WARNING **** Configuration Replication is NOT performed from Standby unit to Active unit. Configurations are no longer synchronized.");
        }
        else
        {
            step.Note($"failover group {command.Group} changed on {unit.Token()} only: the mate does not answer");
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
                step.Log(unit, 709003, "Beginning configuration replication: Send to mate.");
                step.Log(mate, 709005, "Beginning configuration replication: Receiving from mate.");
                step.Log(unit, 709004, "End Configuration Replication (ACT)");
                step.Log(mate, 709006, "End Configuration Replication (STB)");
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
