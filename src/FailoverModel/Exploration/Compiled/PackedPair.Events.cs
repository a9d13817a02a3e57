using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Exploration.Compiled;

/// <summary>Each event of the explorer's alphabet on a packed state, as <see cref="FailoverPair.Apply(PairState, Event, bool)"/> applies it.</summary>
internal sealed partial class PackedPair
{
    /// <summary>Applies one event (without settling) and the hellos that follow it; the history bits are carried too.</summary>
    public void Apply(ref PackedWork w, in PackedEvent e)
    {
        var before = w.Head;
        switch (e.Kind)
        {
            case PackedEventKind.PowerOn or PackedEventKind.PowerOnBoth:
                Boot(ref w, e.Unit, UnitTrigger.PowerOn);
                if (e.Kind == PackedEventKind.PowerOnBoth)
                {
                    Boot(ref w, 1, UnitTrigger.PowerOn);
                }

                break;
            case PackedEventKind.ReloadCompletes:
                Boot(ref w, e.Unit, UnitTrigger.ReloadCompletes);
                break;
            case PackedEventKind.PowerOff:
                Down(ref w, e.Unit, UnitTrigger.PowerFailure, PowerLost);
                break;
            case PackedEventKind.Crash:
                Down(ref w, e.Unit, UnitTrigger.SoftwareFailure, UnitFailure);
                break;
            case PackedEventKind.HardwareFail:
                Down(ref w, e.Unit, UnitTrigger.HardwareFailure, UnitFailure);
                break;
            case PackedEventKind.Replace:
                if (Down(ref w, e.Unit, UnitTrigger.Replace, PowerLost))
                {
                    // A new unit carries only the failover bootstrap, and none of the old unit's broken interfaces.
                    w.Head = PackedHeadWrite.StartupFailover(w.Head, e.Unit, false);
                    SetFailed(ref w, e.Unit, 0);
                }

                break;
            case PackedEventKind.Interface:
                var bit = 1UL << e.Interface;
                SetFailed(ref w, e.Unit, e.Up ? w.Failed(e.Unit) & ~bit : w.Failed(e.Unit) | bit);
                break;
            case PackedEventKind.Link:
                ChangeLink(ref w, e);
                break;
            case PackedEventKind.GroupStep:
                GroupStep(ref w, e.Unit, e.Trigger);
                break;
            case PackedEventKind.Holdtime:
                HoldtimeExpires(ref w, e.Unit);
                break;
            default:
                Command(ref w, e);
                break;
        }

        Listen(ref w);
        w.Head = NextHistory(before, w.Head);
    }

    private void Boot(ref PackedWork w, int unit, UnitTrigger trigger)
    {
        if (_unit.Fire(PackedHead.Status(w.Head, unit), trigger, PackedHeadWrite.StartupFailover(w.Head, unit)) is not { } status)
        {
            return;
        }

        FireAll(ref w, unit, Rebooted);
        w.Head = PackedHeadWrite.Status(w.Head, unit, status);
        if (status == UnitStatus.FailoverOn)
        {
            FireAll(ref w, unit, FailoverEnabled);
        }
    }

    /// <summary>Power off, a software or hardware failure, or a replacement: the unit's new status, then its groups' trigger.</summary>
    private bool Down(ref PackedWork w, int unit, UnitTrigger trigger, GroupTrigger groups)
    {
        if (_unit.Fire(PackedHead.Status(w.Head, unit), trigger, PackedHeadWrite.StartupFailover(w.Head, unit)) is not { } status)
        {
            return false;
        }

        w.Head = PackedHeadWrite.Status(w.Head, unit, status);
        FireAll(ref w, unit, groups);
        return true;
    }

    private static void SetFailed(ref PackedWork w, int unit, ulong failed)
    {
        if (unit == 0)
        {
            w.Failed0 = failed;
        }
        else
        {
            w.Failed1 = failed;
        }
    }

