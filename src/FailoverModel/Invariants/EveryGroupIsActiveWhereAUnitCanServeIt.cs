using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Availability: once the pair has settled, a group is active somewhere whenever a unit running failover holds it
/// unfailed, or holds it at all while its mate does not run failover (table row 1: a dead unit has more failed interfaces
/// than any live one, so even a failed copy takes over). With unit health monitoring the death of the active unit is
/// detected whether the failover link is up or down, so the claim no longer excludes the failover link being down.
/// </summary>
internal sealed class EveryGroupIsActiveWhereAUnitCanServeIt : Invariant
{
    public override string Name => nameof(EveryGroupIsActiveWhereAUnitCanServeIt);

    public override string Source => "Failover Actions; table rows 1 and 7; ASA configuration guide, Unit Health Monitoring";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        if (!step.Settled)
        {
            return null;
        }

        foreach (var g in step.Config.GroupIds)
        {
            if (s.ActiveOn(g) != ActiveOn.None)
            {
                continue;
            }

            foreach (var unit in UnitRoles.Both)
            {
                var me = s.Unit(unit);
                if (me.Status != UnitStatus.FailoverOn)
                {
                    continue;
                }

                if (s.GroupState(unit, g) != GroupState.Failed)
                {
                    return $"group {g} is active nowhere although {unit.Token()} runs failover with it {s.GroupState(unit, g).Display()}";
                }

                if (s.Unit(unit.Mate()).Status != UnitStatus.FailoverOn)
                {
                    return $"group {g} is active nowhere although {unit.Token()} runs failover with it Failed and its mate is {s.Unit(unit.Mate()).Status.Display()}";
                }
            }
        }

        return null;
    }
}
