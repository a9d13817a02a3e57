using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Pair;

/// <summary>
/// Failover group steps: what a group's guards see from its unit (its own state and its view of the mate), which steps
/// are enabled, and how a fired transition, with its companion on the mate, is written into the snapshot.
/// </summary>
public sealed partial class FailoverPair
{
    /// <summary>
    /// What the group's guards see on <paramref name="unit"/> in <paramref name="state"/>: the unit's own state, and its
    /// mate only as the unit's <see cref="MateView"/> has it (plus whether the mate answers now, which decides whether an
    /// exchange can complete, never what the unit believes).
    /// </summary>
    internal GroupConditions Conditions(PairState state, UnitRole unit, FailoverGroupId group)
    {
        var me = state.Unit(unit);
        var view = me.View;
        var mateGroup = view.Group(group);
        var failed = FailedMonitored(state, unit, group);
        var settings = me.Settings(group);
        return When(me.Status == UnitStatus.FailoverOn, GroupConditions.UnitRunsFailover)
            | When(state.FailoverLink == LinkStatus.Up, GroupConditions.FailoverLinkUp)
            | When(view.HearsHellos, GroupConditions.MateRunsFailover)
            | When(view.Contact == MateContact.Failed, GroupConditions.MateUnitDown)
            | When(mateGroup.IsActive(), GroupConditions.MateGroupActive)
            | When(mateGroup == GroupState.StandbyReady, GroupConditions.MateGroupStandbyReady)
            | When(mateGroup == GroupState.Negotiation, GroupConditions.MateGroupNegotiating)
            | When(_thresholdReached(settings.Policy, failed, Config.MonitoredCount(group)), GroupConditions.ThresholdReached)
            | When(failed > MateFailedMonitored(state, unit, group), GroupConditions.MoreFailedThanMate)
            | When(PreferredUnit(state, group) == unit, GroupConditions.PreferredUnit)
            | When(me.Group(group).PreemptArmed, GroupConditions.PreemptArmed)
            | When(Answers(state, unit), GroupConditions.MateAnswers);
    }

    private static GroupConditions When(bool holds, GroupConditions condition) => holds ? condition : GroupConditions.None;

    private bool IsEnabled(PairState state, UnitRole unit, FailoverGroupId group, GroupTrigger trigger, GroupConditions own, GroupConditions mate) =>
        _group.Fire(state.GroupState(unit, group), trigger, own) is not null
        && (!CompanionOf(trigger, out var companion) || _group.Fire(state.GroupState(unit.Mate(), group), companion, mate) is not null);

    /// <summary>The trigger the mate fires in the same step (docs/decisions.md: a forced failover moves both units' copies at once).</summary>
    private bool CompanionOf(GroupTrigger trigger, out GroupTrigger companion)
    {
        companion = default;
        return !_deviations.ForcesWithoutTheMate && ProtocolRules.Companions.TryGetValue(trigger, out companion);
    }

    private (GroupTransition Own, GroupTransition? Mate)? TryGroupStep(PairState state, UnitRole unit, FailoverGroupId group, GroupTrigger trigger)
    {
        var own = _group.Fire(state.GroupState(unit, group), trigger, Conditions(state, unit, group));
        if (own is null)
        {
            return null;
        }

        if (!CompanionOf(trigger, out var companion))
        {
            return (own, null);
        }

        var mate = unit.Mate();
        var other = _group.Fire(state.GroupState(mate, group), companion, Conditions(state, mate, group));
        return other is null ? null : (own, other);
    }

    private void ApplyGroupStep(StepBuilder step, GroupStep e)
    {
        if (e.Group is not { } only)
        {
            var before = step.State;
            var groups = Config.GroupIds.Where(g => TryGroupStep(before, e.Unit, g, e.Trigger) is not null).ToList();
            if (!ProtocolRules.StepsItsGroups(before.Unit(e.Unit).Status) || groups.Count == 0)
            {
                step.Note($"{e.Trigger} is not enabled on {e.Unit.Token()}");
                return;
            }

            foreach (var group in groups)
            {
                // Each group is decided on the snapshot as the previous group left it.
                if (TryGroupStep(step.State, e.Unit, group, e.Trigger) is { } each)
                {
                    Commit(step, e.Unit, group, each.Own, each.Mate);
                }
            }

            return;
        }

        if (!ProtocolRules.StepsItsGroups(step.Unit(e.Unit).Status) || TryGroupStep(step.State, e.Unit, only, e.Trigger) is not { } fired)
        {
            step.Note($"{e.Trigger} is not enabled for group {e.Group} on {e.Unit.Token()}");
            return;
        }

        Commit(step, e.Unit, only, fired.Own, fired.Mate);
    }

    /// <summary>Writes a fired transition (and its companion on the mate) into the snapshot, with its messages and table row.</summary>
    private void Commit(StepBuilder step, UnitRole unit, FailoverGroupId group, GroupTransition own, GroupTransition? mate)
    {
        Transit(step, unit, group, own);
        if (mate is not null)
        {
            Transit(step, unit.Mate(), group, mate);
        }
    }

    private void Transit(StepBuilder step, UnitRole unit, FailoverGroupId group, GroupTransition t)
    {
        var me = step.Unit(unit);
        var settings = me.Settings(group);
        var armed = t.ArmsPreempt && settings.Preempt && PreferredUnit(step.State, group) == unit;
        var slot = new GroupSlot(t.To, t.Marks ?? me.Group(group).Reason, armed);
        step.Set(unit, me.WithGroup(group, slot));
        step.Changed(new GroupChange(unit, group, t.From, t.To, t.Reason, t.Marks));
        if (FailureEventTable.RowOf(t.Trigger) is { } row)
        {
            step.Row(row.Event);
        }

        var mate = unit.Mate();
        if (t.Trigger == BothUnitsBooted && group == FailoverGroupId.One)
        {
            // Seed: "When both units boot simultaneously, the secondary unit obtains the running configuration from the
            // primary unit", before the groups choose their units; the synchronization of group 1 then logs the replication.
            CopyConfiguration(step, from: UnitRole.Primary, to: UnitRole.Secondary);
        }

        if ((t.From, t.To) is (GroupState.SyncConfig, GroupState.SyncFileSystem) && group == FailoverGroupId.One)
        {
            // The system configuration travels with failover group 1 (seed, "Command Replication").
            CopyConfiguration(step, from: mate, to: unit);
        }

        GroupSyslog.Transition(step, Config, unit, group, t);
    }

    /// <summary>Fires a trigger on every failover group of the unit where it is permitted.</summary>
    private void FireAll(StepBuilder step, UnitRole unit, GroupTrigger trigger)
    {
        foreach (var group in Config.GroupIds)
        {
            var state = step.State;
            if (_group.Fire(state.GroupState(unit, group), trigger, Conditions(state, unit, group)) is { } transition)
            {
                Commit(step, unit, group, transition, null);
            }
        }
    }
}
