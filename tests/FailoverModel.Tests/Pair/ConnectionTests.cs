using FailoverModel.Asa;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using static FailoverModel.Topology.UnitRole;

namespace FailoverModel.Tests.Pair;

/// <summary>
/// Seed, "Regular and Stateful Failover", step by step (events applied without settling, as an implementation under
/// test sees them): what the standby holds, what a group keeps while it changes units, and what is lost when no unit
/// can take it.
/// </summary>
public class ConnectionTests
{
    private static readonly PairConfig Seed = SeedPair.Config;
    private static readonly FailoverPair Pair = SeedPair.Pair;
    private static readonly PairState Running = SeedPair.Running;
    private static readonly OnlyReplicatedConnectionsSurviveAFailover Invariant = new();

    private static PairState Open(PairState s, string context, params ConnectionKinds[] kinds) =>
        kinds.Aggregate(s, (state, kind) => Pair.Step(state, new Connect(context, kind)).State);

    [Fact]
    public void TheStandbyHoldsTheReplicableKindsOfEachGroupOnly()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp, ConnectionKinds.Uauth, ConnectionKinds.Http);
        open = Open(open, "context2", ConnectionKinds.Gtp);

        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Uauth | ConnectionKinds.Http, ConnectionKinds.Tcp), open.Connections.Group(FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Gtp, ConnectionKinds.Gtp), open.Connections.Group(FailoverGroupId.Two));
    }

    [Fact]
    public void AStandbyTakingOverCarriesItsCopyBeforeItIsActiveAndLosesItIfItFallsToo()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp, ConnectionKinds.Routing);
        var primaryOff = Pair.Apply(open, new PowerOff(Primary)).State;

        // Between the fault and the secondary's activation, no unit is active; the secondary's copy is what the group has.
        Assert.Equal(ActiveOn.None, primaryOff.ActiveOn(FailoverGroupId.One));
        Assert.Equal(GroupState.StandbyReady, primaryOff.GroupState(Secondary, FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), primaryOff.Connections.Group(FailoverGroupId.One));

        var bothOff = Pair.Apply(primaryOff, new PowerOff(Secondary));
        Assert.Equal(default, bothOff.State.Connections.Group(FailoverGroupId.One));
        Assert.Null(Invariant.Check(new InvariantContext(Pair, primaryOff, bothOff.Event, bothOff.State)));

        var settled = Pair.Settle(primaryOff)[^1].State;
        Assert.Equal(ActiveOn.Secondary, settled.ActiveOn(FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), settled.Connections.Group(FailoverGroupId.One));
    }

    /// <summary>Group 2 is active on the secondary: its standby, the one whose copy survives, is the primary.</summary>
    [Fact]
    public void GroupTwoLeavesTheSecondaryWithTheCopyThePrimaryHeld()
    {
        var open = Open(Running, "context2", ConnectionKinds.Tcp, ConnectionKinds.Routing);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Routing, ConnectionKinds.Tcp), open.Connections.Group(FailoverGroupId.Two));

        var secondaryOff = Pair.Apply(open, new PowerOff(Secondary)).State;
        Assert.Equal(GroupState.StandbyReady, secondaryOff.GroupState(Primary, FailoverGroupId.Two));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), secondaryOff.Connections.Group(FailoverGroupId.Two));

        var settled = Pair.Settle(secondaryOff)[^1].State;
        Assert.Equal(ActiveOn.Primary, settled.ActiveOn(FailoverGroupId.Two));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), settled.Connections.Group(FailoverGroupId.Two));
    }

    /// <summary>
    /// A standby receives the connection table when it becomes Standby Ready for that group; the other group's standby
    /// becoming Standby Ready (here the primary, giving group 1 away) passes nothing for this one.
    /// </summary>
    [Fact]
    public void ConnectionsOpenedWithoutTheStatefulLinkStayUnreplicatedWhenTheOtherGroupChangesUnits()
    {
        var linkDown = Pair.Run([new LinkChange(LinkKind.State, Up: false)], Running);
        var open = Open(linkDown, "context2", ConnectionKinds.Tcp);
        var linkUp = Pair.Run([new LinkChange(LinkKind.State, Up: true)], open);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), linkUp.Connections.Group(FailoverGroupId.Two));

        var moved = Pair.Run([new CommandEvent(Primary, null, new NoFailoverActive(FailoverGroupId.One))], linkUp);

        Assert.Equal(ActiveOn.Secondary, moved.ActiveOn(FailoverGroupId.One));
        Assert.Equal(GroupState.StandbyReady, moved.GroupState(Primary, FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), moved.Connections.Group(FailoverGroupId.Two));
    }

    [Fact]
    public void AGroupActiveNowhereWithoutAStandbyLosesEverything()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp);
        var secondaryOff = Pair.Run([new PowerOff(Secondary)], open);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), secondaryOff.Connections.Group(FailoverGroupId.One));

        var primaryOff = Pair.Apply(secondaryOff, new PowerOff(Primary)).State;

        Assert.Equal(default, primaryOff.Connections.Group(FailoverGroupId.One));
        Assert.Equal(default, primaryOff.Connections.Group(FailoverGroupId.Two));
    }

    [Fact]
    public void AStandbyThatBecomesStandbyReadyReceivesTheOpenConnections()
    {
        var alone = Pair.Run([new PowerOff(Secondary)], Running);
        var open = Open(alone, "context1", ConnectionKinds.Tcp, ConnectionKinds.Uauth);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Uauth, ConnectionKinds.None), open.Connections.Group(FailoverGroupId.One));

        var joined = Pair.Run([new PowerOn(Secondary)], open);

        Assert.Equal(GroupState.StandbyReady, joined.GroupState(Secondary, FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Uauth, ConnectionKinds.Tcp), joined.Connections.Group(FailoverGroupId.One));
        var over = Pair.Run([new PowerOff(Primary)], joined);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), over.Connections.Group(FailoverGroupId.One));
    }

    /// <summary>
    /// The standby holds what was replicated while the Stateful Failover link was up: the link's loss clears it, and
    /// its return sends nothing again (no bulk sync: the standby stays Standby Ready throughout); only connections
    /// opened afterwards are replicated.
    /// </summary>
    [Fact]
    public void TheStatefulLinksReturnDoesNotReplicateConnectionsAlreadyOpen()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp);
        var down = Pair.Run([new LinkChange(LinkKind.State, Up: false)], open);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), down.Connections.Group(FailoverGroupId.One));

        var up = Pair.Run([new LinkChange(LinkKind.State, Up: true)], down);
        Assert.Equal(GroupState.StandbyReady, up.GroupState(Secondary, FailoverGroupId.One));
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.None), up.Connections.Group(FailoverGroupId.One));

        var later = Open(up, "context1", ConnectionKinds.Udp);
        Assert.Equal(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Udp, ConnectionKinds.Udp), later.Connections.Group(FailoverGroupId.One));
    }

    /// <summary>Enabling <c>replication http</c> passes HTTP connections opened from then on, not those already open.</summary>
    [Fact]
    public void EnablingHttpReplicationDoesNotReplicateHttpConnectionsAlreadyOpen()
    {
        var open = Open(Running, "context1", ConnectionKinds.Http);
        Assert.Equal(new GroupConnections(ConnectionKinds.Http, ConnectionKinds.None), open.Connections.Group(FailoverGroupId.One));

        var http = Pair.Run([new CommandEvent(Primary, null, new FailoverGroupMode(FailoverGroupId.One, [new SetReplicationHttp(true)]))], open);
        Assert.Equal(new GroupConnections(ConnectionKinds.Http, ConnectionKinds.None), http.Connections.Group(FailoverGroupId.One));

        var reopened = Open(http, "context1", ConnectionKinds.Http);
        Assert.Equal(new GroupConnections(ConnectionKinds.Http, ConnectionKinds.Http), reopened.Connections.Group(FailoverGroupId.One));
    }

    /// <summary>Between the fault and the standby's activation no unit passes traffic: a connection attempt then opens nothing.</summary>
    [Fact]
    public void NoConnectionIsOpenedWhileNoUnitIsActiveForTheGroup()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp);
        var primaryOff = Pair.Apply(open, new PowerOff(Primary)).State;
        Assert.Equal(ActiveOn.None, primaryOff.ActiveOn(FailoverGroupId.One));

        var attempt = Pair.Apply(primaryOff, new Connect("context1", ConnectionKinds.Udp));

        Assert.Equal(primaryOff, attempt.State);
        Assert.Equal(["no unit passes traffic for context1: nothing is opened"], attempt.Notes.ToArray());
    }

    [Fact]
    public void NoConnectionIsOpenedDuringASplitBrain()
    {
        var split = Pair.Run([new CommandEvent(Secondary, null, new DisableFailover())], Running);
        Assert.Equal(ActiveOn.Both, split.ActiveOn(FailoverGroupId.Two));

        var step = Pair.Step(split, new Connect("context2", ConnectionKinds.Tcp));

        Assert.Equal(split, step.State);
        Assert.Equal(["context2 is active on both units: the model does not open connections during a split brain"], step.Notes);
    }

    [Fact]
    public void TheInvariantNamesWhatTheStandbyShouldNotHold()
    {
        var open = Open(Running, "context1", ConnectionKinds.Tcp);
        PairState Holding(GroupConnections c) => open with { Connections = open.Connections.With(FailoverGroupId.One, c) };
        string? Check(PairState after) => Invariant.Check(new InvariantContext(Pair, open, new Connect("context1", ConnectionKinds.Tcp), after));

        Assert.Null(Check(open));
        Assert.Equal(
            "group 1: the standby holds udp, arp that is not open",
            Check(Holding(new GroupConnections(ConnectionKinds.Tcp, ConnectionKinds.Tcp | ConnectionKinds.Udp | ConnectionKinds.Arp))));
        Assert.Equal(
            "group 1: the standby holds http, routing, which Stateful Failover does not pass",
            Check(Holding(new GroupConnections(ConnectionKinds.Tcp | ConnectionKinds.Http | ConnectionKinds.Routing, ConnectionKinds.Tcp | ConnectionKinds.Http | ConnectionKinds.Routing))));
        var withHttp = Holding(new GroupConnections(ConnectionKinds.Http, ConnectionKinds.Http));
        withHttp = withHttp.With(Primary, withHttp.Primary.WithSettings(FailoverGroupId.One, withHttp.Primary.Settings1 with { ReplicationHttp = true }));
        Assert.Null(Check(withHttp));
        Assert.Equal(
            "group 1: secondary holds replicated state while it is Failed",
            Check(open.With(Secondary, open.Secondary.WithGroup(FailoverGroupId.One, open.Secondary.Group1 with { State = GroupState.Failed }))));
        var regular = new FailoverPair(SeedPair.WithoutStatefulLink);
        Assert.Equal(
            "group 1: secondary holds replicated state while no Stateful Failover link is configured",
            Invariant.Check(new InvariantContext(regular, open, null, open)));

        // The group 2 copy is judged from its own active unit, the secondary.
        var group2 = Open(Running, "context2", ConnectionKinds.Udp);
        Assert.Null(Invariant.Check(new InvariantContext(Pair, Running, null, group2)));
        Assert.Equal(
            "group 2: primary holds replicated state while it is Failed",
            Invariant.Check(new InvariantContext(Pair, Running, null, group2.With(Primary, group2.Primary.WithGroup(FailoverGroupId.Two, group2.Primary.Group2 with { State = GroupState.Failed })))));
    }
}
