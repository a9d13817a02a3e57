using FailoverModel.Asa;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Invariants;

/// <summary>
/// The configuration and connection invariants hold on the model's steps and catch a step that breaks the seed's rules
/// (a wrong step is made by editing the model's own result, as a broken implementation would produce it).
/// </summary>
public class ConfigurationAndConnectionInvariantTests
{
    private static readonly FailoverPair Pair = new(BuiltInConfigurations.SeedLanExample);
    private static readonly PairState Running = Pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

    private static CommandEvent Change(UnitRole unit, string? context) => new(unit, context, new ConfigurationCommand("access-list 1 permit ip any any", 0));

    /// <summary>The system execution space has no context name: it is named by the group it travels with (seed, "Command Replication").</summary>
    [Theory]
    [InlineData("context1", "context1")]
    [InlineData(null, "failover group 1")]
    public void AChangeOnTheRightUnitThatStaysThereIsCaught(string? context, string where)
    {
        var @event = Change(UnitRole.Primary, context);
        var after = Pair.Step(Running, @event).State;
        var invariant = new AChangeOnTheRightUnitReachesThePeer();

        Assert.Null(invariant.Check(new InvariantContext(Pair, Running, @event, after)));
        var notReplicated = after with { Secondary = after.Secondary with { Configuration = Running.Secondary.Configuration } };
        Assert.Equal(
            $"'access-list 1 permit ip any any' entered on primary, where {where} is active, did not reach the running configuration of secondary",
            invariant.Check(new InvariantContext(Pair, Running, @event, notReplicated)));
    }

    [Fact]
    public void ADivergenceWithoutACommandNotReplicatedIsCaught()
    {
        var invariant = new ConfigurationsDivergeOnlyThroughCommandsNotReplicated();
        var wrongUnit = Change(UnitRole.Secondary, "context1");
        var diverged = Pair.Step(Running, wrongUnit).State;

        Assert.Null(invariant.Check(new InvariantContext(Pair, Running, wrongUnit, diverged)));
        var linkDown = new LinkChange(LinkKind.Failover, Up: false);
        Assert.Equal(
            "the running configurations of context1 diverged on 'link-down failover', which is not a configuration command entered in that space",
            invariant.Check(new InvariantContext(Pair, Running, linkDown, diverged with { FailoverLink = LinkStatus.Down })));
        var rightUnit = Change(UnitRole.Primary, "context1");
        Assert.Equal(
            "the running configurations of context1 diverged on 'primary/context1: access-list 1 permit ip any any', entered on the unit that replicates it",
            invariant.Check(new InvariantContext(Pair, Running, rightUnit, Pair.Apply(Running, wrongUnit).State)));
    }

    [Fact]
    public void AConnectionThatSurvivesAFailoverWithoutBeingReplicatedIsCaught()
    {
        var invariant = new OnlyReplicatedConnectionsSurviveAFailover();
        var open = Pair.Step(Running, new Connect("context1", ConnectionKinds.Uauth)).State;
        var failover = new PowerOff(UnitRole.Primary);
        var after = Pair.Step(open, failover).State;

        Assert.Equal(default, after.Connections.Group(FailoverGroupId.One));
        Assert.Null(invariant.Check(new InvariantContext(Pair, open, failover, after)));
        var kept = after with { Connections = after.Connections.With(FailoverGroupId.One, new GroupConnections(ConnectionKinds.Uauth, ConnectionKinds.None)) };
        Assert.Equal(
            "group 1 left primary on 'power-off primary' and kept uauth, which the standby did not hold",
            invariant.Check(new InvariantContext(Pair, open, failover, kept)));
    }

    [Fact]
    public void ReplicatedStateWithoutAStatefulLinkIsCaught()
    {
        var invariant = new OnlyReplicatedConnectionsSurviveAFailover();
        var open = Pair.Step(Running, new Connect("context1", ConnectionKinds.Tcp)).State;
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.Tcp), open.Connections.Group(FailoverGroupId.One));

        var cut = Pair.Step(open, new LinkChange(LinkKind.State, Up: false)).State;
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), cut.Connections.Group(FailoverGroupId.One));
        Assert.Equal(
            "group 1: secondary holds replicated state while the Stateful Failover link is down",
            invariant.Check(new InvariantContext(Pair, open, new LinkChange(LinkKind.State, Up: false), cut with { Connections = open.Connections })));
    }

    [Fact]
    public void WithoutAStatefulLinkEveryConnectionIsDroppedAtFailover()
    {
        var regular = new FailoverPair(SeedPair.WithoutStatefulLink);
        var state = regular.Run([new PowerOn(UnitRole.Primary, BothUnits: true), new Connect("context1", ConnectionKinds.Tcp), new PowerOff(UnitRole.Primary)]);

        Assert.Equal(ActiveOn.Secondary, state.ActiveOn(FailoverGroupId.One));
        Assert.Equal(default, state.Connections.Group(FailoverGroupId.One));
    }

    /// <summary>Context commands replicate from where their own group is active: context2's from the secondary.</summary>
    [Fact]
    public void AContextChangeIsJudgedByTheGroupOfItsContext()
    {
        var invariant = new AChangeOnTheRightUnitReachesThePeer();
        var @event = new CommandEvent(UnitRole.Secondary, "context2", new ConfigurationCommand("route inside 0 0 10.0.0.1", 3));
        var after = Pair.Step(Running, @event).State;
        var space = Pair.Config.SpaceOf("context2");

        Assert.Equal(8UL, after.Primary.Configuration.Running(space));
        Assert.Null(invariant.Check(new InvariantContext(Pair, Running, @event, after)));
        Assert.Equal(
            "'route inside 0 0 10.0.0.1' entered on secondary, where context2 is active, did not reach the running configuration of primary",
            invariant.Check(new InvariantContext(Pair, Running, @event, after with { Primary = after.Primary with { Configuration = after.Primary.Configuration.WithRunning(space, 1) } })));
        var onPrimary = @event with { Unit = UnitRole.Primary };
        Assert.Null(invariant.Check(new InvariantContext(Pair, Running, onPrimary, Running)));
        Assert.Null(invariant.Check(new InvariantContext(Pair, Running, @event with { Command = new ConfigurationCommand("mode multiple", 3, Replicated: false) }, Running)));
    }
}
