using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Time;

/// <summary>The timers of each internal step, and the timed claims catching deliberately wrong timers.</summary>
public class TimedClaimTests
{
    private static readonly PairConfig Seed = BuiltInConfigurations.SeedLanExample;

    private static readonly TimedAction[] PowerFailureOfTheActiveUnit =
        [new ActEvent(new PowerOn(UnitRole.Primary, BothUnits: true), true), new ActWait(1_000), new ActEvent(new PowerOff(UnitRole.Primary), true)];

    /// <summary>
    /// Each unit monitors its own interfaces (docs/time.md): with a monitored interface failing on both units at once,
    /// each unit acts on its failure within its own interface holdtime from it, not one holdtime after the other.
    /// </summary>
    [Fact]
    public void BothUnitsInterfaceHoldtimesRunSideBySide()
    {
        var timed = new TimedPair(new FailoverPair(Seed));
        var steps = new List<TimedStep>();
        var meter = new OutageMeter(Seed.GroupCount);
        var t = timed.Settle(timed.Apply(timed.Initial, new PowerOn(UnitRole.Primary, BothUnits: true)).State, steps, meter);
        // Each unit loses an interface of the group it is active for: each has a failover of its own to decide.
        var start = t.NowMs;
        t = timed.Apply(t, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "inside"), Up: false)).State;
        t = timed.Apply(t, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)).State;
        steps.Clear();
        timed.Settle(t, steps, meter);

        var checks = steps.Where(s => FailoverTimers.Of(s.Result.Event) == FailoverTimer.InterfaceHold).ToList();
        Assert.Equal(2, checks.Select(s => ((GroupStep)s.Result.Event).Unit).Distinct().Count());
        Assert.All(checks, s => Assert.InRange(s.AtMs - start, Seed.Timers.InterfaceHoldMs, Seed.Timers.InterfaceHoldMs + Seed.Timers.InterfacePollMs - 1));
    }

    [Theory]
    [InlineData(0, 45_000)]
    [InlineData(1, 60_000)]
    [InlineData(14_999, 60_000)]
    [InlineData(15_000, 60_000)]
    [InlineData(15_001, 75_000)]
    public void AHelloTimeoutFallsOnTheFirstUnitPollAtLeastOneHoldtimeLater(long now, long due)
    {
        var step = new UnitHoldtimeExpired(UnitRole.Secondary);

        Assert.Equal(due, FailoverTimers.Due(Seed, new FailoverPair(Seed).Initial, step, now));
    }

    [Theory]
    [InlineData(GroupTrigger.ActivationBegins, FailoverTimer.None)]
    [InlineData(GroupTrigger.BulkSyncCompletes, FailoverTimer.None)]
    [InlineData(GroupTrigger.MateUnitFailure, FailoverTimer.None)]
    [InlineData(GroupTrigger.MateLost, FailoverTimer.None)]
    [InlineData(GroupTrigger.NoActiveUnitFound, FailoverTimer.UnitHold)]
    [InlineData(GroupTrigger.ActiveMateDetected, FailoverTimer.UnitPoll)]
    [InlineData(GroupTrigger.InterfaceFailureOnActiveGroup, FailoverTimer.InterfaceHold)]
    [InlineData(GroupTrigger.FormerlyActiveGroupRecovers, FailoverTimer.InterfacePoll)]
    [InlineData(GroupTrigger.Preempt, FailoverTimer.PreemptDelay)]
    public void EachInternalStepWaitsForItsTimer(GroupTrigger trigger, FailoverTimer timer) =>
        Assert.Equal(timer, FailoverTimers.Of(trigger));

    /// <summary>A silent mate is timed out once, by the unit's holdtime; what its groups do then happens at once.</summary>
    [Fact]
    public void TheUnitHoldtimeTimesOutASilentMate() =>
        Assert.Equal(FailoverTimer.UnitHold, FailoverTimers.Of(new UnitHoldtimeExpired(UnitRole.Primary)));

    [Fact]
    public void ThePreemptDelayIsThatOfTheGroupsThatPreempt()
    {
        var pair = new FailoverPair(Seed);
        var running = pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);
        var secondary = running.Secondary;
        var state = running with
        {
            Secondary = secondary
                .WithSettings(FailoverGroupId.One, secondary.Settings1 with { Preempt = true, PreemptDelaySeconds = 900 })
                .WithSettings(FailoverGroupId.Two, secondary.Settings2 with { Preempt = true, PreemptDelaySeconds = 30 })
                .WithGroup(FailoverGroupId.Two, new GroupSlot(GroupState.StandbyReady, FailureReason.None, PreemptArmed: true)),
        };

        // Group 1 is Active on the primary, not Standby Ready on the secondary: only group 2's delay counts.
        Assert.Equal(130_000, FailoverTimers.Due(Seed, state, new GroupStep(UnitRole.Secondary, GroupStep.EveryGroup, GroupTrigger.Preempt), 100_000));
    }

    [Fact]
    public void TheModelsTimersKeepEveryTimedClaim() =>
        Assert.Null(TimedClaims.Check(new TimedPair(new FailoverPair(Seed)), PowerFailureOfTheActiveUnit));

    [Fact]
    public void AMateDeclaredLostWithoutWaitingForTheHoldtimeIsCaught()
    {
        var broken = new TimedPair(new FailoverPair(Seed), (config, state, step, now) => now);

        var violation = TimedClaims.Check(broken, PowerFailureOfTheActiveUnit);

        Assert.Equal(TimedClaims.NoFailoverWhileHellosStillArrive, violation?.Claim);
        Assert.Equal("secondary timed out its mate at 1s, 0s after the last hello; the holdtime is 45s", violation?.Evidence);
    }

    /// <summary>
    /// A unit that never times out its silent mate shows it as it last heard it for ever: caught by the claim that a view
    /// catches up within holdtime + polltime (and the group is never taken over).
    /// </summary>
    [Fact]
    public void AViewThatNeverCatchesUpIsCaught()
    {
        var broken = new TimedPair(new FailoverPair(Seed), (config, state, step, now) => step is UnitHoldtimeExpired ? long.MaxValue / 2 : FailoverTimers.Due(config, state, step, now));

        // The failover link fails between two live units: nothing is owed, but each must learn within holdtime + polltime
        // that its mate answers only on data interfaces.
        TimedAction[] linkDown = [new ActEvent(new PowerOn(UnitRole.Primary, BothUnits: true), true), new ActWait(1_000), new ActEvent(new LinkChange(LinkKind.Failover, Up: false), true), new ActWait(61_000)];

        var violation = TimedClaims.Check(broken, linkDown);

        Assert.Equal(TimedClaims.EveryViewCatchesUpWithinHoldtimePlusPolltime, violation?.Claim);
        Assert.Null(TimedClaims.Check(new TimedPair(new FailoverPair(Seed)), linkDown));
    }

    [Fact]
    public void AHelloTimeoutLongerThanHoldtimePlusPolltimeIsCaught()
    {
        var broken = new TimedPair(new FailoverPair(Seed), (config, state, step, now) => FailoverTimers.Due(config, state, step, now) + (FailoverTimers.Of(step) == FailoverTimer.UnitHold ? 20_000 : 0));

        var violation = TimedClaims.Check(broken, PowerFailureOfTheActiveUnit);

        Assert.Equal(TimedClaims.AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime, violation?.Claim);
    }

    [Fact]
    public void APreemptThatIgnoresItsDelayIsCaught()
    {
        var broken = new TimedPair(new FailoverPair(Seed), (config, state, step, now) => FailoverTimers.Of(step) == FailoverTimer.PreemptDelay ? now : FailoverTimers.Due(config, state, step, now));
        TimedAction[] actions =
        [
            new ActEvent(new PowerOn(UnitRole.Primary, BothUnits: true), true),
            new ActEvent(new CommandEvent(UnitRole.Primary, null, new FailoverGroupMode(FailoverGroupId.One, [new SetPreempt(60)])), true),
            new ActEvent(new PowerOff(UnitRole.Primary), true),
            new ActEvent(new PowerOn(UnitRole.Primary), true),
        ];

        var violation = TimedClaims.Check(broken, actions);

        Assert.Equal(TimedClaims.APreemptNeverHappensBeforeItsDelay, violation?.Claim);
        Assert.Null(TimedClaims.Check(new TimedPair(new FailoverPair(Seed)), actions));
    }
}
