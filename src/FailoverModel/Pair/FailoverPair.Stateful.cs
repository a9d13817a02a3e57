using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// Regular and Stateful Failover (seed, "Regular and Stateful Failover"): which connections a failover group keeps when
/// it changes units. The active unit holds the group's open connections; with a Stateful Failover link, the standby
/// unit (Standby Ready) holds the kinds the seed lists as passed to it, for connections opened while the link was up
/// and ever since. After a failover only those survive; with regular failover "all active connections are dropped".
/// </summary>
public sealed partial class FailoverPair
{
    private void Open(StepBuilder step, Connect e)
    {
        var group = _deviations.OpensEveryConnectionInGroupOne ? FailoverGroupId.One : Config.GroupOfContext(e.Context);
        var state = step.State;
        var active = state.ActiveOn(group);
        if (active is not (ActiveOn.Primary or ActiveOn.Secondary))
        {
            step.Note(active == ActiveOn.None
                ? $"no unit passes traffic for {e.Context}: nothing is opened"
                : $"{e.Context} is active on both units: the model does not open connections during a split brain");
            return;
        }

        var connections = state.Connections.Group(group);
        var holder = active == ActiveOn.Primary ? UnitRole.Primary : UnitRole.Secondary;
        var replicated = StandbyHoldsState(state, holder, group) && (e.Kind & Replicable(state.Unit(holder).Settings(group))) != 0
            ? connections.Replicated | e.Kind
            : connections.Replicated;
        step.State = state with { Connections = state.Connections.With(group, new GroupConnections(connections.Open | e.Kind, replicated)) };
    }

    /// <summary>Carries each group's connections across a step: a failover keeps what the standby held, nothing else.</summary>
    private PairState CarryConnections(PairState before, PairState after, IReadOnlyList<GroupChange> changes)
    {
        var table = after.Connections;
        foreach (var g in Config.GroupIds)
        {
            var c = table.Group(g);
            if (c.Open == ConnectionKinds.None)
            {
                continue;
            }

            var wasOn = before.ActiveOn(g);
            var isOn = after.ActiveOn(g);
            if (wasOn is ActiveOn.Primary or ActiveOn.Secondary && isOn != wasOn)
            {
                // The unit that held the connections stopped serving the group. The standby's copy survives if the
                // standby is taking the group over (or already has); otherwise nothing does.
                var standby = wasOn == ActiveOn.Primary ? UnitRole.Secondary : UnitRole.Primary;
                var takesOver = after.GroupState(standby, g) is GroupState.StandbyReady || after.GroupState(standby, g).IsActive();
                c = takesOver ? new GroupConnections(c.Replicated, ConnectionKinds.None) : default;
            }
            else if (isOn is not (ActiveOn.Primary or ActiveOn.Secondary) && wasOn is not (ActiveOn.Primary or ActiveOn.Secondary) && !UnitRoles.Both.Any(u => after.GroupState(u, g) == GroupState.StandbyReady))
            {
                c = default;
            }

            if (after.ActiveOn(g) is var on && on is ActiveOn.Primary or ActiveOn.Secondary)
            {
                var holder = on == ActiveOn.Primary ? UnitRole.Primary : UnitRole.Secondary;
                var replicable = Replicable(after.Unit(holder).Settings(g));
                if (!StandbyHoldsState(after, holder, g))
                {
                    c = c with { Replicated = ConnectionKinds.None };
                }
                else if (changes.Any(x => x.Group == g && x.Unit == holder.Mate() && x.To == GroupState.StandbyReady))
                {
                    // A standby that has just become Standby Ready got the connection table with the Bulk Sync (docs/sources.md,
                    // "States"), or kept it when it gave the group away by command: it holds what may be replicated.
                    c = c with { Replicated = c.Open & replicable };
                }
            }

            table = table.With(g, c);
        }

        return table == after.Connections ? after : after with { Connections = table };
    }

    /// <summary>The standby unit of the group receives state: Standby Ready, hearing the active unit over an up Stateful Failover link.</summary>
    private bool StandbyHoldsState(PairState state, UnitRole active, FailoverGroupId group) =>
        Config.StateLink is not null
        && state.StateLink == LinkStatus.Up
        && state.FailoverLink == LinkStatus.Up
        && state.GroupState(active.Mate(), group) == GroupState.StandbyReady
        && state.Unit(active.Mate()).Status == UnitStatus.FailoverOn;

    /// <summary>The kinds of connection Stateful Failover passes for the group (seed, "Regular and Stateful Failover").</summary>
    private ConnectionKinds Replicable(FailoverGroupConfig settings) =>
        _deviations.ReplicatesEveryConnection ? ConnectionKindValues.Replicable(settings with { ReplicationHttp = true }) : ConnectionKindValues.Replicable(settings);
}
