using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Table row 7: "the unit cannot fail over to the standby unit while the failover link is down". While the link stays
/// down, no group becomes active on a unit where it was standby or failed; only a unit that is starting up (row 5)
/// makes its groups active.
/// </summary>
public sealed class NoFailoverWhileTheFailoverLinkIsDown : Invariant
{
    public override string Name => nameof(NoFailoverWhileTheFailoverLinkIsDown);

    public override string Source => "table row 7";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before || before.FailoverLink != LinkStatus.Down || step.After.FailoverLink != LinkStatus.Down)
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in step.Config.GroupIds)
            {
                var was = before.GroupState(unit, g);
                if (step.After.GroupState(unit, g).IsActive() && (was == GroupState.StandbyReady || was == GroupState.Failed))
                {
                    return $"group {g} became active on {unit.Token()} from {was.Display()} while the failover link is down (event: {step.Event})";
                }
            }
        }

        return null;
    }
}
