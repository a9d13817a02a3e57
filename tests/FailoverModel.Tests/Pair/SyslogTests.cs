using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

/// <summary>The messages each kind of step logs, with ASA's ids and texts (docs/sources.md, "Syslog").</summary>
public class SyslogTests
{
    private static readonly FailoverPair Pair = new(BuiltInConfigurations.SeedLanExample);
    private static readonly PairState Running = Pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

    private static List<string> Messages(PairState from, Event e) => [.. Pair.Step(from, e).Messages.Select(m => m.ToString())];

    /// <summary>Seed: "Within switchover, failover logically shuts down and then brings up interfaces, which generates syslog 411001 and 411002 messages."</summary>
    [Fact]
    public void ASwitchoverBouncesTheLineProtocolOfTheGroupsInterfacesOnBothUnits()
    {
        var messages = Messages(Running, new CommandEvent(UnitRole.Primary, null, new NoFailoverActive(FailoverGroupId.One)));

        foreach (var unit in (string[])["primary", "secondary"])
        {
            Assert.Contains($"{unit} group 1: %ASA-4-411002: Line protocol on Interface inside, changed state to down", messages);
            Assert.Contains($"{unit} group 1: %ASA-4-411001: Line protocol on Interface outside, changed state to up", messages);
        }

        Assert.DoesNotContain(messages, m => m.Contains("group 2", StringComparison.Ordinal));
        Assert.Contains("secondary group 1: %ASA-1-104001: (Secondary) Switching to ACTIVE - mate want me Active", messages);
        Assert.Contains("primary group 1: %ASA-1-104002: (Primary) Switching to STANDBY - Set by the config command.", messages);
    }

