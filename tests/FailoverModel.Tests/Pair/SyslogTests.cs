using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

/// <summary>The messages each kind of step logs, with ASA's ids and texts (ASA-FACTS, "Syslog").</summary>
public class SyslogTests
{
    private static readonly FailoverPair Pair = new(BuiltInConfigurations.SeedLanExample);
    private static readonly PairState Running = Pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

    private static List<string> Messages(PairState from, Event e) => [.. Pair.Step(from, e).Messages.Select(m => m.ToString())];

    /// <summary>Seed: "Within switchover, failover logically shuts down and then brings up interfaces, which generates syslog 411001 and 411002 messages."</summary>
    [Fact]
    public void ASwitchoverBouncesTheLineProtocolOfTheGroupsInterfacesOnBothUnits()
    {
        var messages = Messages(Running, new CommandEvent(UnitRole.Primary, null, new NoFailoverActive(1)));

        foreach (var unit in (string[])["primary", "secondary"])
        {
            Assert.Contains($"{unit} group 1: %ASA-4-411002: Line protocol on Interface inside, changed state to down", messages);
            Assert.Contains($"{unit} group 1: %ASA-4-411001: Line protocol on Interface outside, changed state to up", messages);
        }

        Assert.DoesNotContain(messages, m => m.Contains("group 2", StringComparison.Ordinal));
        Assert.Contains("secondary group 1: %ASA-1-104001: (Secondary) Switching to ACTIVE - Other unit wants me Active.", messages);
        Assert.Contains("primary group 1: %ASA-1-104002: (Primary) Switching to STANDBY - Set by the config command.", messages);
    }

    [Fact]
    public void AMonitoredInterfaceThatFailsIsTestedAndOneThatRecoversIsNormal()
    {
        var down = Messages(Running, new InterfaceChange(UnitRole.Secondary, "context2/inside", Up: false));
        var after = Pair.Step(Running, new InterfaceChange(UnitRole.Secondary, "context2/inside", Up: false)).State;
        var up = Messages(after, new InterfaceChange(UnitRole.Secondary, "context2/inside", Up: true));

        Assert.Equal(
            [
                "secondary group 2: %ASA-4-411002: Line protocol on Interface inside, changed state to down",
                "secondary group 2: %ASA-1-105008: (Secondary) Testing Interface inside",
                "secondary group 2: %ASA-1-105009: (Secondary) Testing on interface inside Failed",
            ],
            down.Take(3));
        Assert.Contains("secondary group 2: %ASA-1-105004: (Secondary) Monitoring on interface inside normal", up);
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
        Assert.Contains(messages, m => m.Unit == UnitRole.Secondary && m.Id == 104001 && m.Group == 1);
    }
}
