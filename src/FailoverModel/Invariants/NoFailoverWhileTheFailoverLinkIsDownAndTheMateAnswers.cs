using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Table row 7: "the unit cannot fail over to the standby unit while the failover link is down", read with Cisco's unit
/// health monitoring: a live mate answers LANTEST on its data interfaces, so while the link is down a group becomes active
/// on a unit where it was standby or failed only when that unit shows its mate failed (it heard no answer on any
/// interface; <see cref="NoUnitDeclaresItsMateFailedWhileTheMateAnswers"/> checks that declaration). A unit starting up
/// (row 5) makes its groups active from Negotiation, which this claim does not concern.
/// </summary>
internal sealed class NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers : Invariant
{
    public override string Name => nameof(NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers);

    public override string Source => "table row 7; ASA configuration guide, Unit Health Monitoring";

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
                if (step.After.GroupState(unit, g).IsActive() && (was == GroupState.StandbyReady || was == GroupState.Failed)
                    && !ShowsItsMateFailed(step.After, unit))
                {
                    return $"group {g} became active on {unit.Token()} from {was.Display()} while the failover link is down and {unit.Token()} does not show its mate failed (event: {step.Event})";
                }
            }
        }

        return null;
    }

    /// <summary>What the unit prints as "Other host" in <c>show failover</c>: its mate Failed (its view of the mate).</summary>
    internal static bool ShowsItsMateFailed(PairState state, UnitRole unit) => state.Unit(unit).View.Contact == MateContact.Failed;
}
