using FailoverModel.Asa;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupState;
using static FailoverModel.Topology.UnitRole;

namespace FailoverModel.Tests.Invariants;

/// <summary>
/// Each role invariant holds on the model's own steps and catches the wrong step next to it, with its evidence word for
/// word. A wrong step is the model's state edited as a broken implementation would leave it; invariants that judge
/// settled states are given a pair with no group rules (<see cref="Frozen"/>), so that any state counts as settled.
/// </summary>
public class RoleInvariantTests
{
    private static readonly PairConfig Seed = SeedPair.Config;
    private static readonly FailoverPair Pair = SeedPair.Pair;
    private static readonly FailoverPair Frozen = new(Seed, []);
    private static readonly PairState Running = SeedPair.Running;
    private static readonly Event Tick = new GroupStep(Secondary, FailoverGroupId.One, GroupTrigger.MateUnitFailure);

    private static PairState With(PairState s, UnitRole unit, int group, GroupState state) => s.WithGroup(unit, group, state);

    private static PairState With(PairState s, UnitRole unit, UnitStatus status) => s.WithStatus(unit, status);

    /// <summary>The unit shows its mate failed: it has timed it out and LANTEST got no answer.</summary>
    private static PairState Declared(PairState s, UnitRole unit) =>
        s.With(unit, s.Unit(unit) with { View = s.Unit(unit).View with { Contact = MateContact.Failed, Group1 = Failed, Group2 = Failed } });

    /// <summary>The failover link down, and each unit past its holdtime with LANTEST answered on a data interface.</summary>
    private static PairState LinkDownAfterLantest(PairState s) => (s with { FailoverLink = LinkStatus.Down })
        .With(Primary, s.Primary with { View = s.Primary.View with { Contact = MateContact.DataInterfaces } })
        .With(Secondary, s.Secondary with { View = s.Secondary.View with { Contact = MateContact.DataInterfaces } });

    private static readonly RunHistory PrimaryOwedGroup1 =
        RunHistory.Next(Seed, With(Running, Primary, 1, Failed), With(Running.With(Primary, Running.Primary.WithSettings(FailoverGroupId.One, Seed.Groups[0] with { Preempt = true })), Primary, 1, StandbyReady), default);

    private static string? Check(Invariant invariant, FailoverPair pair, PairState? before, Event? e, PairState after) =>
        invariant.Check(new InvariantContext(pair, before, e, after));

    [Fact]
    public void TheRunningPairSatisfiesEveryInvariant()
    {
        Assert.Equal((Active, StandbyReady, StandbyReady, Active), (Running.GroupState(Primary, FailoverGroupId.One), Running.GroupState(Primary, FailoverGroupId.Two), Running.GroupState(Secondary, FailoverGroupId.One), Running.GroupState(Secondary, FailoverGroupId.Two)));
        Assert.All(SeedInvariants.All, i => Assert.Null(Check(i, Pair, null, null, Running)));
        Assert.All(SeedInvariants.All, i => Assert.Null(Check(i, Frozen, Running, Tick, Running)));
        Assert.Equal(13, SeedInvariants.All.Length);
        Assert.Equal(SeedInvariants.All.Length, SeedInvariants.All.Select(i => i.Name).Distinct().Count());
        Assert.All(SeedInvariants.All, i => Assert.Equal(i.GetType().Name, i.Name));
        Assert.All(SeedInvariants.All, i => Assert.Equal(i.Name, i.ToString()));
        Assert.All(SeedInvariants.All, i => Assert.False(string.IsNullOrWhiteSpace(i.Source)));
    }

    [Fact]
    public void FirstViolationNamesTheFirstInvariantThatFails()
    {
        var both = With(Running, Secondary, 1, Active);

        var found = SeedInvariants.FirstViolation(new InvariantContext(Frozen, Running, Tick, both));

        Assert.NotNull(found);
        Assert.Equal(nameof(ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp), found.Value.Invariant.Name);
        Assert.Null(SeedInvariants.FirstViolation(new InvariantContext(Frozen, Running, Tick, both), [new EveryContextFollowsItsGroup()]));
        Assert.Null(SeedInvariants.FirstViolation(new InvariantContext(Frozen, Running, Tick, Running)));
    }

