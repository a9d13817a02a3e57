using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Tests.Exploration;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

/// <summary>
/// Events print as the scenario line that produces them (docs/scenario-language.md): counterexamples, vectors and transcripts are
/// written with <c>ToString</c> and read back with the scenario parser, so the two must agree on every event.
/// </summary>
public class EventTextTests
{
    private static readonly PairConfig Seed = BuiltInConfigurations.SeedLanExample;

    /// <summary>The alphabet of the seed's configuration, in the order the explorer and the vectors use it.</summary>
    [Fact]
    public void TheSeedsAlphabetIsEveryFaultRestorationAndFailoverCommand()
    {
        string[] perUnit(string unit) =>
        [
            $"{unit}: failover", $"{unit}: no failover", $"{unit}: failover active", $"{unit}: no failover active",
            $"{unit}: failover active group 1", $"{unit}: no failover active group 1", $"{unit}: failover active group 2",
            $"{unit}: no failover active group 2", $"{unit}: failover reset", $"{unit}: write memory", $"{unit}: write standby",
        ];
        string[] interfaces(string unit) =>
        [
            .. new[] { "context1/inside", "context1/outside", "context2/inside", "context2/outside" }
                .SelectMany(i => new[] { $"interface-down {unit} {i}", $"interface-up {unit} {i}" }),
        ];
        string[] faults(string unit) => [$"power-on {unit}", $"power-off {unit}", $"crash {unit}", $"hardware-fail {unit}", $"replace {unit}"];

        Assert.Equal(
            [
                "power-on primary secondary", .. faults("primary"), .. faults("secondary"), .. interfaces("primary"), .. interfaces("secondary"),
                "link-down failover", "link-up failover", "link-down state", "link-up state", .. perUnit("primary"), .. perUnit("secondary"),
            ],
            EventAlphabet.For(Seed).Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void APairWithoutItsOwnStatefulLinkHasNoStateLinkEvents()
    {
        var shared = new PairConfig("shared link", Seed.Groups, Seed.Contexts, Seed.AdminContext, Seed.FailoverLink, Seed.FailoverLink);
        var none = new PairConfig("no state link", Seed.Groups, Seed.Contexts, Seed.AdminContext, Seed.FailoverLink, null);

        Assert.True(shared.StateLinkIsFailoverLink);
        Assert.DoesNotContain(EventAlphabet.For(shared), e => e is LinkChange { Link: LinkKind.State });
        Assert.DoesNotContain(EventAlphabet.For(none), e => e is LinkChange { Link: LinkKind.State });
        Assert.Equal(EventAlphabet.For(Seed).Count - 2, EventAlphabet.For(shared).Count);
    }

    [Fact]
    public void OnlyMonitoredInterfacesAndConfiguredGroupsAreInTheAlphabet()
    {
        var alphabet = EventAlphabet.For(ExplorerTests.OneGroup).Select(e => e.ToString()).ToList();

        Assert.Contains("interface-down primary admin/inside", alphabet);
        Assert.DoesNotContain(alphabet, e => e.Contains("group 2", StringComparison.Ordinal));
        Assert.Contains("secondary: no failover active group 1", alphabet);
        Assert.Equal(1 + 10 + 4 + 4 + 2 * 9, alphabet.Count);
    }

    public static TheoryData<string> ExternalEvents()
    {
        var events = EventAlphabet.For(Seed).Select(e => e.ToString()).ToList();
        events.AddRange(
        [
            "primary/context1: write memory", "secondary/context2: write standby", "primary: write memory all",
            "secondary: copy running-config startup-config", "primary: failover reset group 2", "connect context1 http",
            "connect context2 service-module", "primary/context1: access-list 1 permit ip any any",
        ]);
        return [.. events];
    }

    [Theory]
    [MemberData(nameof(ExternalEvents))]
    public void AnEventReadsBackFromItsText(string text)
    {
        var scenario = ScenarioParser.Parse(text + "\n", "event.scenario", Seed);

        var statement = Assert.IsType<EventStatement>(Assert.Single(scenario.Statements));
        Assert.Equal(text, statement.Event.ToString());
        Assert.False(statement.Event.IsInternal);
    }

    [Fact]
    public void InternalStepsPrintAsCommentsNamingTheirUnitGroupAndTrigger()
    {
        Assert.Equal("# primary group 2: Preempt", new GroupStep(UnitRole.Primary, FailoverGroupId.Two, GroupTrigger.Preempt).ToString());
        Assert.Equal("# secondary: MateUnitFailure", new GroupStep(UnitRole.Secondary, GroupStep.EveryGroup, GroupTrigger.MateUnitFailure).ToString());
        Assert.Equal("# secondary: ReloadCompletes", new UnitStep(UnitRole.Secondary, UnitTrigger.ReloadCompletes).ToString());
        Assert.True(new GroupStep(UnitRole.Primary, FailoverGroupId.One, GroupTrigger.Preempt).IsInternal);
        Assert.True(new UnitStep(UnitRole.Primary, UnitTrigger.ReloadCompletes).IsInternal);
        Assert.Equal([UnitRole.Primary, UnitRole.Secondary], new PowerOn(UnitRole.Secondary, BothUnits: true).Units);
        Assert.Equal([UnitRole.Secondary], new PowerOn(UnitRole.Secondary).Units);
    }

    [Fact]
    public void ConnectionKindsReadAndPrintAsTheirTokens()
    {
        foreach (var (kind, token) in ConnectionKindValues.All)
        {
            Assert.Equal(token, kind.Token());
            Assert.True(ConnectionKindValues.TryParse(token, out var read));
            Assert.Equal(kind, read);
        }

        Assert.Throws<InvalidOperationException>(() => (ConnectionKinds.Tcp | ConnectionKinds.Udp).Token());
        Assert.False(ConnectionKindValues.TryParse("smtp", out var none));
        Assert.Equal(ConnectionKinds.None, none);
        Assert.Equal(["tcp", "http", "routing"], ConnectionKindValues.Tokens(ConnectionKinds.Routing | ConnectionKinds.Tcp | ConnectionKinds.Http));
        Assert.Equal(
            ["xlate", "tcp", "udp", "arp", "ipsec", "gtp"],
            ConnectionKindValues.Tokens(ConnectionKindValues.Replicable(Seed.Groups[0] with { ReplicationHttp = false })));
        Assert.Equal(
            ["xlate", "tcp", "udp", "arp", "http", "ipsec", "gtp"],
            ConnectionKindValues.Tokens(ConnectionKindValues.Replicable(Seed.Groups[0] with { ReplicationHttp = true })));
    }

    [Fact]
    public void ActiveOnReadsAndPrintsAsItsToken()
    {
        foreach (var value in Enum.GetValues<ActiveOn>())
        {
            Assert.True(ActiveOnValues.TryParse(value.Token(), out var read));
            Assert.Equal(value, read);
        }

        Assert.Equal(["none", "primary", "secondary", "both"], Enum.GetValues<ActiveOn>().Select(v => v.Token()));
        Assert.False(ActiveOnValues.TryParse("everywhere", out _));
        Assert.Equal(ActiveOn.Secondary, ActiveOnValues.Of(UnitRole.Secondary));
        Assert.Equal(ActiveOn.Primary, ActiveOnValues.Of(UnitRole.Primary));
    }
}
