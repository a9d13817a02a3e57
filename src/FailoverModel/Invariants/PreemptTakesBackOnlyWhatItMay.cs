using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Restoration of a Failed Unit" and table row 4: a group configured with preempt becomes active on its
/// preferred unit when that unit becomes available again (booted and synchronized, or recovered); without preempt a
/// recovering unit or group never takes a group back from a live active peer. A forced failover is not undone
/// (ASA tech note on 9.18), so only a group that became available is owed the preempt.
/// </summary>
internal sealed class PreemptTakesBackOnlyWhatItMay : Invariant
{
    public override string Name => nameof(PreemptTakesBackOnlyWhatItMay);

    public override string Source => "Restoration of a Failed Unit; table row 4";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        var history = step.HistoryAfter;
        foreach (var g in step.Config.GroupIds)
        {
            foreach (var preferred in UnitRoles.Both)
            {
                // Stated over what an observer saw (RunHistory), not over the model's own preempt bookkeeping: the group
                // became Standby Ready on its preferred unit with preempt configured, and the pair, talking, settled
                // with the group still active on the other unit.
                var mate = preferred.Mate();
                if (step.Settled && history.Owed(preferred, g) && s.Unit(preferred).Settings(g).Preempt
                    && s.FailoverLink == LinkStatus.Up && s.Unit(mate).Status == UnitStatus.FailoverOn
                    && s.GroupState(mate, g).IsActive())
                {
                    return $"group {g} has preempt and became available on its preferred unit {preferred.Token()}, but the pair settled with it active on {mate.Token()}";
                }
            }

            if (step.Before is not { } before || step.Event is not { IsInternal: true })
            {
                continue;
            }

            foreach (var unit in UnitRoles.Both)
            {
                // A take-back by the pair itself from a mate that still answers (hellos, or LANTEST on a data
                // interface): allowed only when the mate's group failed on its interfaces in this step (table row 2), as
                // the preempt the observer saw owed, or by a unit that shows its mate failed (it heard no answer when it
                // tested; the mate may have come back since, which the unit learns only when it hears it again).
                var mate = unit.Mate();
                var mateAnswers = before.Unit(mate).Status == UnitStatus.FailoverOn
                    && (before.FailoverLink == LinkStatus.Up || (before.Primary.FailedInterfaces | before.Secondary.FailedInterfaces) != step.Config.AllInterfacesMask);
                var takenBack = before.GroupState(unit, g) == GroupState.StandbyReady && s.GroupState(unit, g).IsActive()
                    && before.GroupState(mate, g).IsActive() && mateAnswers;
                var allowed = s.GroupState(mate, g) == GroupState.Failed
                    || (step.History.Owed(unit, g) && before.Unit(unit).Settings(g).Preempt)
                    || NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers.ShowsItsMateFailed(before, unit);
                if (takenBack && !allowed)
                {
                    return $"{unit.Token()} took group {g} from the live active {mate.Token()}, which still answers, without preempt";
                }
            }
        }

        return null;
    }
}
