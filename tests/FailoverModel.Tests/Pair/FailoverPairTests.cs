using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Tests.Exploration;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupConditions;

namespace FailoverModel.Tests.Pair;

public class FailoverPairTests
{
    private static readonly FailoverPair Pair = new(BuiltInConfigurations.SeedLanExample);

    private static PairState After(params Event[] events) => Pair.Run(events);

    [Fact]
    public void TheInitialSnapshotHasBothUnitsOffAndEveryGroupDisabled()
    {
        var state = Pair.Initial;
        Assert.All(UnitRoles.Both, u => Assert.Equal(UnitStatus.PoweredOff, state.Unit(u).Status));
        Assert.All(UnitRoles.Both, u => Assert.Equal(GroupState.Disabled, state.GroupState(u, FailoverGroupId.One)));
        Assert.Equal(LinkStatus.Up, state.FailoverLink);
        Assert.Null(Pair.NextInternal(state));
    }

    /// <summary>Snapshots are values: stepping one twice gives equal results and leaves it unchanged.</summary>
    [Fact]
    public void ASnapshotCanBeSteppedManyTimes()
    {
        var booted = After(new PowerOn(UnitRole.Primary, BothUnits: true));
        var copy = booted with { };
        var first = Pair.Step(booted, new Crash(UnitRole.Primary));
        var second = Pair.Step(booted, new Crash(UnitRole.Primary));
        Assert.Equal(first.State, second.State);
        Assert.Equal(copy, booted);
        Assert.NotEqual(booted, first.State);
    }

    [Fact]
    public void APeerUnavailableAtBootLeavesBothGroupsActiveOnTheBootingUnit()
    {
        var state = After(new PowerOn(UnitRole.Secondary));
        Assert.Equal(ActiveOn.Secondary, state.ActiveOn(FailoverGroupId.One));
        Assert.Equal(ActiveOn.Secondary, state.ActiveOn(FailoverGroupId.Two));
    }

    [Fact]
    public void AnEventThatDoesNotApplyChangesNothingAndSaysWhy()
    {
        var result = Pair.Apply(Pair.Initial, new PowerOff(UnitRole.Primary));
        Assert.False(result.Changed);
        Assert.Contains(result.Notes, n => n.Contains("already", StringComparison.Ordinal));
    }

    [Fact]
    public void SettlingStopsWithNoInternalStepLeft()
    {
        var external = Pair.Apply(Pair.Initial, new PowerOn(UnitRole.Primary, BothUnits: true));
        Assert.NotNull(Pair.NextInternal(external.State));
        var steps = Pair.Settle(external.State);
        Assert.NotEmpty(steps);
        Assert.Null(Pair.NextInternal(steps[^1].State));
    }

