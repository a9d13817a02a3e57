using System.Numerics;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>A seed invariant read on a packed transition: true when it holds.</summary>
internal delegate bool PackedCheck(PackedTransition t);

/// <summary>
/// The seed's invariants on packed transitions, each the same claim as its class in <c>Invariants</c> read on the
/// key's fields; the evidence of a violation is always the class's own, found again on decoded snapshots. Four claims
/// concern what the explorer's states cannot change — the contexts' groups (a property of the configuration, checked on
/// the initial state), configuration changes, diverged configurations and connections (the alphabet has no configuration
/// command and no traffic, and the codec refuses a state where they differ from the initial one) — so they hold on every
/// packed transition. An invariant this class does not know is checked on decoded snapshots.
/// </summary>
internal sealed class PackedInvariants(PackedPair pair)
{
    /// <summary>The packed reading of an invariant, or null when it has none.</summary>
    public PackedCheck? For(Invariant invariant) => invariant switch
    {
        ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp => ExactlyOneActive,
        NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers => NoFailoverWhileTheLinkIsDown,
        AFailedStandbyGroupNeverBecomesActive => AFailedStandbyNeverBecomesActive,
        AGroupFailsOverOnInterfacesOnlyAtItsThreshold => FailsOverOnlyAtThreshold,
        EveryContextFollowsItsGroup or AChangeOnTheRightUnitReachesThePeer or ConfigurationsDivergeOnlyThroughCommandsNotReplicated
            or OnlyReplicatedConnectionsSurviveAFailover => static _ => true,
        EveryGroupIsActiveWhereAUnitCanServeIt => EveryGroupIsActive,
        PreemptTakesBackOnlyWhatItMay => PreemptTakesBack,
        NoFailoverFreezesRolesAndFailedGroupsStayFailed => NoFailoverFreezesRoles,
        NoUnitDeclaresItsMateFailedWhileTheMateAnswers => NoUnitDeclaresALiveMateFailed,
        EveryUnitShowsItsMateAsItIsOnceThePairIsQuiet => EveryUnitShowsItsMate,
        _ => null,
    };

    private static UnitStatus Status(ulong head, int unit) => PackedHead.Status(head, unit);

    private static GroupState Group(ulong head, int unit, int group) => PackedHead.Group(head, unit, group);

    private static bool ShowsItsMateFailed(ulong head, int unit) => PackedHead.Contact(head, unit) == MateContact.Failed;

    private static bool BothRunFailoverOverAnUpLink(ulong head) =>
        PackedHead.FailoverLink(head) == LinkStatus.Up && Status(head, 0) == UnitStatus.FailoverOn && Status(head, 1) == UnitStatus.FailoverOn;

    private bool ExactlyOneActive(PackedTransition t)
    {
        var s = t.After.Head;
        if (!BothRunFailoverOverAnUpLink(s) || !t.Settled)
        {
            return true;
        }

        foreach (var g in pair.Groups)
        {
            if (Group(s, 0, g).IsActive() == Group(s, 1, g).IsActive())
            {
                return false;
            }
        }

        return true;
    }

