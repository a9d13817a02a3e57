using FailoverModel.Asa;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupState;
using static FailoverModel.Topology.UnitRole;

namespace FailoverModel.Tests.Invariants;

/// <summary>
/// <see cref="AGroupFailsOverOnInterfacesOnlyAtItsThreshold"/> counts the seed's threshold itself: a group marked failed
/// below its interface policy is caught, at the policy it is not, interfaces failed on both units do not count, and a
/// group left active at its policy while its standby is ready is caught once the pair has settled.
/// </summary>
public class InterfacePolicyInvariantTests
{
    private static readonly PairConfig Seed = SeedPair.Config;
    private static readonly FailoverPair Pair = SeedPair.Pair;
    private static readonly PairState Running = SeedPair.Running;
    private static readonly AGroupFailsOverOnInterfacesOnlyAtItsThreshold Invariant = new();
    private static readonly Event FailsOnActive = new GroupStep(Primary, FailoverGroupId.One, GroupTrigger.InterfaceFailureOnActiveGroup);
    private static readonly Event FailsOnStandby = new GroupStep(Primary, FailoverGroupId.Two, GroupTrigger.InterfaceFailureOnStandbyGroup);

    private static ulong Bit(string context, string nameif) => 1UL << Seed.InterfaceIndex(new ContextInterface(context, nameif));

    private static PairState Failing(PairState s, UnitRole unit, ulong interfaces) => s.WithFailedInterfaces(unit, interfaces);

    private static PairState MarkFailed(PairState s, UnitRole unit, int group) => s.WithGroup(unit, group, Failed);

    private static PairState Policy(PairState s, UnitRole unit, int number, InterfacePolicy policy)
    {
        var group = FailoverGroupId.Of(number);
        return s.With(unit, s.Unit(unit).WithSettings(group, s.Unit(unit).Settings(group) with { Policy = policy }));
    }

    private static string? Check(PairState before, Event e, PairState after, FailoverPair? pair = null) =>
        Invariant.Check(new InvariantContext(pair ?? Pair, before, e, after));

    [Fact]
    public void TheModelsOwnInterfaceFailoverHolds()
    {
        var before = Failing(Running, Primary, Bit("context1", "outside"));
        var step = Pair.Apply(before, FailsOnActive);

        Assert.Equal(Failed, step.State.GroupState(Primary, FailoverGroupId.One));
        Assert.Null(Check(before, FailsOnActive, step.State));
    }

    [Fact]
    public void AGroupFailedBelowItsPolicyIsCaught()
    {
        Assert.Equal(
            "group 1 failed on primary with 0 of 2 monitored interfaces failed, below its interface policy 1",
            Check(Running, FailsOnActive, MarkFailed(Running, Primary, 1)));
        Assert.Equal(
            "group 2 failed on primary with 0 of 2 monitored interfaces failed, below its interface policy 1",
            Check(Running, FailsOnStandby, MarkFailed(Running, Primary, 2)));

        // An interface of the other group does not count.
        var otherGroup = Failing(Running, Primary, Bit("context2", "inside"));
        Assert.Equal(
            "group 1 failed on primary with 0 of 2 monitored interfaces failed, below its interface policy 1",
            Check(otherGroup, FailsOnActive, MarkFailed(otherGroup, Primary, 1)));
    }

    /// <summary>A group with no monitored interface cannot fail on interfaces, whatever share its policy asks for (0 of 0).</summary>
    [Fact]
    public void AGroupWithoutMonitoredInterfacesFailedOnInterfacesIsCaught()
    {
        var unmonitored = SeedPair.WithContexts(c => c.Group == FailoverGroupId.Two ? c with { Interfaces = [.. c.Interfaces.Select(i => i with { Monitored = false })] } : c);
        var pair = new FailoverPair(unmonitored);
        var running = Policy(pair.Run([new PowerOn(Primary, BothUnits: true)]), Primary, 2, new InterfacePolicy(50, true));

        Assert.Equal(
            "group 2 failed on primary with 0 of 0 monitored interfaces failed, below its interface policy 50%",
            Check(running, FailsOnStandby, MarkFailed(running, Primary, 2), pair));
    }

    [Fact]
    public void ACountPolicyIsReachedAtItsValueNotBelow()
    {
        var two = Policy(Failing(Running, Primary, Bit("context1", "outside")), Primary, 1, new InterfacePolicy(2, false));

        Assert.Equal(
            "group 1 failed on primary with 1 of 2 monitored interfaces failed, below its interface policy 2",
            Check(two, FailsOnActive, MarkFailed(two, Primary, 1)));
        var both = Failing(two, Primary, Bit("context1", "outside") | Bit("context1", "inside"));
        Assert.Null(Check(both, FailsOnActive, MarkFailed(both, Primary, 1)));
    }

