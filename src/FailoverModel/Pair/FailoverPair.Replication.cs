using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Pair;

/// <summary>
/// Configuration synchronization and Command Replication (seed, "Device Initialization and Configuration
/// Synchronization", "Command Replication"): what a command changes on the unit it is typed on and on the mate, what
/// is saved, and the configuration a unit receives.
/// </summary>
public sealed partial class FailoverPair
{
    /// <summary>True when a command typed on <paramref name="unit"/> replicates to the mate: the group that owns it is active there and the mate answers.</summary>
    private bool Replicates(PairState state, UnitRole unit, FailoverGroupId group) =>
        !_deviations.NeverReplicates
        && state.GroupState(unit, group).IsActive()
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
                ? them.WithSettingsSaved() with { StartupFailover = them.Status == UnitStatus.FailoverOn, Configuration = saved }
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
    private void Configure(StepBuilder step, UnitRole unit, string? context, ConfigurationCommand command) =>
        Change(step, unit, context, command.Change, command.Replicated, command.Text, u => u);

    /// <summary>
    /// <c>failover group n</c> and its sub-mode: a change of the system execution space, replicated from the unit where
    /// failover group 1 is active; typed elsewhere it stays on that unit and the pair diverges (seed, "Command Replication").
    /// </summary>
    private void ConfigureGroup(StepBuilder step, UnitRole unit, FailoverGroupMode command) =>
        Change(step, unit, null, command.Change, replicated: true, $"failover group {command.Group}",
            u => u.WithSettings(command.Group, command.ApplyTo(u.Settings(command.Group))));

    private void Change(StepBuilder step, UnitRole unit, string? context, int number, bool replicated, string text, Func<UnitState, UnitState> apply)
    {
        var space = Config.SpaceOf(context);
        var me = step.Unit(unit);
        var change = number < 0 ? 0 : number;
        step.Set(unit, apply(me) with { Configuration = me.Configuration.WithChange(space, change) });
        var group = Config.GroupOfSpace(context);
        var mate = unit.Mate();
        if (!replicated)
        {
            step.Note($"'{text}' is not replicated (seed, \"Command Replication\"): it changes {unit.Token()} only");
        }
        else if (Replicates(step.State, unit, group))
        {
            var theirs = step.Unit(mate);
            var landsIn = _deviations.ReplicatesContextChangesIntoTheSystemSpace ? 0 : space;
            step.Set(mate, apply(theirs) with { Configuration = theirs.Configuration.WithChange(landsIn, change) });
        }
        else if (me.View.HearsHellos)
        {
            step.Note($"**** WARNING **** Configuration Replication is NOT performed from Standby unit to Active unit. Configurations are no longer synchronized. ('{text}' in {Config.SpaceName(space)} on {unit.Token()}, where {(context is null ? "failover group 1" : context)} is not active)");
        }
        else
        {
            step.Note($"'{text}' changes {unit.Token()} only: the mate does not answer");
        }
    }

    /// <summary>Seed: "You must enter the command in the system execution space on the unit that has failover group 1 in the active state."</summary>
    private void WriteToStandby(StepBuilder step, UnitRole unit)
    {
        var mate = unit.Mate();
        if (!Replicates(step.State, unit, FailoverGroupId.One))
        {
            step.Note($"'write standby' has no effect on {unit.Token()}: enter it where failover group 1 is active, with the mate answering");
            return;
        }

        CopyConfiguration(step, unit, mate);
        GroupSyslog.Replication(step, unit);
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

    /// <summary>
    /// The receiving unit takes the sender's running configuration: the failover group settings and every space (seed:
    /// "On the unit receiving the configuration, the configuration exists only in running memory").
    /// </summary>
    private void CopyConfiguration(StepBuilder step, UnitRole from, UnitRole to)
    {
        var source = step.Unit(from);
        var target = step.Unit(to);
        step.Set(to, target with { Settings1 = source.Settings1, Settings2 = source.Settings2, Configuration = target.Configuration.RunningFrom(source.Configuration) });
    }
}
