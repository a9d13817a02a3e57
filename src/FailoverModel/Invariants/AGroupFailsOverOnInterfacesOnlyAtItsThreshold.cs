using System.Numerics;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Failover Triggers": a group fails when "too many monitored interfaces in the group fail" — when the failed
/// monitored interfaces of the group reach its interface policy, never below; and once the active copy reaches it while
/// its standby is Standby Ready with fewer failed interfaces and the failover link is up, the group does not stay there
/// (table row 2). Counted here from the configuration and the snapshot alone, not with the model's own guard inputs.
/// </summary>
public sealed class AGroupFailsOverOnInterfacesOnlyAtItsThreshold : Invariant
{
    public override string Name => nameof(AGroupFailsOverOnInterfacesOnlyAtItsThreshold);

    public override string Source => "Failover Triggers; table rows 2 and 3";

    public override string? Check(InvariantContext step)
    {
        if (step.Settled && StaysActiveAtThreshold(step) is { } stuck)
        {
            return stuck;
        }

        if (step.Before is not { } before || step.Event is not GroupStep
            { Trigger: GroupTrigger.InterfaceFailureOnActiveGroup or GroupTrigger.InterfaceFailureOnStandbyGroup })
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in step.Config.GroupIds)
            {
                if (before.GroupState(unit, g) == GroupState.Failed || step.After.GroupState(unit, g) != GroupState.Failed)
                {
                    continue;
                }

                var (count, monitored, policy, reached) = Count(step, before, unit, g);
                if (!reached)
                {
                    return $"group {g} failed on {unit.Token()} with {count} of {monitored} monitored interfaces failed, below its interface policy {policy}";
                }
            }
        }

        return null;
    }

    private static string? StaysActiveAtThreshold(InvariantContext step)
    {
        var s = step.After;
        if (s.FailoverLink != LinkStatus.Up || s.Primary.Status != UnitStatus.FailoverOn || s.Secondary.Status != UnitStatus.FailoverOn)
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in step.Config.GroupIds)
            {
                if (!s.GroupState(unit, g).IsActive() || s.GroupState(unit.Mate(), g) != GroupState.StandbyReady)
                {
                    continue;
                }

                var (count, monitored, policy, reached) = Count(step, s, unit, g);
                if (reached && count > Count(step, s, unit.Mate(), g).Failed)
                {
                    return $"group {g} stays active on {unit.Token()} with {count} of {monitored} monitored interfaces failed, at its interface policy {policy}, while its standby is ready";
                }
            }
        }

        return null;
    }

    private static (int Failed, int Monitored, Topology.InterfacePolicy Policy, bool Reached) Count(InvariantContext step, PairState state, UnitRole unit, FailoverGroupId g)
    {
        var me = state.Unit(unit);
        var mate = state.Unit(unit.Mate());
        var failed = me.FailedInterfaces & step.Config.MonitoredMask(g);
        if (state.FailoverLink == LinkStatus.Up && mate.Status == UnitStatus.FailoverOn)
        {
            // Failed on both units: "Unknown", not counted (docs/sources.md, "Health monitoring").
            failed &= ~mate.FailedInterfaces;
        }

        var count = BitOperations.PopCount(failed);
        var monitored = BitOperations.PopCount(step.Config.MonitoredMask(g));
        var policy = me.Settings(g).Policy;
        // No failed interface never reaches a policy, also a percentage of a group with no monitored interface (0 of 0).
        var reached = count > 0 && (policy.IsPercentage ? count * 100 >= policy.Value * monitored : count >= policy.Value);
        return (count, monitored, policy, reached);
    }
}