    [Fact]
    public void APercentagePolicyIsReachedAtItsShareNotBelow()
    {
        var one = Failing(Running, Primary, Bit("context1", "outside"));
        var half = Policy(one, Primary, 1, new InterfacePolicy(50, true));
        var most = Policy(one, Primary, 1, new InterfacePolicy(51, true));

        Assert.Null(Check(half, FailsOnActive, MarkFailed(half, Primary, 1)));
        Assert.Equal(
            "group 1 failed on primary with 1 of 2 monitored interfaces failed, below its interface policy 51%",
            Check(most, FailsOnActive, MarkFailed(most, Primary, 1)));
        var none = Policy(Running, Primary, 1, new InterfacePolicy(1, true));
        Assert.Equal(
            "group 1 failed on primary with 0 of 2 monitored interfaces failed, below its interface policy 1%",
            Check(none, FailsOnActive, MarkFailed(none, Primary, 1)));
    }

    [Fact]
    public void AnInterfaceFailedOnBothUnitsDoesNotCountWhileTheyTalk()
    {
        var outside = Bit("context1", "outside");
        var both = Failing(Failing(Running, Primary, outside), Secondary, outside);

        Assert.Equal(
            "group 1 failed on primary with 0 of 2 monitored interfaces failed, below its interface policy 1",
            Check(both, FailsOnActive, MarkFailed(both, Primary, 1)));
        var linkDown = both with { FailoverLink = LinkStatus.Down };
        Assert.Null(Check(linkDown, FailsOnActive, MarkFailed(linkDown, Primary, 1)));
        var mateOff = both.With(Secondary, both.Secondary with { Status = UnitStatus.FailoverOff });
        Assert.Null(Check(mateOff, FailsOnActive, MarkFailed(mateOff, Primary, 1)));
    }

    [Fact]
    public void OnlyInterfaceFailureStepsThatMarkAGroupFailedAreJudged()
    {
        var failed = MarkFailed(Running, Primary, 1);

        Assert.Null(Check(Running, new GroupStep(Primary, FailoverGroupId.One, GroupTrigger.MateUnitFailure), failed));
        Assert.Null(Check(Running, new PowerOff(Secondary), failed));
        Assert.Null(Check(failed, FailsOnActive, failed));
        Assert.Null(Invariant.Check(new InvariantContext(Pair, null, null, failed)));
    }

    /// <summary>The model would fail the group over at once; a pair that counts the threshold off by one settles with it active.</summary>
    [Fact]
    public void AGroupLeftActiveAtItsPolicyWhileItsStandbyIsReadyIsCaught()
    {
        var offByOne = BrokenVariants.All["CountsTheThresholdOffByOne"](Seed);
        var outside = Bit("context1", "outside");
        var stuck = Failing(Running, Primary, outside);
        var e = new InterfaceChange(Primary, new ContextInterface("context1", "outside"), Up: false);

        Assert.Null(offByOne.NextInternal(stuck));
        Assert.Equal(
            "group 1 stays active on primary with 1 of 2 monitored interfaces failed, at its interface policy 1, while its standby is ready",
            Check(Running, e, stuck, offByOne));
        Assert.Equal(
            "group 2 stays active on secondary with 1 of 2 monitored interfaces failed, at its interface policy 1, while its standby is ready",
            Check(Running, e, Failing(Running, Secondary, Bit("context2", "inside")), offByOne));

        // Not settled, the mate failed as much, the standby not ready, the link down, a unit without failover: nothing to judge.
        Assert.Null(Check(Running, e, stuck));
        Assert.Null(Check(Running, e, Failing(stuck, Secondary, Bit("context1", "inside")), offByOne));
        Assert.Null(Check(Running, e, MarkFailed(stuck, Secondary, 1), offByOne));
        Assert.Null(Check(Running, e, stuck with { FailoverLink = LinkStatus.Down }, offByOne));
        Assert.Null(Check(Running, e, stuck.With(Secondary, stuck.Secondary with { Status = UnitStatus.FailoverOff }), offByOne));
        Assert.Null(Check(Running, e, stuck.With(Primary, stuck.Primary with { Status = UnitStatus.FailoverOff }), offByOne));
        Assert.Null(Check(Running, e, Policy(stuck, Primary, 1, new InterfacePolicy(2, false)), offByOne));
    }
}
