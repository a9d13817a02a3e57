using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Table row 3: a standby group marked failed does not take over from a live mate; and "when the standby failover group
/// is marked as failed, the active failover group does not attempt to fail over, even if the interface failure threshold
/// is surpassed". A dead mate is another case: it answers on no interface, so it has more failed interfaces than any live
/// unit, and the unit that shows it failed takes its groups, a failed copy included (row 1).
/// </summary>
internal sealed class AFailedStandbyGroupNeverBecomesActive : Invariant
{
    public override string Name => nameof(AFailedStandbyGroupNeverBecomesActive);

    public override string Source => "table row 3";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before)
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in step.Config.GroupIds)
            {
                var was = before.GroupState(unit, g);
                var now = step.After.GroupState(unit, g);
                if (was == GroupState.Failed && now.IsActive() && !NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers.ShowsItsMateFailed(step.After, unit))
                {
                    return $"group {g} went from Failed straight to {now.Display()} on {unit.Token()}, which does not show its mate failed (event: {step.Event})";
                }

                var mate = unit.Mate();
                if (was.IsActive() && now == GroupState.Failed && before.GroupState(mate, g) == GroupState.Failed
                    && step.Event is GroupStep)
                {
                    return $"group {g} failed over from {unit.Token()} although its standby on {mate.Token()} is Failed (event: {step.Event})";
                }
            }
        }

        return null;
    }
}
