using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Command Replication": commands in a context are replicated from the unit where the context is active, system
/// commands from the unit where failover group 1 is active; a change entered there reaches the peer's running
/// configuration whenever the failover link is up and the peer runs failover.
/// </summary>
internal sealed class AChangeOnTheRightUnitReachesThePeer : Invariant
{
    public override string Name => nameof(AChangeOnTheRightUnitReachesThePeer);

    public override string Source => "Command Replication";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before || step.Event is not CommandEvent { Command: ConfigurationCommand { Replicated: true } change } command)
        {
            return null;
        }

        var unit = command.Unit;
        var mate = unit.Mate();
        var rightUnit = CommandReplication.EnteredOnTheRightUnit(step.Config, before, command);
        var space = step.Config.SpaceOf(command.Context);
        var bit = 1UL << Math.Max(0, change.Change);
        if (rightUnit && (step.After.Unit(mate).Configuration.Running(space) & bit) == 0)
        {
            return $"'{change}' entered on {unit.Token()}, where {(command.Context ?? "failover group 1")} is active, did not reach the running configuration of {mate.Token()}";
        }

        return null;
    }
}
