using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Availability: once settled with the failover link up, a group is active somewhere whenever a unit running failover
/// holds it unfailed. The outage the seed documents — the active unit dies while the failover link is down (table row 7)
/// — is outside the claim, which speaks only while the link is up.
/// </summary>
public sealed class EveryGroupIsActiveWhereAUnitCanServeIt : Invariant
{
    public override string Name => nameof(EveryGroupIsActiveWhereAUnitCanServeIt);

    public override string Source => "Failover Actions; table rows 1 and 7";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        if (!step.Settled || s.FailoverLink != LinkStatus.Up)
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
                if (s.Unit(unit).Status == UnitStatus.FailoverOn && s.GroupState(unit, g) != GroupState.Failed)
                {
                    return $"group {g} is active nowhere although {unit.Token()} runs failover with it {s.GroupState(unit, g).Display()}";
                }
            }
        }

        return null;
    }
}