    private void ChangeLink(ref PackedWork w, in PackedEvent e)
    {
        var trigger = e.Up ? LinkTrigger.LinkRestored : LinkTrigger.LinkFails;
        var shared = _config.StateLinkIsFailoverLink;
        var touchesFailover = e.Link == LinkKind.Failover || shared;
        var touchesState = e.Link == LinkKind.State || shared;
        if (e.Link == LinkKind.State && _config.StateLink is null)
        {
            return;
        }

        var failoverBefore = PackedHead.FailoverLink(w.Head);
        var stateBefore = PackedHeadWrite.StateLink(w.Head);
        var failover = touchesFailover ? _link.Fire(failoverBefore, trigger) : failoverBefore;
        var state = touchesState ? _link.Fire(stateBefore, trigger) : stateBefore;
        if (failover is null || state is null)
        {
            return;
        }

        var operating = PackedHead.Status(w.Head, 0) == UnitStatus.FailoverOn || PackedHead.Status(w.Head, 1) == UnitStatus.FailoverOn;
        w.Head = PackedHeadWrite.Links(w.Head, failover.Value, state.Value);
        if (!e.Up && touchesState && operating)
        {
            w.Rows |= 1 << (int)FailureEvent.StatefulFailoverLinkFailed;
        }
    }