    [Fact]
    public void TheFailedInterfacesOfAGroupCountOnlyWhereTheMateHearsTraffic()
    {
        var state = After(
            new PowerOn(UnitRole.Primary, BothUnits: true),
            new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "inside"), Up: false));
        Assert.Equal(1, Pair.FailedMonitored(state, UnitRole.Secondary, FailoverGroupId.One));
        state = Pair.Step(state, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "inside"), Up: false)).State;
        Assert.Equal(0, Pair.FailedMonitored(state, UnitRole.Primary, FailoverGroupId.One));
    }

    [Fact]
    public void TheFailedInterfacesOfBothUnitsCountWhileTheyCannotHearEachOther()
    {
        var both = After(
            new PowerOn(UnitRole.Primary, BothUnits: true),
            new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "inside"), Up: false),
            new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "inside"), Up: false));
        // While the primary still takes itself to hear the secondary, the interface both report failed is Unknown; once it
        // no longer hears hellos (its holdtime ran out) it has only its own tests and the interface counts.
        Assert.Equal(0, Pair.FailedMonitored(both, UnitRole.Primary, FailoverGroupId.One));
        var linkDown = Pair.Step(both, new LinkChange(LinkKind.Failover, Up: false)).State;
        var mateOff = Pair.Step(both, new CommandEvent(UnitRole.Secondary, null, new DisableFailover())).State;

        Assert.Equal(MateContact.DataInterfaces, linkDown.Primary.View.Contact);
        Assert.Equal(1, Pair.FailedMonitored(linkDown, UnitRole.Primary, FailoverGroupId.One));
        Assert.Equal(MateContact.Failed, mateOff.Primary.View.Contact);
        Assert.Equal(1, Pair.FailedMonitored(mateOff, UnitRole.Primary, FailoverGroupId.One));
        Assert.Equal(0, Pair.FailedMonitored(mateOff, UnitRole.Primary, FailoverGroupId.Two));
    }

    /// <summary>What the group machine's guards see, flag by flag, in the running pair and after a fault.</summary>
    [Fact]
    public void TheGuardInputsOfAGroupAreReadFromTheSnapshot()
    {
        var running = After(new PowerOn(UnitRole.Primary, BothUnits: true));
        const GroupConditions talking = UnitRunsFailover | FailoverLinkUp | MateRunsFailover | MateAnswers;

        Assert.Equal(talking | MateGroupStandbyReady | PreferredUnit, Pair.Conditions(running, UnitRole.Primary, FailoverGroupId.One));
        Assert.Equal(talking | MateGroupActive, Pair.Conditions(running, UnitRole.Primary, FailoverGroupId.Two));
        Assert.Equal(talking | MateGroupStandbyReady | PreferredUnit, Pair.Conditions(running, UnitRole.Secondary, FailoverGroupId.Two));

        var outside = Pair.Apply(running, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "outside"), Up: false)).State;
        Assert.Equal(talking | MateGroupStandbyReady | PreferredUnit | ThresholdReached | MoreFailedThanMate, Pair.Conditions(outside, UnitRole.Primary, FailoverGroupId.One));
        var inside = Pair.Apply(outside, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "inside"), Up: false)).State;
        Assert.Equal(talking | MateGroupStandbyReady | PreferredUnit | ThresholdReached, Pair.Conditions(inside, UnitRole.Primary, FailoverGroupId.One));

        // The mate's power fails: the secondary still hears it as it last did (its view is stale) but it no longer
        // answers; once the holdtime runs out the secondary has declared it failed.
        var mateDown = Pair.Apply(running, new PowerOff(UnitRole.Primary)).State;
        Assert.Equal(UnitRunsFailover | FailoverLinkUp | MateRunsFailover | MateGroupActive, Pair.Conditions(mateDown, UnitRole.Secondary, FailoverGroupId.One));
        var declared = Pair.Apply(mateDown, new UnitHoldtimeExpired(UnitRole.Secondary)).State;
        Assert.Equal(UnitRunsFailover | FailoverLinkUp | MateUnitDown, Pair.Conditions(declared, UnitRole.Secondary, FailoverGroupId.One));
        Assert.Equal(FailoverLinkUp | PreferredUnit, Pair.Conditions(mateDown, UnitRole.Primary, FailoverGroupId.One));

        var negotiating = Pair.Apply(Pair.Initial, new PowerOn(UnitRole.Primary, BothUnits: true)).State;
        Assert.Equal(talking | MateGroupNegotiating, Pair.Conditions(negotiating, UnitRole.Secondary, FailoverGroupId.One));

        var preferred = running.With(UnitRole.Primary, running.Primary.WithGroup(FailoverGroupId.One, running.Primary.Group1 with { PreemptArmed = true }));
        Assert.Equal(UnitRunsFailover | MateRunsFailover | MateGroupStandbyReady | PreferredUnit | PreemptArmed, Pair.Conditions(preferred with { FailoverLink = LinkStatus.Down }, UnitRole.Primary, FailoverGroupId.One));
    }

    /// <summary>An implementation under test may send an internal step the model would not take (a trace line with <c>"settle": false</c>).</summary>
    [Fact]
    public void AnInternalStepThatIsNotEnabledChangesNothingAndSaysSo()
    {
        var running = After(new PowerOn(UnitRole.Primary, BothUnits: true));

        var one = Pair.Apply(running, new GroupStep(UnitRole.Primary, FailoverGroupId.One, GroupTrigger.Preempt));
        var every = Pair.Apply(running, new GroupStep(UnitRole.Secondary, GroupStep.EveryGroup, GroupTrigger.MateUnitFailure));
        var off = Pair.Apply(Pair.Initial, new GroupStep(UnitRole.Secondary, GroupStep.EveryGroup, GroupTrigger.BothUnitsBooted));
        var offOne = Pair.Apply(Pair.Initial, new GroupStep(UnitRole.Secondary, FailoverGroupId.Two, GroupTrigger.BothUnitsBooted));
        var reload = Pair.Apply(running, new UnitStep(UnitRole.Primary, UnitTrigger.ReloadCompletes));

        Assert.All([one, every, off, offOne, reload], r => Assert.False(r.Changed));
        Assert.Equal(["Preempt is not enabled for group 1 on primary"], one.Notes.ToArray());
        Assert.Equal(["MateUnitFailure is not enabled on secondary"], every.Notes.ToArray());
        Assert.Equal(["BothUnitsBooted is not enabled on secondary"], off.Notes.ToArray());
        Assert.Equal(["BothUnitsBooted is not enabled for group 2 on secondary"], offOne.Notes.ToArray());
        Assert.Equal(["primary is Failover On: it cannot be reloaded"], reload.Notes.ToArray());
        Assert.Empty(Pair.Apply(running, new GroupStep(UnitRole.Primary, FailoverGroupId.One, GroupTrigger.Preempt), quiet: true).Notes);
    }

    [Fact]
    public void AMateFailureIsLoggedOnceForAllTheGroupsItMoves()
    {
        var running = After(new PowerOn(UnitRole.Primary, BothUnits: true));
        var primaryOff = Pair.Apply(running, new PowerOff(UnitRole.Primary)).State;

        var next = Pair.NextInternal(primaryOff);
        var step = Pair.Apply(primaryOff, next!);
        var takeover = Pair.Apply(step.State, Pair.NextInternal(step.State)!);

        Assert.Equal(new UnitHoldtimeExpired(UnitRole.Secondary), next);
        Assert.Single(step.Messages, m => m.Id == 103001);
        Assert.Equal("secondary: %ASA-1-103001: (Secondary) No response from other firewall (reason code = 1).", step.Messages[1].ToString());
        Assert.Equal(new GroupStep(UnitRole.Secondary, GroupStep.EveryGroup, GroupTrigger.MateUnitFailure), takeover.Event);
        Assert.DoesNotContain(takeover.Messages, m => m.Id == 103001);
        Assert.Equal([FailoverGroupId.One], takeover.Changes.Select(c => c.Group).ToArray());
    }

    [Fact]
    public void PairsOfTheSeedsRulesShareOneGroupMachineAndOtherRulesGetTheirOwn()
    {
        var config = BuiltInConfigurations.SeedLanExample;

        Assert.Same(Pair.GroupMachine, new FailoverPair(config).GroupMachine);
        Assert.Same(Pair.GroupMachine, Pair.Clone().GroupMachine);
        Assert.NotSame(Pair.GroupMachine, new FailoverPair(config, []).GroupMachine);
        Assert.NotSame(Pair.GroupMachine, new FailoverPair(config, [.. FailoverModel.Rules.GroupRules.All]).GroupMachine);
        Assert.Equal(Pair.Initial, Pair.Clone().Initial);
    }

    [Fact]
    public void APairWithOneGroupOrNoStatefulLinkStartsWithWhatItHas()
    {
        var one = new FailoverPair(ExplorerTests.OneGroup);
        var regular = new FailoverPair(SeedPair.WithoutStatefulLink);

        Assert.Equal(ExplorerTests.OneGroup.Group(FailoverGroupId.One), one.Initial.Primary.Settings2);
        Assert.Equal(SeedPair.Config.Group(FailoverGroupId.Two), Pair.Initial.Secondary.Settings2);
        Assert.Equal(LinkStatus.NotConfigured, regular.Initial.StateLink);
        Assert.Equal(LinkStatus.Up, Pair.Initial.StateLink);
        Assert.True(Pair.Initial.Primary.StartupFailover);
        Assert.True(Pair.Initial.Primary.Configuration.IsEmpty);
    }

    [Fact]
    public void FailoverResetReachesTheMatesFailedGroupsOnlyOverTheFailoverLink()
    {
        var failed = After(new PowerOn(UnitRole.Primary, BothUnits: true), new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false));
        Assert.Equal(GroupState.Failed, failed.GroupState(UnitRole.Secondary, FailoverGroupId.Two));
        var linkDown = Pair.Apply(failed, new LinkChange(LinkKind.Failover, Up: false)).State;

        var fromPrimary = Pair.Apply(linkDown, new CommandEvent(UnitRole.Primary, null, new FailoverReset(null)));
        var onSecondary = Pair.Apply(linkDown, new CommandEvent(UnitRole.Secondary, null, new FailoverReset(FailoverGroupId.Two)));
        var overTheLink = Pair.Apply(failed, new CommandEvent(UnitRole.Primary, null, new FailoverReset(null)));

        Assert.Equal(GroupState.Failed, fromPrimary.State.GroupState(UnitRole.Secondary, FailoverGroupId.Two));
        Assert.Equal(["no failed group on a unit that answers"], fromPrimary.Notes.ToArray());
        Assert.Equal(GroupState.StandbyReady, onSecondary.State.GroupState(UnitRole.Secondary, FailoverGroupId.Two));
        Assert.Equal(GroupState.StandbyReady, overTheLink.State.GroupState(UnitRole.Secondary, FailoverGroupId.Two));
        Assert.Empty(overTheLink.Notes);
    }

    /// <summary>
    /// Seed, "Restoration of a Failed Unit": a group with preempt that failed on its preferred unit becomes active there
    /// again once the unit recovers, also when 'failover reset' is what restores it (here entered after the interface
    /// came back but before the unit noticed).
    /// </summary>
    [Fact]
    public void AFailoverResetRestoresAPreemptingGroupToItsPreferredUnit()
    {
        var failed = After(
            new PowerOn(UnitRole.Primary, BothUnits: true),
            new CommandEvent(UnitRole.Primary, null, new FailoverGroupMode(FailoverGroupId.One, [new SetPreempt(0)])),
            new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "outside"), Up: false));
        Assert.Equal(ActiveOn.Secondary, failed.ActiveOn(FailoverGroupId.One));
        var recovered = Pair.Apply(failed, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "outside"), Up: true)).State;
        Assert.Equal(GroupState.Failed, recovered.GroupState(UnitRole.Primary, FailoverGroupId.One));

        var reset = Pair.Step(recovered, new CommandEvent(UnitRole.Primary, null, new FailoverReset(FailoverGroupId.One)));

        Assert.Equal(ActiveOn.Primary, reset.State.ActiveOn(FailoverGroupId.One));
        Assert.Equal(GroupState.StandbyReady, reset.State.GroupState(UnitRole.Secondary, FailoverGroupId.One));
    }

    /// <summary>A step that refuses both groups says so for each, in group order: no note replaces another.</summary>
    [Fact]
    public void AForcedFailoverOfBothGroupsNotesEveryGroupThatStays()
    {
        var bothOnPrimary = After(
            new PowerOn(UnitRole.Primary, BothUnits: true),
            new CommandEvent(UnitRole.Primary, null, new FailoverActive(FailoverGroupId.Two)));

        var step = Pair.Step(bothOnPrimary, new CommandEvent(UnitRole.Secondary, null, new NoFailoverActive(null)));

        Assert.Equal(
            [
                "group 1 stays Standby Ready on secondary: it is not active there",
                "group 2 stays Standby Ready on secondary: it is not active there",
            ],
            step.Notes);
        Assert.Equal(bothOnPrimary, step.State);
    }

    /// <summary>
    /// Seed: "If there are security contexts in the active state on the peer unit, the write standby command causes
    /// active connections through those contexts to be terminated": one note per context, with two contexts in group 2.
    /// </summary>
    [Fact]
    public void WriteStandbyNamesEveryContextActiveOnThePeer()
    {
        var pair = new FailoverPair(SeedPair.WithContexts(c => c.Name == "context1" ? c with { Group = FailoverGroupId.Two } : c));
        var running = pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

        var step = pair.Step(running, new CommandEvent(UnitRole.Primary, null, new WriteStandby()));

        Assert.Equal(
            [
                "active connections through context1 (active on secondary) are terminated by 'write standby'",
                "active connections through context2 (active on secondary) are terminated by 'write standby'",
            ],
            step.Notes);
    }

    /// <summary>Exec commands (show, debug) change no configuration, in the system space as in a context, and are not replicated.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("context1")]
    public void AnExecCommandChangesNothingWhereverItIsEntered(string? context)
    {
        var running = After(new PowerOn(UnitRole.Primary, BothUnits: true));

        var step = Pair.Step(running, new CommandEvent(UnitRole.Primary, context, new ExecCommand("show failover")));

        Assert.Equal(running, step.State);
        Assert.Equal(["'show failover' changes nothing and is not replicated"], step.Notes.ToArray());
        Assert.Empty(step.Messages);
    }

    [Fact]
    public void AConfigurationChangeWithoutANumberIsChangeZeroOfItsSpace()
    {
        var running = After(new PowerOn(UnitRole.Primary, BothUnits: true));

        var state = Pair.Apply(running, new CommandEvent(UnitRole.Secondary, "context2", new ConfigurationCommand("route inside 0 0 10.0.0.1", -1))).State;

        var space = BuiltInConfigurations.SeedLanExample.SpaceOf("context2");
        Assert.Equal(1UL, state.Secondary.Configuration.Running(space));
        Assert.Equal(1UL, state.Primary.Configuration.Running(space));
        Assert.Equal(0UL, state.Primary.Configuration.Running(0));
    }

    [Fact]
    public void SavingAContextDoesNotTouchTheFailoverBootstrap()
    {
        var off = After(new PowerOn(UnitRole.Primary, BothUnits: true), new CommandEvent(UnitRole.Primary, null, new DisableFailover()));
        Assert.True(off.Primary.StartupFailover);

        var context = Pair.Apply(off, new CommandEvent(UnitRole.Primary, "context1", new WriteMemory(false, false))).State;
        var system = Pair.Apply(off, new CommandEvent(UnitRole.Primary, null, new WriteMemory(false, false))).State;

        Assert.True(context.Primary.StartupFailover);
        Assert.False(system.Primary.StartupFailover);
    }

    /// <summary>Seed: "When both units boot simultaneously, the secondary unit obtains the running configuration from the primary unit."</summary>
    [Fact]
    public void BothUnitsBootingTogetherGiveTheSecondaryThePrimarysConfiguration()
    {
        var saved = UnitConfiguration.Empty(BuiltInConfigurations.SeedLanExample.Spaces).WithChange(0, 2).Saved(0);
        var start = Pair.Initial with { Primary = Pair.Initial.Primary with { Configuration = saved } };

        var booted = Pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)], start);

        Assert.Equal(4UL, booted.Secondary.Configuration.Running(0));
        Assert.Equal(0UL, booted.Secondary.Configuration.Startup(0));
    }

    /// <summary>
    /// The same sentence read as an order: the secondary holds the primary's configuration before the groups choose their
    /// units, not only after group 1's Sync Config (which would be too late for a group that never synchronizes).
    /// </summary>
    [Fact]
    public void BothUnitsBootingTogetherCopyTheConfigurationBeforeAnyGroupSynchronizes()
    {
        var pair = new FailoverPair(FailoverModel.Tests.Exploration.ExplorerTests.OneGroup);
        var saved = UnitConfiguration.Empty(pair.Config.Spaces).WithChange(0, 2).Saved(0);
        var start = pair.Initial with { Primary = pair.Initial.Primary with { Configuration = saved } };

        var steps = pair.Step(start, new PowerOn(UnitRole.Primary, BothUnits: true)).Steps.ToList();

        var copied = steps.FindIndex(s => s.State.Secondary.Configuration.Running(0) != 0);
        var synchronizing = steps.FindIndex(s => s.Changes.Any(c => c.To == GroupState.SyncConfig));
        Assert.InRange(copied, 0, int.MaxValue);
        Assert.InRange(synchronizing, 0, int.MaxValue);
        Assert.True(copied < synchronizing, $"copied at step {copied}, Sync Config at step {synchronizing}");
    }

    [Fact]
    public void ASettledStepListsTheChangesOfTheEventAndOfEveryInternalStep()
    {
        var step = Pair.Step(Pair.Initial, new PowerOn(UnitRole.Primary, BothUnits: true));

        Assert.Equal(step.Steps.SelectMany(s => s.Changes), step.Changes);
        Assert.Equal(4, step.External.Changes.Length);
        Assert.True(step.Changes.Count() > step.External.Changes.Length);
        Assert.Equal(step.External, step.Steps.First());
        Assert.Equal(step.Internal[^1].State, step.State);
    }

    [Theory]
    [InlineData(1, false, 1, 2, true)]
    [InlineData(2, false, 1, 2, false)]
    [InlineData(2, false, 2, 2, true)]
    [InlineData(50, true, 1, 2, true)]
    [InlineData(51, true, 1, 2, false)]
    [InlineData(100, true, 2, 2, true)]
    [InlineData(1, false, 0, 2, false)]
    public void TheInterfacePolicyIsReachedAtItsThreshold(int value, bool percent, int failed, int monitored, bool reached) =>
        Assert.Equal(reached, new InterfacePolicy(value, percent).IsReached(failed, monitored));
}
