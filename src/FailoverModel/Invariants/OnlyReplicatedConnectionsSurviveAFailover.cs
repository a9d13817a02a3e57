using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Regular and Stateful Failover": with regular failover "all active connections are dropped"; with Stateful
/// Failover the standby holds the listed kinds of state (HTTP only with <c>replication http</c>), and only those survive.
/// Checked both ways: what the standby holds is a part of what is open, of what may be replicated, and is held only by a
/// Standby Ready unit over an up Stateful Failover link; and when a group leaves its active unit, nothing survives that
/// the standby did not hold.
/// </summary>
internal sealed class OnlyReplicatedConnectionsSurviveAFailover : Invariant
{
    public override string Name => nameof(OnlyReplicatedConnectionsSurviveAFailover);

    public override string Source => "Regular and Stateful Failover; table row 6";

    public override string? Check(InvariantContext step)
    {
        var after = step.After;
        foreach (var g in step.Config.GroupIds)
        {
            var c = after.Connections.Group(g);
            if ((c.Replicated & ~c.Open) != 0)
            {
                return $"group {g}: the standby holds {Kinds(c.Replicated & ~c.Open)} that is not open";
            }

            if (after.ActiveOn(g) is ActiveOn.Primary or ActiveOn.Secondary && c.Replicated != ConnectionKinds.None)
            {
                var active = after.ActiveOn(g) == ActiveOn.Primary ? UnitRole.Primary : UnitRole.Secondary;
                var replicable = ConnectionKindValues.Replicable(after.Unit(active).Settings(g));
                if ((c.Replicated & ~replicable) != 0)
                {
                    return $"group {g}: the standby holds {Kinds(c.Replicated & ~replicable)}, which Stateful Failover does not pass";
                }

                var standby = active.Mate();
                if (step.Config.StateLink is null || after.StateLink != LinkStatus.Up || after.GroupState(standby, g) != GroupState.StandbyReady)
                {
                    return $"group {g}: {standby.Token()} holds replicated state while {(step.Config.StateLink is null ? "no Stateful Failover link is configured" : after.StateLink != LinkStatus.Up ? "the Stateful Failover link is down" : $"it is {after.GroupState(standby, g).Display()}")}";
                }
            }

            if (step.Before is { } before && before.ActiveOn(g) is ActiveOn.Primary or ActiveOn.Secondary && after.ActiveOn(g) != before.ActiveOn(g))
            {
                var survived = c.Open & ~before.Connections.Group(g).Replicated;
                if (survived != ConnectionKinds.None)
                {
                    return $"group {g} left {before.ActiveOn(g).Token()} on '{step.Event}' and kept {Kinds(survived)}, which the standby did not hold";
                }
            }
        }

        return null;
    }

    private static string Kinds(ConnectionKinds kinds) => string.Join(", ", ConnectionKindValues.Tokens(kinds));
}
