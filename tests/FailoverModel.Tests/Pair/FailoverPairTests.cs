using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

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
        Assert.All(UnitRoles.Both, u => Assert.Equal(GroupState.Disabled, state.GroupState(u, 1)));
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
        Assert.Equal(ActiveOn.Secondary, state.ActiveOn(1));
        Assert.Equal(ActiveOn.Secondary, state.ActiveOn(2));
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
            new InterfaceChange(UnitRole.Secondary, "context1/inside", Up: false));
        Assert.Equal(1, Pair.FailedMonitored(state, UnitRole.Secondary, 1));
        state = Pair.Step(state, new InterfaceChange(UnitRole.Primary, "context1/inside", Up: false)).State;
        Assert.Equal(0, Pair.FailedMonitored(state, UnitRole.Primary, 1));
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