    private void Command(ref PackedWork w, in PackedEvent e)
    {
        var unit = e.Unit;
        if (!PackedHead.Status(w.Head, unit).IsRunning())
        {
            return;
        }

        switch (e.Kind)
        {
            case PackedEventKind.EnableFailover:
                SwitchFailover(ref w, unit, UnitTrigger.EnableFailover);
                break;
            case PackedEventKind.DisableFailover:
                var replicates = Replicates(w.Head, unit, 1);
                SwitchFailover(ref w, unit, UnitTrigger.DisableFailover);
                if (replicates)
                {
                    SwitchFailover(ref w, 1 - unit, UnitTrigger.DisableFailover);
                }

                break;
            case PackedEventKind.FailoverActive:
                Force(ref w, unit, e.Group, FailoverActiveCommand);
                break;
            case PackedEventKind.NoFailoverActive:
                Force(ref w, unit, e.Group, NoFailoverActiveCommand);
                break;
            case PackedEventKind.FailoverReset:
                Reset(ref w, unit, e.Group);
                break;
            case PackedEventKind.WriteMemory:
                // Saved where typed, and on the mate when replicated: the startup configuration then says 'failover' if the unit runs it.
                var both = Replicates(w.Head, unit, 1);
                w.Head = PackedHeadWrite.StartupFailover(w.Head, unit, PackedHead.Status(w.Head, unit) == UnitStatus.FailoverOn);
                if (both)
                {
                    w.Head = PackedHeadWrite.StartupFailover(w.Head, 1 - unit, PackedHead.Status(w.Head, 1 - unit) == UnitStatus.FailoverOn);
                }

                break;
            case PackedEventKind.WriteStandby:
                // The mate receives a configuration it already has; the replication is logged all the same.
                w.Logged |= Replicates(w.Head, unit, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e));
        }
    }

    private static bool Replicates(ulong head, int unit, int group) =>
        PackedHead.Group(head, unit, group).IsActive()
        && PackedHead.FailoverLink(head) == LinkStatus.Up
        && PackedHead.Status(head, unit) == UnitStatus.FailoverOn
        && PackedHead.Status(head, 1 - unit) == UnitStatus.FailoverOn;

    private void SwitchFailover(ref PackedWork w, int unit, UnitTrigger trigger)
    {
        if (_unit.Fire(PackedHead.Status(w.Head, unit), trigger, PackedHeadWrite.StartupFailover(w.Head, unit)) is not { } status)
        {
            return;
        }

        w.Head = PackedHeadWrite.Status(w.Head, unit, status);
        FireAll(ref w, unit, status == UnitStatus.FailoverOn ? FailoverEnabled : FailoverDisabled);
    }

    private void Force(ref PackedWork w, int unit, int group, GroupTrigger trigger)
    {
        if (!StepsItsGroups(w.Head, unit))
        {
            return;
        }

        foreach (var g in _groups)
        {
            if ((group == 0 || g == group) && TryGroupStep(w, unit, g, trigger) is { } fired)
            {
                Commit(ref w, unit, g, fired.Own, fired.Mate);
            }
        }
    }

    private void Reset(ref PackedWork w, int unit, int group)
    {
        foreach (var target in (ReadOnlySpan<int>)[unit, 1 - unit])
        {
            var reachable = target == unit || PackedHead.FailoverLink(w.Head) == LinkStatus.Up;
            if (!reachable || !StepsItsGroups(w.Head, target))
            {
                continue;
            }

            foreach (var g in _groups)
            {
                if ((group == 0 || g == group) && _group.Fire(PackedHead.Group(w.Head, target, g), FailoverResetCommand, Conditions(w, target, g)) is { } t)
                {
                    Commit(ref w, target, g, t, null);
                }
            }
        }
    }

    private void GroupStep(ref PackedWork w, int unit, GroupTrigger trigger)
    {
        if (!StepsItsGroups(w.Head, unit))
        {
            return;
        }

        // The groups enabled in the state before the step; each is then decided on the state the previous one left.
        Span<bool> enabled = stackalloc bool[_groups.Length];
        for (var i = 0; i < _groups.Length; i++)
        {
            enabled[i] = TryGroupStep(w, unit, _groups[i], trigger) is not null;
        }

        for (var i = 0; i < _groups.Length; i++)
        {
            if (enabled[i] && TryGroupStep(w, unit, _groups[i], trigger) is { } each)
            {
                Commit(ref w, unit, _groups[i], each.Own, each.Mate);
            }
        }
    }

    private (GroupTransition Own, GroupTransition? Mate)? TryGroupStep(in PackedWork w, int unit, int group, GroupTrigger trigger)
    {
        var own = _group.Fire(PackedHead.Group(w.Head, unit, group), trigger, Conditions(w, unit, group));
        if (own is null)
        {
            return null;
        }

        if (_companion[(int)trigger] is not { } companion)
        {
            return (own, null);
        }

        var other = _group.Fire(PackedHead.Group(w.Head, 1 - unit, group), companion, Conditions(w, 1 - unit, group));
        return other is null ? null : (own, other);
    }

    private void FireAll(ref PackedWork w, int unit, GroupTrigger trigger)
    {
        foreach (var g in _groups)
        {
            if (_group.Fire(PackedHead.Group(w.Head, unit, g), trigger, Conditions(w, unit, g)) is { } t)
            {
                Commit(ref w, unit, g, t, null);
            }
        }
    }

    private void Commit(ref PackedWork w, int unit, int group, GroupTransition own, GroupTransition? mate)
    {
        Transit(ref w, unit, group, own);
        if (mate is not null && Fault != PackedPairFault.DropsTheCompanion)
        {
            Transit(ref w, 1 - unit, group, mate);
        }
    }

    /// <summary>The group's new state and preempt bit, and the table row of its trigger.</summary>
    private void Transit(ref PackedWork w, int unit, int group, GroupTransition t)
    {
        var armed = t.ArmsPreempt && Preempt(unit, group) && _preferred[group] == unit;
        w.Head = PackedHeadWrite.Group(w.Head, unit, group, t.To, armed);
        if (_rowOf[(int)t.Trigger] is var row and > 0)
        {
            w.Rows |= 1 << row;
        }
    }

    /// <summary><see cref="FailoverPair.HealthMonitoring"/>: the holdtime ran out; LANTEST decides between a failed link and a failed mate.</summary>
    private void HoldtimeExpires(ref PackedWork w, int unit)
    {
        if (!HoldtimeRuns(w, unit))
        {
            return;
        }

        if (_monitoring.Lantest(Reach(w, unit)) == MateContact.DataInterfaces)
        {
            w.Head = PackedHeadWrite.Contact(w.Head, unit, MateContact.DataInterfaces);
            w.Rows |= 1 << (int)FailureEvent.FailoverLinkFailedDuringOperation;
            return;
        }

        w.Head = PackedHead.WithViewGroups(PackedHeadWrite.Contact(w.Head, unit, MateContact.Failed), unit, GroupState.Failed, GroupState.Failed);
        w.Rows |= 1 << (int)FailureEvent.UnitFailure;
    }

    /// <summary>Each unit running failover whose mate answers takes in its hello; a unit not running failover has heard nothing.</summary>
    private void Listen(ref PackedWork w)
    {
        var answers = PackedHead.MatesAnswer(w.Head);
        for (var unit = 0; unit < 2; unit++)
        {
            ulong heard;
            if (PackedHead.Status(w.Head, unit) != UnitStatus.FailoverOn)
            {
                w.Head = PackedHead.WithViewGroups(PackedHeadWrite.Contact(w.Head, unit, MateContact.NotDetected), unit, GroupState.Disabled, GroupState.Disabled);
                heard = 0;
            }
            else if (answers)
            {
                w.Head = PackedHead.WithViewGroups(PackedHeadWrite.Contact(w.Head, unit, MateContact.Hellos), unit, PackedHead.Group(w.Head, 1 - unit, 1), PackedHead.Group(w.Head, 1 - unit, 2));
                heard = Fault == PackedPairFault.HearsNoInterfaces ? w.Heard(unit) : w.Failed(1 - unit);
            }
            else
            {
                continue;
            }

            if (unit == 0)
            {
                w.Heard0 = heard;
            }
            else
            {
                w.Heard1 = heard;
            }
        }
    }
}
