using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Disabled Failover": with failover disabled the groups "remain in the active state on whichever unit they are
/// currently active on" — a unit without failover never changes a group's role; and "Restoration of a Failed Unit": a failed group leaves Failed only when it recovers (table
/// row 4), through <c>failover reset</c>, or by taking over a mate its unit shows failed (row 1) — or when its unit
/// stops, reloads or has failover disabled.
/// </summary>
internal sealed class NoFailoverFreezesRolesAndFailedGroupsStayFailed : Invariant
{
    public override string Name => nameof(NoFailoverFreezesRolesAndFailedGroupsStayFailed);

    public override string Source => "Disabled Failover; Restoration of a Failed Unit";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before)
        {
            return null;
        }

        var s = step.After;
        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in step.Config.GroupIds)
            {
                var was = before.GroupState(unit, g);
                var now = s.GroupState(unit, g);
                if (before.Unit(unit).Status == UnitStatus.FailoverOff && s.Unit(unit).Status == UnitStatus.FailoverOff && was.IsActive() != now.IsActive())
                {
                    return $"group {g} changed role on {unit.Token()}, where failover is disabled (event: {step.Event})";
                }

                var sameStatus = before.Unit(unit).Status == UnitStatus.FailoverOn && s.Unit(unit).Status == UnitStatus.FailoverOn;
                if (was == GroupState.Failed && now != GroupState.Failed && sameStatus && !LeavesFailedLegitimately(step.Event, unit)
                    && !(now.IsActive() && NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers.ShowsItsMateFailed(s, unit)))
                {
                    return $"group {g} left Failed on {unit.Token()} for {now.Display()} without recovering or 'failover reset' (event: {step.Event})";
                }
            }
        }

        return null;
    }

    private static bool LeavesFailedLegitimately(Event? e, UnitRole unit) => e switch
    {
        GroupStep { Trigger: GroupTrigger.FormerlyActiveGroupRecovers } s => s.Unit == unit,
        CommandEvent { Command: FailoverReset } => true,
        _ => false,
    };
}
