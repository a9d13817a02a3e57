using System.Text.Json.Nodes;
using FailoverModel.Asa;
using FailoverModel.Oracle.Device;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// docs/oracle.md, "Device output": a trace may carry what the units printed (<c>show failover</c>, <c>show failover
/// state</c>, ASA syslog lines) instead of the state object; the seed's own outputs (tests/fixtures/device) conform to
/// the model after the same events, and one wrong word is reported with the line it is on.
/// </summary>
public class DeviceOutputTests
{
    private static string Fixture(string name) => File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "device", name));

    private static string[] SyslogLines() => Fixture("syslog-with-server-prefix.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The seed's output (PIX 7.2(2), indented) and another release's (ASA 7.0, the command reference's Active/Active
    /// example, tests/fixtures/device/README.md: no indentation, <c>failover replication http</c>, each context's
    /// interfaces, other statistics) are read alike: the unit's own groups, its view of the mate, the links, each with its line.
    /// </summary>
    [Theory]
    [InlineData("pix-7.2.2-primary-show-failover.txt", 16, 25)]
    [InlineData("asa-7.0-primary-show-failover.txt", 15, 29)]
    public void AShowFailoverIsReadAsTheUnitsOwnGroupsAndItsViewOfTheMate(string fixture, int ownGroup2Line, int viewGroup1Line)
    {
        var seen = new Observation();

        Assert.Null(ShowFailoverParser.Read(Fixture(fixture), UnitRole.Primary, seen));

        var primary = seen.Units[UnitRole.Primary];
        Assert.Equal("enabled", primary.Failover);
        Assert.Equal(("up", "up"), (seen.Links!.Failover, seen.Links.State));
        Assert.Equal(("Active", "Standby Ready"), (primary.Groups[1].State, primary.Groups[2].State));
        Assert.Equal(("Standby Ready", "Active"), (seen.Views[UnitRole.Primary].Groups[1].State, seen.Views[UnitRole.Primary].Groups[2].State));
        Assert.Equal(ownGroup2Line, seen.Sources["units.primary.groups.2.state"].Line);
        Assert.Equal(viewGroup1Line, seen.Sources["views.primary.groups.1.state"].Line);
    }

    [Fact]
    public void TheSeedsShowFailoverStateIsReadByItsColumns()
    {
        var seen = new Observation();

        ShowFailoverStateParser.Read(Fixture("pix-7.2.2-secondary-show-failover-state.txt").Replace("\n", "\r\n", StringComparison.Ordinal), UnitRole.Secondary, seen);

        var secondary = seen.Units[UnitRole.Secondary];
        Assert.Equal(("Standby Ready", "None"), (secondary.Groups[1].State, secondary.Groups[1].Reason));
        Assert.Equal(("Active", "None"), (secondary.Groups[2].State, secondary.Groups[2].Reason));
        Assert.Equal(("Active", "Standby Ready"), (seen.Views[UnitRole.Secondary].Groups[1].State, seen.Views[UnitRole.Secondary].Groups[2].State));
        Assert.Equal(7, seen.Sources["views.secondary.groups.2.reason"].Line);
    }

    [Fact]
    public void AMisspeltStateIsReadAsWrittenAndADateIsDropped()
    {
        var seen = new Observation();
        const string text = """
                           State          Last Failure Reason      Date/Time
            This host  -   Primary
                Group 1    Standby Redy   Comm Failure             03:55:37 UTC Dec 20 2007
            """;

        ShowFailoverStateParser.Read(text, UnitRole.Primary, seen);

        Assert.Equal(("Standby Redy", "Comm Failure"), (seen.Units[UnitRole.Primary].Groups[1].State, seen.Units[UnitRole.Primary].Groups[1].Reason));
    }

    [Fact]
    public void ATraceOfTheSeedsDeviceOutputConforms()
    {
        var verdict = Check(Trace(Fixture("pix-7.2.2-primary-show-failover-state.txt"), SyslogLines()));

        Assert.Null(verdict.Divergence);
        Assert.Equal(2, verdict.Compared);
    }

    [Fact]
    public void OneWrongWordInTheDeviceTextIsReportedWithItsLine()
    {
        var state = Fixture("pix-7.2.2-primary-show-failover-state.txt").Replace("    Group 2    Standby Ready  None", "    Group 2    Standby Redy   None", StringComparison.Ordinal);

        var divergence = Check(Trace(state, SyslogLines())).Divergence;

        Assert.NotNull(divergence);
        Assert.Equal(1, divergence.Line);
        var field = Assert.Single(divergence.Fields);
        Assert.Equal(("units.primary.groups.2.state", "\"Standby Ready\"", "\"Standby Redy\""), (field.Field, field.Expected, field.Observed));
        Assert.Equal((UnitRole.Primary, "show failover state", 4), (field.Source!.Unit, field.Source.Output, field.Source.Line));
        Assert.EndsWith("(primary 'show failover state' line 4: \"Group 2    Standby Redy   None\")", field.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongSyslogIdIsReportedWithItsLine()
    {
        var syslog = SyslogLines();
        syslog[2] = syslog[2].Replace("%ASA-1-104001", "%ASA-1-104002", StringComparison.Ordinal);

        var divergence = Check(Trace(Fixture("pix-7.2.2-primary-show-failover-state.txt"), syslog)).Divergence;

        Assert.NotNull(divergence);
        Assert.Equal(2, divergence.Line);
        Assert.Contains(divergence.Fields, d => d.Kind == DivergenceKind.Missing && d.Expected.Contains("104001", StringComparison.Ordinal));
        var extra = Assert.Single(divergence.Fields, d => d.Kind == DivergenceKind.Extra);
        Assert.Equal((UnitRole.Secondary, "syslog", 3), (extra.Source!.Unit, extra.Source.Output, extra.Source.Line));
    }

    [Fact]
    public void ASyslogLineThatIsNotAnAsaMessageIsBadInput()
    {
        var error = Assert.Throws<InputException>(() => Check(Trace(Fixture("pix-7.2.2-primary-show-failover-state.txt"), ["the mate went away"])));

        Assert.Equal("trace.jsonl:2:1: device.secondary.syslog line 1: not an ASA message ('%ASA-<severity>-<id>: <text>'): \"the mate went away\"", error.Describe());
    }

    [Fact]
    public void AnotherReleasesShowFailoverConformsAfterTheBootAndOneWrongWordIsReportedWithItsLine()
    {
        var output = Fixture("asa-7.0-primary-show-failover.txt");
        var wrong = output.Replace("Other host: Secondary\nGroup 1 State: Standby Ready", "Other host: Secondary\nGroup 1 State: Standby", StringComparison.Ordinal);
        Assert.NotEqual(output, wrong);

        var conforming = Check(Boot(output));
        var divergence = Check(Boot(wrong)).Divergence;

        Assert.Null(conforming.Divergence);
        Assert.NotNull(divergence);
        var field = Assert.Single(divergence.Fields);
        Assert.Equal(("views.primary.groups.1.state", "\"Standby Ready\"", "\"Standby\""), (field.Field, field.Expected, field.Observed));
        Assert.EndsWith("(primary 'show failover' line 29: \"Group 1 State: Standby\")", field.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An Active/Standby output (ASA 8.6, tests/fixtures/device/README.md) shows one state for the whole unit and no
    /// groups: read as Active/Active it would compare nothing, so it is bad input, with its line.
    /// </summary>
    [Fact]
    public void AnActiveStandbyShowFailoverIsBadInputWithItsLine()
    {
        var error = Assert.Throws<InputException>(() => Check(Boot(Fixture("asa-8.6-primary-show-failover-active-standby.txt"))));

        Assert.Equal("trace.jsonl:1:1: device.primary.show failover line 10: \"This host: Primary - Active\" is the Active/Standby layout (one state for the whole unit); an Active/Active unit shows each failover group's state", error.Describe());
    }

    /// <summary>
    /// docs/sources.md, "Syslog": where sources disagree the model prints one form and a device line in any documented
    /// form conforms: 105009 with the unit's designation (the guide) instead of the group's (a captured Active/Active
    /// log), 104002 with STNDBY (a captured pair) instead of STANDBY (the guide). A group designation naming another
    /// group is no documented form.
    /// </summary>
    [Theory]
    [InlineData("(Primary) Testing on interface outside Failed", "(Primary) Switching to STNDBY - interface check, mate is healthier", true, 2)]
    [InlineData("(Primary_group_1) Testing on interface outside Failed", "(Primary) Switching to STANDBY - interface check, mate is healthier", true, 0)]
    [InlineData("(Primary_group_2) Testing on interface outside Failed", "(Primary) Switching to STANDBY - interface check, mate is healthier", false, 0)]
    [InlineData("(Primary) Testing on interface outside Failed", "(Primary) Switching to STANDBY - Interface check.", false, 0)]
    public void ADeviceLineInEachDocumentedFormConformsAndTheCheckSaysWhichForm(string test, string standby, bool conforms, int otherForms)
    {
        string[] syslog =
        [
            "%ASA-4-411002: Line protocol on Interface outside, changed state to down",
            "%ASA-1-105008: (Primary) Testing Interface outside",
            $"%ASA-1-105009: {test}",
            $"%ASA-1-104002: {standby}",
            "%ASA-1-104003: (Primary) Switching to FAILED.",
            "%ASA-4-411002: Line protocol on Interface inside, changed state to down",
            "%ASA-4-411001: Line protocol on Interface inside, changed state to up",
            "%ASA-4-411002: Line protocol on Interface outside, changed state to down",
            "%ASA-4-411001: Line protocol on Interface outside, changed state to up",
        ];
        string[] mate =
        [
            "%ASA-1-105008: (Secondary) Testing Interface outside",
            "%ASA-1-105009: (Secondary_group_1) Testing on interface outside Passed",
            "%ASA-1-104001: (Secondary) Switching to ACTIVE - mate want me Active",
            "%ASA-4-411002: Line protocol on Interface inside, changed state to down",
            "%ASA-4-411001: Line protocol on Interface inside, changed state to up",
            "%ASA-4-411002: Line protocol on Interface outside, changed state to down",
            "%ASA-4-411001: Line protocol on Interface outside, changed state to up",
        ];
        var trace = new JsonObject { ["event"] = "power-on primary secondary" }.ToJsonString() + "\n" + new JsonObject
        {
            ["event"] = "interface-down primary context1/outside",
            ["device"] = new JsonObject
            {
                ["primary"] = new JsonObject { ["syslog"] = new JsonArray([.. syslog.Select(l => (JsonNode)l)]) },
                ["secondary"] = new JsonObject { ["syslog"] = new JsonArray([.. mate.Select(l => (JsonNode)l)]) },
            },
        }.ToJsonString() + "\n";

        var verdict = Check(trace);

        Assert.True(conforms == (verdict.Divergence is null), string.Join("; ", verdict.Divergence?.Fields.Select(f => f.Message) ?? []));
        Assert.Equal(otherForms, verdict.OtherForms.Count);
        if (otherForms > 0)
        {
            Assert.Collection(
                verdict.OtherForms,
                f => Assert.StartsWith("104002 in the form of the captured logs of a real pair", f.Key, StringComparison.Ordinal),
                f => Assert.Equal("105009 in the form of the Cisco ASA syslog messages guide", f.Key));
            Assert.All(verdict.OtherForms, f => Assert.Equal(1, f.Value));
        }
    }

    /// <summary>A failure's Date/Time and the failed interfaces listed under its reason are read past, not taken for states.</summary>
    [Fact]
    public void AShowFailoverStateWithADatedFailureAndItsInterfacesConforms()
    {
        const string state = """
                           State          Last Failure Reason      Date/Time
            This host  -   Primary
                Group 1    Failed         Ifc Failure              00:00:25 UTC Apr 16 2007
                                          context1 outside: Failed
                Group 2    Standby Ready  None
            Other host -   Secondary
                Group 1    Active         None
                Group 2    Active         None

            ====Configuration State===
                    Sync Done
            ====Communication State===
                    Mac set
            """;
        string Trace(string output) => new JsonObject { ["event"] = "power-on primary secondary" }.ToJsonString() + "\n" + new JsonObject
        {
            ["event"] = "interface-down primary context1/outside",
            ["device"] = new JsonObject { ["primary"] = new JsonObject { ["show failover state"] = output } },
        }.ToJsonString() + "\n";

        var verdict = Check(Trace(state));
        var wrong = Check(Trace(state.Replace("Ifc Failure ", "Comm Failure", StringComparison.Ordinal))).Divergence;

        Assert.Null(verdict.Divergence);
        Assert.Equal(1, verdict.Compared);
        Assert.NotNull(wrong);
        Assert.Equal("units.primary.groups.1.reason", Assert.Single(wrong.Fields).Field);
    }

    /// <summary>
    /// Syslog lines as collected: the ASA's own timestamp and host name (<c>logging timestamp</c>, <c>logging
    /// device-id</c>), and the headers a syslog server stores, RFC 3164 and RFC 5424; the message after them is read alike.
    /// </summary>
    [Theory]
    [InlineData("Apr 16 2007 06:13:31 pix1 : ")]
    [InlineData("<161>Apr 16 06:13:31 pix1 ")]
    [InlineData("<161>Apr 16 06:13:31 pix1 : ")]
    [InlineData("<161>1 2007-04-16T06:13:31.000Z pix1 - - - - ")]
    public void SyslogLinesWithTheHeadersOfTheirCollectorConform(string header)
    {
        var lines = SyslogLines().Select(l => header + l[l.IndexOf('%', StringComparison.Ordinal)..]);

        var verdict = Check(Trace(Fixture("pix-7.2.2-primary-show-failover-state.txt"), lines));

        Assert.Null(verdict.Divergence);
        Assert.Equal(2, verdict.Compared);
    }

    /// <summary>
    /// A show output as captured over SSH: the command's prompt line, CRLF, and the pager's <c>&lt;--- More ---&gt;</c>
    /// erased by carriage return (or left in the text) are read as the output alone, with the lines numbered as captured;
    /// a wrong word is still reported on its line.
    /// </summary>
    [Theory]
    [InlineData("<--- More --->\r              \r")]
    [InlineData("<--- More --->              ")]
    [InlineData("<--- More --->\r\n")]
    public void AShowOutputCapturedOverSshConforms(string paging)
    {
        var state = Fixture("pix-7.2.2-primary-show-failover-state.txt").Replace("\n", "\r\n", StringComparison.Ordinal);
        var at = state.IndexOf("Other host", StringComparison.Ordinal);
        var captured = "pix1# show failover state\r\n" + state[..at] + paging + state[at..] + "pix1# ";
        var wrong = captured.Replace("    Group 2    Standby Ready  None", "    Group 2    Standby Redy   None", StringComparison.Ordinal);

        var verdict = Check(Trace(captured, SyslogLines()));
        var divergence = Check(Trace(wrong, SyslogLines())).Divergence;

        Assert.Null(verdict.Divergence);
        Assert.NotNull(divergence);
        Assert.Equal(("units.primary.groups.2.state", 5), (divergence.Fields[0].Field, divergence.Fields[0].Source!.Line));
    }

    /// <summary>A show output in a format the parsers do not know is bad input naming the trace line and what was expected, not an observation that compares nothing.</summary>
    [Theory]
    [InlineData("show failover state", "device.primary.show failover state: no line of ASA's 'show failover state' in it (expected 'This host -' or 'Other host -', then 'Group <n>  <state>  <reason>')")]
    [InlineData("show failover", "device.primary.show failover: no line of ASA's 'show failover' in it (expected 'Failover On|Off', 'Failover LAN Interface: ...', 'Group <n> State: <state>')")]
    public void AShowOutputInAnUnknownFormatIsBadInputWithItsTraceLine(string command, string message)
    {
        var trace = new JsonObject
        {
            ["event"] = "power-on primary secondary",
            ["device"] = new JsonObject { ["primary"] = new JsonObject { [command] = "pix1# show failover\r\nERROR: % Invalid input detected at '^' marker.\r\n" } },
        }.ToJsonString() + "\n";

        var error = Assert.Throws<InputException>(() => Check(trace));

        Assert.Equal($"trace.jsonl:1:1: {message}", error.Describe());
    }

    /// <summary>Both units boot; the primary's <c>show failover</c> is <paramref name="primaryShowFailover"/>.</summary>
    private static string Boot(string primaryShowFailover) => new JsonObject
    {
        ["event"] = "power-on primary secondary",
        ["device"] = new JsonObject { ["primary"] = new JsonObject { ["show failover"] = primaryShowFailover } },
    }.ToJsonString() + "\n";

    private static TraceVerdict Check(string trace) =>
        new TraceChecker(BuiltInConfigurations.SeedLanExample).Check(new StringReader(trace), "trace.jsonl");

    /// <summary>Both units boot (the seed's outputs), then the primary loses power (the secondary's syslog).</summary>
    private static string Trace(string primaryState, IEnumerable<string> secondarySyslog)
    {
        var boot = new JsonObject
        {
            ["event"] = "power-on primary secondary",
            ["device"] = new JsonObject
            {
                ["primary"] = new JsonObject
                {
                    ["show failover"] = Fixture("pix-7.2.2-primary-show-failover.txt"),
                    ["show failover state"] = primaryState,
                },
                ["secondary"] = new JsonObject
                {
                    ["show failover"] = Fixture("pix-7.2.2-secondary-show-failover.txt"),
                    ["show failover state"] = Fixture("pix-7.2.2-secondary-show-failover-state.txt"),
                },
            },
        };
        var powerOff = new JsonObject
        {
            ["event"] = "power-off primary",
            ["device"] = new JsonObject { ["secondary"] = new JsonObject { ["syslog"] = new JsonArray([.. secondarySyslog.Select(l => (JsonNode)l)]) } },
        };
        return boot.ToJsonString() + "\n" + powerOff.ToJsonString() + "\n";
    }
}
