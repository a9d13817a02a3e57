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
public sealed class PreemptTakesBackOnlyWhatItMay : Invariant
{
    public override string Name => nameof(PreemptTakesBackOnlyWhatItMay);

    public override string Source => "Restoration of a Failed Unit; table row 4";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        foreach (var g in step.Config.GroupIds)
        {
            var preferred = FailoverPair.PreferredUnit(s, g);
            var slot = s.Unit(preferred).Group(g);
            if (step.Settled && slot.PreemptArmed && slot.State == GroupState.StandbyReady && s.Unit(preferred).Settings(g).Preempt
                && s.FailoverLink == LinkStatus.Up && s.Unit(preferred.Mate()).Status == UnitStatus.FailoverOn
                && s.GroupState(preferred.Mate(), g).IsActive())
            {
                return $"group {g} has preempt and became available on its preferred unit {preferred.Token()}, but the pair settled with it active on {preferred.Mate().Token()}";
            }

            if (step.Before is not { } before || step.Event is not GroupStep internalStep)
            {
                continue;
            }

            foreach (var unit in UnitRoles.Both)
            {
                var mate = unit.Mate();
                var takenBack = before.GroupState(unit, g) == GroupState.StandbyReady && s.GroupState(unit, g).IsActive()
                    && before.GroupState(mate, g).IsActive() && before.Unit(mate).Status == UnitStatus.FailoverOn;
                var allowed = (internalStep.Trigger == GroupTrigger.InterfaceFailureOnActiveGroup && internalStep.Unit == mate)
                    || (internalStep.Trigger == GroupTrigger.Preempt && internalStep.Unit == unit && before.Unit(unit).Settings(g).Preempt);
                if (takenBack && !allowed)
                {
                    return $"{unit.Token()} took group {g} from the live active {mate.Token()} by {internalStep.Trigger} without preempt";
                }
            }
        }

        return null;
    }
}