    [Fact]
    public void ExactlyOneActivePerGroupCatchesBothAndNone()
    {
        var invariant = new ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp();
        var both = With(Running, Secondary, 1, Active);
        var none = With(With(Running, Secondary, 2, Failed), Primary, 2, StandbyReady);

        Assert.Equal(
            "group 1 is active on both although the failover link is up and both units run failover (primary Active, secondary Active)",
            Check(invariant, Frozen, Running, Tick, both));
        Assert.Equal(
            "group 2 is active on none although the failover link is up and both units run failover (primary Standby Ready, secondary Failed)",
            Check(invariant, Frozen, Running, Tick, none));
        Assert.Null(Check(invariant, Frozen, Running, Tick, both with { FailoverLink = LinkStatus.Down }));
        Assert.Null(Check(invariant, Frozen, Running, Tick, With(both, Primary, UnitStatus.FailoverOff)));
        Assert.Null(Check(invariant, Frozen, Running, Tick, With(both, Secondary, UnitStatus.FailoverOff)));
        Assert.Null(Check(invariant, Pair, Running, Tick, With(Running, Secondary, 1, JustActive)));
    }

    [Fact]
    public void NoFailoverWhileTheFailoverLinkIsDownCatchesAStandbyOrFailedGroupGoingActive()
    {
        var invariant = new NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers();
        var down = Running with { FailoverLink = LinkStatus.Down };
        var failed = With(down, Secondary, 1, Failed);

        Assert.Equal(
            $"group 1 became active on secondary from Standby Ready while the failover link is down and secondary does not show its mate failed (event: {Tick})",
            Check(invariant, Pair, down, Tick, With(down, Secondary, 1, JustActive)));
        Assert.Equal(
            $"group 1 became active on secondary from Failed while the failover link is down and secondary does not show its mate failed (event: {Tick})",
            Check(invariant, Pair, failed, Tick, With(down, Secondary, 1, Active)));
        Assert.Equal(
            $"group 2 became active on primary from Standby Ready while the failover link is down and primary does not show its mate failed (event: {Tick})",
            Check(invariant, Pair, down, Tick, With(down, Primary, 2, Active)));
        Assert.Null(Check(invariant, Pair, down, Tick, Declared(With(down, Secondary, 1, JustActive), Secondary)));
        Assert.Null(Check(invariant, Pair, failed, Tick, Declared(With(down, Secondary, 1, Active), Secondary)));
        Assert.Null(Check(invariant, Pair, Running, Tick, With(down, Secondary, 1, Active)));
        Assert.Null(Check(invariant, Pair, down, Tick, With(Running, Secondary, 1, Active)));
        Assert.Null(Check(invariant, Pair, With(down, Secondary, 1, Negotiation), Tick, With(down, Secondary, 1, Active)));
        Assert.Null(Check(invariant, Pair, null, null, With(down, Secondary, 1, Active)));
        Assert.Null(Check(invariant, Pair, down, Tick, down));
    }

    [Fact]
    public void AFailedStandbyGroupNeverBecomesActiveCatchesBothWaysOfDoingIt()
    {
        var invariant = new AFailedStandbyGroupNeverBecomesActive();
        var secondaryFailed = With(Running, Secondary, 1, Failed);
        var primaryFailedToo = With(secondaryFailed, Primary, 1, Failed);

        Assert.Equal(
            $"group 1 went from Failed straight to Active on secondary, which does not show its mate failed (event: {Tick})",
            Check(invariant, Pair, secondaryFailed, Tick, With(Running, Secondary, 1, Active)));
        Assert.Equal(
            $"group 1 went from Failed straight to Just Active on secondary, which does not show its mate failed (event: {Tick})",
            Check(invariant, Pair, secondaryFailed, Tick, With(Running, Secondary, 1, JustActive)));
        Assert.Equal(
            $"group 1 failed over from primary although its standby on secondary is Failed (event: {Tick})",
            Check(invariant, Pair, secondaryFailed, Tick, primaryFailedToo));

        // A dead mate has more failed interfaces than any live unit: the failed copy of the unit that declared it takes over.
        Assert.Null(Check(invariant, Pair, secondaryFailed, Tick, Declared(With(Running, Secondary, 1, JustActive), Secondary)));
        Assert.Null(Check(invariant, Pair, secondaryFailed, new PowerOff(Primary), primaryFailedToo));
        Assert.Null(Check(invariant, Pair, Running, Tick, With(Running, Primary, 1, Failed)));
        Assert.Null(Check(invariant, Pair, secondaryFailed, Tick, With(Running, Secondary, 1, StandbyReady)));
        Assert.Null(Check(invariant, Pair, null, null, primaryFailedToo));
    }