    private bool NoFailoverWhileTheLinkIsDown(PackedTransition t)
    {
        var (b, a) = (t.Before.Head, t.After.Head);
        if (PackedHead.FailoverLink(b) != LinkStatus.Down || PackedHead.FailoverLink(a) != LinkStatus.Down)
        {
            return true;
        }

        for (var unit = 0; unit < 2; unit++)
        {
            foreach (var g in pair.Groups)
            {
                var was = Group(b, unit, g);
                if (Group(a, unit, g).IsActive() && was is GroupState.StandbyReady or GroupState.Failed && !ShowsItsMateFailed(a, unit))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool AFailedStandbyNeverBecomesActive(PackedTransition t)
    {
        var (b, a) = (t.Before.Head, t.After.Head);
        for (var unit = 0; unit < 2; unit++)
        {
            foreach (var g in pair.Groups)
            {
                var was = Group(b, unit, g);
                var now = Group(a, unit, g);
                if (was == GroupState.Failed && now.IsActive() && !ShowsItsMateFailed(a, unit))
                {
                    return false;
                }

                if (was.IsActive() && now == GroupState.Failed && Group(b, 1 - unit, g) == GroupState.Failed && t.Event.Kind == PackedEventKind.GroupStep)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool FailsOverOnlyAtThreshold(PackedTransition t)
    {
        var a = t.After;
        if (BothRunFailoverOverAnUpLink(a.Head) && t.Settled)
        {
            for (var unit = 0; unit < 2; unit++)
            {
                foreach (var g in pair.Groups)
                {
                    if (!Group(a.Head, unit, g).IsActive() || Group(a.Head, 1 - unit, g) != GroupState.StandbyReady)
                    {
                        continue;
                    }

                    var (count, reached) = Count(a, unit, g);
                    if (reached && count > Count(a, 1 - unit, g).Failed)
                    {
                        return false;
                    }
                }
            }
        }

        if (t.Event is not { Kind: PackedEventKind.GroupStep, Trigger: GroupTrigger.InterfaceFailureOnActiveGroup or GroupTrigger.InterfaceFailureOnStandbyGroup })
        {
            return true;
        }

        for (var unit = 0; unit < 2; unit++)
        {
            foreach (var g in pair.Groups)
            {
                if (Group(t.Before.Head, unit, g) != GroupState.Failed && Group(a.Head, unit, g) == GroupState.Failed && !Count(t.Before, unit, g).Reached)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The threshold invariant's own count: failed monitored interfaces, less those also failed on a mate that answers.</summary>
    private (int Failed, bool Reached) Count(in StateKey s, int unit, int g)
    {
        var mine = unit == 0 ? s.PrimaryFailed : s.SecondaryFailed;
        var mates = unit == 0 ? s.SecondaryFailed : s.PrimaryFailed;
        var failed = mine & pair.Monitored(g);
        if (PackedHead.FailoverLink(s.Head) == LinkStatus.Up && Status(s.Head, 1 - unit) == UnitStatus.FailoverOn)
        {
            failed &= ~mates;
        }

        var count = BitOperations.PopCount(failed);
        var monitored = BitOperations.PopCount(pair.Monitored(g));
        var policy = pair.Policy(unit, g);
        return (count, count > 0 && (policy.IsPercentage ? count * 100 >= policy.Value * monitored : count >= policy.Value));
    }

    private bool EveryGroupIsActive(PackedTransition t)
    {
        // Whether the pair is settled is asked last: it is the dearest part, and needed only when a group is active nowhere.
        var s = t.After.Head;
        foreach (var g in pair.Groups)
        {
            if (Group(s, 0, g).IsActive() || Group(s, 1, g).IsActive())
            {
                continue;
            }

            for (var unit = 0; unit < 2; unit++)
            {
                if (Status(s, unit) == UnitStatus.FailoverOn && (Group(s, unit, g) != GroupState.Failed || Status(s, 1 - unit) != UnitStatus.FailoverOn) && t.Settled)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool PreemptTakesBack(PackedTransition t)
    {
        var (b, s) = (t.Before.Head, t.After.Head);
        var owedAfter = PackedHeadWrite.History(s);
        var owedBefore = PackedHeadWrite.History(b);
        foreach (var g in pair.Groups)
        {
            for (var preferred = 0; preferred < 2; preferred++)
            {
                var mate = 1 - preferred;
                if (Owed(owedAfter, preferred, g) && pair.Preempt(preferred, g) && PackedHead.FailoverLink(s) == LinkStatus.Up
                    && Status(s, mate) == UnitStatus.FailoverOn && Group(s, mate, g).IsActive() && t.Settled)
                {
                    return false;
                }
            }

            if (t.Event.Kind is not (PackedEventKind.GroupStep or PackedEventKind.Holdtime or PackedEventKind.ReloadCompletes))
            {
                continue;
            }

            for (var unit = 0; unit < 2; unit++)
            {
                var mate = 1 - unit;
                var mateAnswers = Status(b, mate) == UnitStatus.FailoverOn
                    && (PackedHead.FailoverLink(b) == LinkStatus.Up || (t.Before.PrimaryFailed | t.Before.SecondaryFailed) != pair.AllInterfaces);
                var takenBack = Group(b, unit, g) == GroupState.StandbyReady && Group(s, unit, g).IsActive() && Group(b, mate, g).IsActive() && mateAnswers;
                var allowed = Group(s, mate, g) == GroupState.Failed || (Owed(owedBefore, unit, g) && pair.Preempt(unit, g)) || ShowsItsMateFailed(b, unit);
                if (takenBack && !allowed)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Owed(byte owed, int unit, int group) => (owed & (1 << ((unit * Topology.PairConfig.MaxGroups) + group - 1))) != 0;

    private bool NoFailoverFreezesRoles(PackedTransition t)
    {
        var (b, s) = (t.Before.Head, t.After.Head);
        for (var unit = 0; unit < 2; unit++)
        {
            foreach (var g in pair.Groups)
            {
                var was = Group(b, unit, g);
                var now = Group(s, unit, g);
                if (Status(b, unit) == UnitStatus.FailoverOff && Status(s, unit) == UnitStatus.FailoverOff && was.IsActive() != now.IsActive())
                {
                    return false;
                }

                var sameStatus = Status(b, unit) == UnitStatus.FailoverOn && Status(s, unit) == UnitStatus.FailoverOn;
                var legitimately = t.Event switch
                {
                    { Kind: PackedEventKind.GroupStep, Trigger: GroupTrigger.FormerlyActiveGroupRecovers } e => e.Unit == unit,
                    { Kind: PackedEventKind.FailoverReset } => true,
                    _ => false,
                };
                if (was == GroupState.Failed && now != GroupState.Failed && sameStatus && !legitimately && !(now.IsActive() && ShowsItsMateFailed(s, unit)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool NoUnitDeclaresALiveMateFailed(PackedTransition t)
    {
        var (b, s) = (t.Before.Head, t.After.Head);
        for (var unit = 0; unit < 2; unit++)
        {
            if (ShowsItsMateFailed(b, unit) || !ShowsItsMateFailed(s, unit) || Status(b, 1 - unit) != UnitStatus.FailoverOn)
            {
                continue;
            }

            if (PackedHead.FailoverLink(b) == LinkStatus.Up || (t.Before.PrimaryFailed | t.Before.SecondaryFailed) != pair.AllInterfaces)
            {
                return false;
            }
        }

        return true;
    }

    private bool EveryUnitShowsItsMate(PackedTransition t)
    {
        // As above, whether the pair is settled is asked only of a unit that shows its mate otherwise than it is.
        var s = t.After.Head;
        for (var unit = 0; unit < 2; unit++)
        {
            if (Status(s, unit) != UnitStatus.FailoverOn)
            {
                continue;
            }

            var contact = PackedHead.Contact(s, unit);
            if (Status(s, 1 - unit) != UnitStatus.FailoverOn)
            {
                if (contact is MateContact.Hellos or MateContact.DataInterfaces && t.Settled)
                {
                    return false;
                }

                continue;
            }

            if (PackedHead.FailoverLink(s) != LinkStatus.Up)
            {
                continue;
            }

            foreach (var g in pair.Groups)
            {
                if ((contact != MateContact.Hellos || PackedHead.ViewGroup(s, unit, g) != Group(s, 1 - unit, g)) && t.Settled)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
