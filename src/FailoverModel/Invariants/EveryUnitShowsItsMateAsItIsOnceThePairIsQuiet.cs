using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// A unit's view of its mate is stale only until its holdtime runs out (ASA configuration guide, "Unit Health
/// Monitoring"): once the pair is quiet (settled, every holdtime run out), a unit running failover shows its mate as the
/// mate is. A mate that answers on the failover link is shown with each group in the state the mate itself shows; a mate
/// that does not run failover is never shown alive. ("Shown" is the "Other host" part of <c>show failover</c>, which
/// prints the unit's view.)
/// </summary>
internal sealed class EveryUnitShowsItsMateAsItIsOnceThePairIsQuiet : Invariant
{
    public override string Name => nameof(EveryUnitShowsItsMateAsItIsOnceThePairIsQuiet);

    public override string Source => "ASA configuration guide, Unit Health Monitoring; seed, Use of the show failover Command";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        if (!step.Settled)
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            var me = s.Unit(unit);
            if (me.Status != UnitStatus.FailoverOn)
            {
                continue;
            }

            var mate = s.Unit(unit.Mate());
            var view = me.View;
            if (mate.Status != UnitStatus.FailoverOn)
            {
                if (view.Contact is MateContact.Hellos or MateContact.DataInterfaces)
                {
                    return $"{unit.Token()} still shows its mate alive ({view.Contact}) although {unit.Mate().Token()} is {mate.Status.Display()} and the pair is quiet";
                }

                continue;
            }

            if (s.FailoverLink != LinkStatus.Up)
            {
                continue;
            }

            foreach (var g in step.Config.GroupIds)
            {
                if (view.Contact != MateContact.Hellos || view.Group(g) != mate.Group(g).State)
                {
                    return $"{unit.Token()} shows its mate's group {g} as {(view.Contact == MateContact.Hellos ? view.Group(g).Display() : view.Contact.ToString())} although {unit.Mate().Token()} answers with it {mate.Group(g).State.Display()}";
                }
            }
        }

        return null;
    }
}