    [Fact]
    public void EveryGroupIsActiveWhereAUnitCanServeItCatchesAGroupActiveNowhere()
    {
        var invariant = new EveryGroupIsActiveWhereAUnitCanServeIt();
        var nowhere = With(Running, Primary, 1, StandbyReady);

        Assert.Equal("group 1 is active nowhere although primary runs failover with it Standby Ready", Check(invariant, Frozen, Running, Tick, nowhere));
        Assert.Equal(
            "group 1 is active nowhere although secondary runs failover with it Standby Ready",
            Check(invariant, Frozen, Running, Tick, With(nowhere, Primary, 1, Failed)));
        Assert.Equal(
            "group 1 is active nowhere although secondary runs failover with it Standby Ready",
            Check(invariant, Frozen, Running, Tick, Declared(With(With(nowhere, Primary, 1, Disabled), Primary, UnitStatus.FailoverOff), Secondary)));

        // The failover link no longer excuses an outage: a dead active unit is detected either way.
        Assert.Equal(
            "group 1 is active nowhere although primary runs failover with it Standby Ready",
            Check(invariant, Frozen, Running, Tick, LinkDownAfterLantest(nowhere)));

        // A failed copy must take over a mate that does not run failover (a dead unit answers on no interface).
        Assert.Equal(
            "group 1 is active nowhere although secondary runs failover with it Failed and its mate is Powered Off",
            Check(invariant, Frozen, Running, Tick, Declared(With(With(With(nowhere, Primary, 1, Disabled), Primary, UnitStatus.PoweredOff), Secondary, 1, Failed), Secondary)));
        Assert.Null(Check(invariant, Frozen, Running, Tick, With(With(nowhere, Primary, 1, Failed), Secondary, 1, Failed)));
        Assert.Null(Check(invariant, Frozen, Running, Tick, With(With(nowhere, Primary, UnitStatus.Reloading), Secondary, UnitStatus.FailoverOff)));
        Assert.Null(Check(invariant, Pair, Running, Tick, With(Running, Primary, 1, ActiveDrain)));
        Assert.Null(Check(invariant, Frozen, Running, Tick, With(Running, Secondary, 1, Active)));
    }

    [Fact]
    public void EveryContextFollowsItsGroupCatchesAMisplacedAdminContextAndAMissingGroup()
    {
        var invariant = new EveryContextFollowsItsGroup();
        var link = Seed.FailoverLink;
        var adminInGroup2 = new PairConfig(
            "admin in group 2", Seed.Groups, [new ContextConfig("admin", FailoverGroupId.Two, []), new ContextConfig("c1", FailoverGroupId.One, [])], "admin", link, null);
        var missingGroup = new PairConfig(
            "one group", [Seed.Groups[0]], [new ContextConfig("admin", FailoverGroupId.One, []), new ContextConfig("c2", FailoverGroupId.Two, [])], "admin", link, null);
        var noAdmin = new PairConfig("no admin", Seed.Groups, [new ContextConfig("c1", FailoverGroupId.One, [])], "admin", link, null);

        Assert.Equal("the admin context admin is in failover group 2, not 1", Check(invariant, new FailoverPair(adminInGroup2), null, null, Running));
        Assert.Equal("context c2 joined failover group 2, which does not exist", Check(invariant, new FailoverPair(missingGroup), null, null, Running));
        Assert.Null(Check(invariant, new FailoverPair(noAdmin), null, null, Running));
        Assert.Null(Check(invariant, Pair, null, null, Running));
    }