    /// <summary>
    /// The seed's two contexts both name their interfaces inside and outside; renamed, they show that a switchover
    /// bounces the interfaces of the switching group's contexts only.
    /// </summary>
    [Theory]
    [InlineData(1, UnitRole.Primary)]
    [InlineData(2, UnitRole.Secondary)]
    public void ASwitchoverBouncesOnlyTheInterfacesOfTheContextsOfItsGroup(int group, UnitRole active)
    {
        var renamed = SeedPair.WithContexts(c => c with { Interfaces = [.. c.Interfaces.Select(i => i with { Nameif = $"{c.Name}-{i.Nameif}" })] });
        var pair = new FailoverPair(renamed);
        var running = pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

        var bounced = pair.Step(running, new CommandEvent(active, null, new NoFailoverActive(FailoverGroupId.Of(group)))).Messages
            .Where(m => m.Id is 411001 or 411002)
            .Select(m => m.Text.Split(' ')[4].TrimEnd(','))
            .ToHashSet();

        var expected = renamed.Contexts.Where(c => c.Group.Number == group).SelectMany(c => c.Interfaces).Select(i => i.Nameif).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, bounced);
    }

    /// <summary>
    /// ASA syslog messages guide, 105008: logged when the unit heard nothing from its mate on the interface after the
    /// expected interval. Both units stop hearing each other's hellos there; the one whose link is down fails the test,
    /// the mate passes it, and Active/Active units tag 105009 with the group.
    /// </summary>
    [Fact]
    public void AMonitoredInterfaceThatFailsIsTestedOnBothUnitsAndOneThatRecoversIsNormal()
    {
        var down = Messages(Running, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false));
        var after = Pair.Step(Running, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)).State;
        var up = Messages(after, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: true));

        Assert.Equal(
            [
                "secondary group 2: %ASA-4-411002: Line protocol on Interface inside, changed state to down",
                "secondary group 2: %ASA-1-105008: (Secondary) Testing Interface inside",
                "secondary group 2: %ASA-1-105009: (Secondary_group_2) Testing on interface inside Failed",
                "primary group 2: %ASA-1-105008: (Primary) Testing Interface inside",
                "primary group 2: %ASA-1-105009: (Primary_group_2) Testing on interface inside Passed",
            ],
            down.Take(5));
        Assert.Contains("secondary group 2: %ASA-1-105004: (Secondary) Monitoring on interface inside normal", up);
    }

    /// <summary>105008 needs a mate that was heard on the interface: one silent there already, or not running failover, stops nothing.</summary>
    [Fact]
    public void AnInterfaceTheMateWasSilentOnLogsNoTest()
    {
        var inside = new ContextInterface("context2", "inside");
        var mateDown = Pair.Run([new InterfaceChange(UnitRole.Primary, inside, Up: false)], Running);
        var mateOff = Pair.Run([new CommandEvent(UnitRole.Primary, null, new DisableFailover())], Running);

        foreach (var before in new[] { mateDown, mateOff })
        {
            var messages = Messages(before, new InterfaceChange(UnitRole.Secondary, inside, Up: false));
            Assert.DoesNotContain(messages, m => m.Contains("-105008:", StringComparison.Ordinal) || m.Contains("-105009:", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// ASA syslog messages guide, 103001: reason code 1 when no hello came over a failover link that is up, 4 when the
    /// failover link is down and no data interface answered the tests.
    /// </summary>
    [Fact]
    public void NoResponseFromTheMateGivesTheReasonCodeOfWhatTheUnitSaw()
    {
        var code1 = Messages(Running, new PowerOff(UnitRole.Primary));
        var cut = Pair.Run([new LinkChange(LinkKind.Failover, Up: false)], Running);
        var code4 = Messages(cut, new PowerOff(UnitRole.Primary));

        Assert.Contains("secondary: %ASA-1-103001: (Secondary) No response from other firewall (reason code = 1).", code1);
        Assert.Contains("secondary: %ASA-1-103001: (Secondary) No response from other firewall (reason code = 4).", code4);
    }

    /// <summary>ASA syslog messages guide: 709003-709006 are alerts (severity 1) with the unit's designation.</summary>
    [Fact]
    public void ConfigurationReplicationIsLoggedAtSeverityOneWithTheUnit()
    {
        var messages = Messages(Running, new CommandEvent(UnitRole.Primary, null, new WriteStandby()));

        Assert.Equal(
            [
                "primary: %ASA-1-709003: (Primary) Beginning configuration replication: Send to mate.",
                "secondary: %ASA-1-709005: (Secondary) Beginning configuration replication: Receiving from mate.",
                "primary: %ASA-1-709004: (Primary) End Configuration Replication (ACT)",
                "secondary: %ASA-1-709006: (Secondary) End Configuration Replication (STB)",
            ],
            messages.Where(m => m.Contains("-7090", StringComparison.Ordinal)));
    }

    /// <summary>A captured real pair: "(Primary) Switching to STNDBY - interface check, mate is healthier" and "(Secondary) Switching to ACTIVE - mate want me Active".</summary>
    [Fact]
    public void AnInterfaceFailureOverTheThresholdSwitchesWithCiscosReasons()
    {
        var messages = Messages(Running, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "outside"), Up: false));

        Assert.Contains("primary group 1: %ASA-1-104002: (Primary) Switching to STANDBY - interface check, mate is healthier", messages);
        Assert.Contains("primary group 1: %ASA-1-104003: (Primary) Switching to FAILED.", messages);
        Assert.Contains("secondary group 1: %ASA-1-104001: (Secondary) Switching to ACTIVE - mate want me Active", messages);
        Assert.DoesNotContain(messages, m => m.Contains("CI config", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFailoverLinkLogsFailedAndOkOnEveryUnitRunningFailover()
    {
        var down = Messages(Running, new LinkChange(LinkKind.Failover, Up: false));
        var cut = Pair.Step(Running, new LinkChange(LinkKind.Failover, Up: false)).State;
        var up = Messages(cut, new LinkChange(LinkKind.Failover, Up: true));

        Assert.Contains("primary: %ASA-1-105043: (Primary) Failover interface failed", down);
        Assert.Contains("secondary: %ASA-1-105005: (Secondary) Lost Failover communications with mate on interface LANFailover", down);
        Assert.Contains("primary: %ASA-1-105042: (Primary) Failover interface OK", up);
        Assert.Contains("secondary: %ASA-1-105042: (Secondary) Failover interface OK", up);
    }

    [Fact]
    public void APoweredOffUnitLogsNothing()
    {
        var messages = Pair.Step(Running, new PowerOff(UnitRole.Primary)).Messages;

        Assert.DoesNotContain(messages, m => m.Unit == UnitRole.Primary);
        Assert.Contains(messages, m => m.Unit == UnitRole.Secondary && m.Id == 104001 && m.Group == FailoverGroupId.One);
    }

    [Fact]
    public void AnInterfaceOfAUnitWithoutFailoverOnlyChangesItsLineProtocol()
    {
        var off = Pair.Run([new CommandEvent(UnitRole.Secondary, null, new DisableFailover())], Running);

        Assert.Equal(
            ["secondary group 2: %ASA-4-411002: Line protocol on Interface inside, changed state to down"],
            Messages(off, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)));
        var down = Pair.Run([new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)], off);
        Assert.Equal(
            ["secondary group 2: %ASA-4-411001: Line protocol on Interface inside, changed state to up"],
            Messages(down, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: true)));
        Assert.Empty(Messages(Pair.Initial, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)));
        Assert.Equal(1UL << 2, Pair.Step(Pair.Initial, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)).State.Secondary.FailedInterfaces);
    }

    [Fact]
    public void AMonitoredInterfaceThatRecoversIsBackToNormal()
    {
        var down = Pair.Run([new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "outside"), Up: false)], Running);

        var messages = Messages(down, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "outside"), Up: true));

        Assert.Equal("secondary group 1: %ASA-4-411001: Line protocol on Interface outside, changed state to up", messages[0]);
        Assert.Equal("secondary group 1: %ASA-1-105004: (Secondary) Monitoring on interface outside normal", messages[1]);
    }

    [Fact]
    public void AnInterfaceTheConfigurationDoesNotHaveIsAProgrammingError()
    {
        var error = Assert.Throws<ArgumentException>(() => Pair.Apply(Running, new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "dmz"), Up: false)));
        Assert.StartsWith("no interface context1/dmz in the configuration", error.Message);
    }

    [Fact]
    public void TheStatefulLinkOfAPairWithoutOneCannotFail()
    {
        var regular = new FailoverPair(SeedPair.WithoutStatefulLink);
        var running = regular.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

        var step = regular.Step(running, new LinkChange(LinkKind.State, Up: false));

        Assert.Equal(running, step.State);
        Assert.Equal(["no Stateful Failover link is configured"], step.Notes);
        Assert.Empty(step.Rows);
    }

    [Fact]
    public void ALinkFailureIsATableRowOnlyWhileTheUnitsOperate()
    {
        var state = Pair.Step(Running, new LinkChange(LinkKind.State, Up: false));
        var failover = Pair.Step(Running, new LinkChange(LinkKind.Failover, Up: false));
        var poweredOff = Pair.Step(Pair.Initial, new LinkChange(LinkKind.State, Up: false));
        var booting = Pair.Apply(Pair.Initial, new PowerOn(UnitRole.Primary)).State;

        Assert.Equal([FailureEvent.StatefulFailoverLinkFailed], state.Rows);
        Assert.Equal([FailureEvent.FailoverLinkFailedDuringOperation], failover.Rows.Distinct());
        Assert.Empty(poweredOff.Rows);
        Assert.Equal(LinkStatus.Down, poweredOff.State.StateLink);
        Assert.Empty(Pair.Apply(booting, new LinkChange(LinkKind.Failover, Up: false)).Rows.ToArray());

        // Each unit sees its own failover interface fail at once; the loss of its mate (105005) and row 7 come with its
        // holdtime, after LANTEST answered on a data interface.
        Assert.Empty(Pair.Apply(Running, new LinkChange(LinkKind.Failover, Up: false)).Rows);
        Assert.Equal(
            [
                "primary: %ASA-1-105043: (Primary) Failover interface failed", "secondary: %ASA-1-105043: (Secondary) Failover interface failed",
                "primary: %ASA-1-105005: (Primary) Lost Failover communications with mate on interface LANFailover",
                "secondary: %ASA-1-105005: (Secondary) Lost Failover communications with mate on interface LANFailover",
            ],
            failover.Messages.Select(m => m.ToString()));
        Assert.Equal(
            ["primary: %ASA-1-105042: (Primary) Failover interface OK", "secondary: %ASA-1-105042: (Secondary) Failover interface OK"],
            Pair.Apply(failover.State, new LinkChange(LinkKind.Failover, Up: true)).Messages.Select(m => m.ToString()));
        Assert.Equal(["the failover link is already down"], Pair.Apply(failover.State, new LinkChange(LinkKind.Failover, Up: false)).Notes.ToArray());
        Assert.Equal(["the state link is already up"], Pair.Apply(Running, new LinkChange(LinkKind.State, Up: true)).Notes.ToArray());
    }

    [Fact]
    public void AnInterfaceAlreadyDownLogsNothingMore()
    {
        var down = Pair.Run([new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "outside"), Up: false)], Running);

        var again = Pair.Apply(down, new InterfaceChange(UnitRole.Secondary, new ContextInterface("context1", "outside"), Up: false));

        Assert.Empty(again.Messages);
        Assert.Equal(["context1/outside is already down on secondary"], again.Notes.ToArray());
        Assert.False(again.Changed);
    }

    [Fact]
    public void ASwitchoverBouncesOnlyTheInterfacesOfTheGroupsContexts()
    {
        var messages = Messages(Running, new CommandEvent(UnitRole.Primary, null, new NoFailoverActive(FailoverGroupId.One)));

        Assert.Equal(4, messages.Count(m => m.Contains("411002", StringComparison.Ordinal)));
        Assert.Equal(4, messages.Count(m => m.Contains("411001", StringComparison.Ordinal)));
    }

    [Fact]
    public void AStatefulLinkFailureOnASingleRunningUnitIsRowSix()
    {
        var alone = Pair.Run([new PowerOn(UnitRole.Primary)]);

        Assert.Equal([FailureEvent.StatefulFailoverLinkFailed], Pair.Apply(alone, new LinkChange(LinkKind.State, Up: false)).Rows.ToArray());
    }

    [Fact]
    public void AFailoverLinkFailureIsRowSevenWhereverAGroupServesOrStandsBy()
    {
        var mixed = Pair.Run(
            [new InterfaceChange(UnitRole.Primary, new ContextInterface("context1", "inside"), Up: false), new InterfaceChange(UnitRole.Secondary, new ContextInterface("context2", "inside"), Up: false)],
            Running);
        Assert.Equal((GroupState.Failed, GroupState.Failed), (mixed.GroupState(UnitRole.Primary, FailoverGroupId.One), mixed.GroupState(UnitRole.Secondary, FailoverGroupId.Two)));

        Assert.Equal([FailureEvent.FailoverLinkFailedDuringOperation], Pair.Step(mixed, new LinkChange(LinkKind.Failover, Up: false)).Rows.Distinct().ToArray());
    }

    [Fact]
    public void SyslogInJsonCarriesUnitIdTextAndGroup()
    {
        var line = PairStateJson.StepLine(
            BuiltInConfigurations.SeedLanExample, 2, 7, "crash primary", Running,
            [new SyslogMessage(UnitRole.Primary, 104001, "(Primary) Switching to ACTIVE - x.", FailoverGroupId.Two), new SyslogMessage(UnitRole.Secondary, 105042, "(Secondary) Failover interface OK")]);

        Assert.StartsWith("{\"step\":2,\"line\":7,\"event\":\"crash primary\",\"units\":", line);
        Assert.EndsWith(
            "\"syslog\":[{\"unit\":\"primary\",\"id\":104001,\"text\":\"(Primary) Switching to ACTIVE - x.\",\"group\":2},{\"unit\":\"secondary\",\"id\":105042,\"text\":\"(Secondary) Failover interface OK\"}]}",
            line);
    }

    /// <summary>ASA syslog messages guide: line protocol changes are warnings (4); every failover and replication message is an alert (1).</summary>
    [Theory]
    [InlineData(411001, 4)]
    [InlineData(411002, 4)]
    [InlineData(103001, 1)]
    [InlineData(104001, 1)]
    [InlineData(105009, 1)]
    [InlineData(709003, 1)]
    [InlineData(709006, 1)]
    public void EachMessageHasASAsSeverity(int id, int severity) =>
        Assert.Equal(severity, new SyslogMessage(UnitRole.Primary, id, "text").Severity);

    [Fact]
    public void AMessageOutsideTheCatalogueHasNoSeverity() =>
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(UnitRole.Primary, 710000, "text").Severity);
}