    [Fact]
    public void NoFailoverFreezesRolesCatchesARoleChangeWithFailoverOff()
    {
        var invariant = new NoFailoverFreezesRolesAndFailedGroupsStayFailed();
        var off = With(Running, Secondary, UnitStatus.FailoverOff);
        var disable = new CommandEvent(Secondary, null, new DisableFailover());

        Assert.Equal(
            $"group 2 changed role on secondary, where failover is disabled (event: {disable})",
            Check(invariant, Pair, off, disable, With(off, Secondary, 2, StandbyReady)));
        Assert.Equal(
            $"group 1 changed role on secondary, where failover is disabled (event: {disable})",
            Check(invariant, Pair, off, disable, With(off, Secondary, 1, Active)));
        Assert.Null(Check(invariant, Pair, off, disable, With(off, Secondary, 1, Disabled)));
        Assert.Null(Check(invariant, Pair, Running, disable, With(off, Secondary, 2, StandbyReady)));
        Assert.Null(Check(invariant, Pair, off, disable, With(Running, Secondary, 2, StandbyReady)));
        Assert.Null(Check(invariant, Pair, null, null, off));
    }

    [Fact]
    public void NoFailoverFreezesRolesCatchesAFailedGroupLeavingFailedWithoutCause()
    {
        var invariant = new NoFailoverFreezesRolesAndFailedGroupsStayFailed();
        var failed = With(Running, Primary, 2, Failed);
        var ready = With(failed, Primary, 2, StandbyReady);
        var recovers = new GroupStep(Primary, FailoverGroupId.Two, GroupTrigger.FormerlyActiveGroupRecovers);

        Assert.Equal(
            $"group 2 left Failed on primary for Standby Ready without recovering or 'failover reset' (event: {Tick})",
            Check(invariant, Pair, failed, Tick, ready));
        Assert.Equal(
            $"group 2 left Failed on primary for Standby Ready without recovering or 'failover reset' (event: {new GroupStep(Secondary, FailoverGroupId.Two, GroupTrigger.FormerlyActiveGroupRecovers)})",
            Check(invariant, Pair, failed, new GroupStep(Secondary, FailoverGroupId.Two, GroupTrigger.FormerlyActiveGroupRecovers), ready));
        Assert.Null(Check(invariant, Pair, failed, recovers, ready));
        Assert.Null(Check(invariant, Pair, failed, new CommandEvent(Secondary, null, new FailoverReset(null)), ready));
        Assert.Null(Check(invariant, Pair, With(failed, Primary, UnitStatus.FailoverOff), Tick, ready));
        Assert.Null(Check(invariant, Pair, failed, Tick, With(ready, Primary, UnitStatus.Reloading)));
        Assert.Null(Check(invariant, Pair, failed, Tick, failed));
    }

    [Fact]
    public void PreemptTakesBackOnlyWhatItMayCatchesAPairSettledAgainstPreempt()
    {
        var invariant = new PreemptTakesBackOnlyWhatItMay();
        var preempt = Seed.Groups[0] with { Preempt = true };
        var available = Running.With(Primary, Running.Primary.WithSettings(FailoverGroupId.One, preempt));
        var settled = With(With(available, Primary, 1, StandbyReady), Secondary, 1, Active);
        var recovered = With(settled, Primary, 1, Failed);

        // The observer saw group 1 come back to Standby Ready on its preferred unit with preempt configured (the model's
        // own preempt bit plays no part: it is false in every snapshot here).
        Assert.False(settled.Primary.Group1.PreemptArmed);
        Assert.Equal(
            "group 1 has preempt and became available on its preferred unit primary, but the pair settled with it active on secondary",
            Check(invariant, Frozen, recovered, Tick, settled));
        Assert.Equal(
            "group 1 has preempt and became available on its preferred unit primary, but the pair settled with it active on secondary",
            invariant.Check(new InvariantContext(Frozen, settled, Tick, settled) { History = PrimaryOwedGroup1 }));
        Assert.Null(Check(invariant, Frozen, settled, Tick, settled));
        Assert.Null(Check(invariant, Pair, recovered, Tick, settled));
        Assert.Null(Check(invariant, Frozen, recovered, Tick, settled with { FailoverLink = LinkStatus.Down }));
        Assert.Null(Check(invariant, Frozen, recovered, Tick, With(settled, Secondary, UnitStatus.FailoverOff)));
        Assert.Null(Check(invariant, Frozen, recovered, Tick, With(settled, Secondary, 1, StandbyReady)));
        Assert.Null(Check(invariant, Frozen, recovered, Tick, With(settled, Primary, 1, Failed)));
        Assert.Null(Check(invariant, Frozen, recovered, Tick, settled.With(Primary, settled.Primary.WithSettings(FailoverGroupId.One, preempt with { Preempt = false }))));

        // A forced failover moves the group away from Active on its preferred unit: nothing is owed.
        Assert.Null(Check(invariant, Frozen, With(available, Primary, 1, Active), new CommandEvent(Primary, null, new NoFailoverActive(FailoverGroupId.One)), settled));
    }

    [Fact]
    public void PreemptTakesBackOnlyWhatItMayCatchesAGroupTakenFromALiveActiveUnit()
    {
        var invariant = new PreemptTakesBackOnlyWhatItMay();
        var taken = With(With(Running, Secondary, 1, Active), Primary, 1, StandbyReady);
        var withPreempt = Running.With(Secondary, Running.Secondary.WithSettings(FailoverGroupId.One, Seed.Groups[0] with { Preempt = true }));
        const string evidence = "secondary took group 1 from the live active primary, which still answers, without preempt";

        Assert.Equal(evidence, Check(invariant, Pair, Running, Tick, taken));
        Assert.Equal(evidence, Check(invariant, Pair, Running, new GroupStep(Secondary, FailoverGroupId.One, GroupTrigger.Preempt), taken));
        Assert.Equal(evidence, Check(invariant, Pair, withPreempt, new GroupStep(Secondary, FailoverGroupId.One, GroupTrigger.Preempt), taken));
        Assert.Equal(evidence, Check(invariant, Pair, Running with { FailoverLink = LinkStatus.Down }, Tick, taken with { FailoverLink = LinkStatus.Down }));

        // Allowed: the owed preempt, the mate's group failed on its interfaces in this step, a unit that declared its mate
        // failed, a forced failover (an external command), a mate that does not run failover or answers nowhere.
        var secondaryPreferred = Seed.Groups[0] with { Preempt = true, Preferred = Secondary };
        var prefersSecondary = Running.With(Primary, Running.Primary.WithSettings(FailoverGroupId.One, secondaryPreferred)).With(Secondary, Running.Secondary.WithSettings(FailoverGroupId.One, secondaryPreferred));
        Assert.Null(invariant.Check(new InvariantContext(Pair, prefersSecondary, new GroupStep(Secondary, FailoverGroupId.One, GroupTrigger.Preempt), taken)
        {
            History = RunHistory.Next(Seed, With(prefersSecondary, Secondary, 1, Failed), prefersSecondary, default),
        }));
        Assert.Null(Check(invariant, Pair, Running, Tick, With(taken, Primary, 1, Failed)));
        Assert.Null(Check(invariant, Pair, Declared(Running, Secondary), Tick, taken));
        Assert.Null(Check(invariant, Pair, Running, new CommandEvent(Secondary, null, new FailoverActive(FailoverGroupId.One)), taken));
        Assert.Null(Check(invariant, Pair, With(Running, Primary, UnitStatus.FailoverOff), Tick, taken));
        var deaf = (Running with { FailoverLink = LinkStatus.Down }).With(Primary, Running.Primary with { FailedInterfaces = Seed.AllInterfacesMask });
        Assert.Null(Check(invariant, Pair, deaf, Tick, taken));
        Assert.Null(Check(invariant, Pair, With(Running, Primary, 1, Failed), Tick, taken));
        Assert.Null(Check(invariant, Pair, With(Running, Secondary, 1, Failed), Tick, taken));
    }
}
