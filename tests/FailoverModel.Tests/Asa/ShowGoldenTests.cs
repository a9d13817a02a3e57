using System.Text.RegularExpressions;
using FailoverModel.Asa;
using FailoverModel.Asa.Show;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Asa;

/// <summary>
/// The seed's own show outputs (section "Verify"), taken after the seed's bring-up, reproduced by the model word for
/// word: the seed's copy is flattened onto a few lines, so the comparison is by words. Three documented rules:
/// <list type="bullet">
/// <item>time-dependent fields (the five words after "last failover at:", the number after "Active time:") and the
/// Stateful Failover counters are masked on both sides: they depend on how long the seed's pair had been running
/// and how much traffic it had passed, which the model does not pretend to know;</item>
/// <item>the seed's <c>show monitor-interface</c> outputs name the wrong unit in one place each (a copy error:
/// "This host: Secondary - Active" on the primary, "Other host: Secondary - Active" on the secondary); the test
/// checks the error is there and compares with it corrected;</item>
/// <item><c>show failover interface</c> lists the Stateful link first on the seed's primary and the LAN failover
/// link first on its secondary; the model lists the failover link first on both, so the primary's blocks are compared
/// as a set.</item>
/// </list>
/// </summary>
public class ShowGoldenTests
{
    /// <summary>The seed's sections "Secondary PIX" (its bootstrap) and "Verify", as published (tests/fixtures/seed/README.md).</summary>
    private static readonly string Seed = File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "seed", "verify.txt"));

    public static TheoryData<int, UnitRole> Units() => new() { { 0, UnitRole.Primary }, { 1, UnitRole.Secondary } };

    [Theory]
    [MemberData(nameof(Units))]
    public void ShowFailoverStatePrintsTheSeedsOutput(int occurrence, UnitRole unit)
    {
        var seed = Regex.Matches(Seed, @"#show failover state (.*?)```", RegexOptions.Singleline)[occurrence].Groups[1].Value;

        Assert.Equal(Words(seed), Words(AfterBringUp(unit, "failover state")));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void ShowFailoverPrintsTheSeedsOutputWithTimesAndCountersMasked(int occurrence, UnitRole unit)
    {
        var section = Between(Seed, "Use of the show failover Command", "Use the **show failover state**");
        var seed = Regex.Matches(section, @"#show failover (Failover On.*?)(?=Secondary PIX|$)", RegexOptions.Singleline)[occurrence].Groups[1].Value.Replace("```", " ", StringComparison.Ordinal);

        Assert.Equal(Masked(Words(seed)), Masked(Words(AfterBringUp(unit, "failover"))));
    }

    [Fact]
    public void ShowFailoverInterfaceOnThePrimaryPrintsTheSeedsInterfaces()
    {
        var seed = Regex.Match(Seed, @"#show failover interface (.*?)```", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(Blocks(seed).Order(), Blocks(AfterBringUp(UnitRole.Primary, "failover interface")).Order());
    }

    [Fact]
    public void ShowFailoverInterfaceOnTheSecondaryPrintsTheSeedsOutput()
    {
        var seed = Regex.Matches(Seed, @"#show failover interface (.*?)```", RegexOptions.Singleline)[1].Groups[1].Value;

        Assert.Equal(Words(seed), Words(AfterBringUp(UnitRole.Secondary, "failover interface")));
    }

    [Theory]
    [InlineData(0, UnitRole.Primary, "This host: Secondary - Active", "This host: Primary - Active")]
    [InlineData(1, UnitRole.Secondary, "Other host: Secondary - Active", "Other host: Primary - Active")]
    public void ShowMonitorInterfaceInContext1PrintsTheSeedsOutputCorrected(int occurrence, UnitRole unit, string copyError, string correction)
    {
        var seed = string.Join(' ', Words(Regex.Matches(Seed, @"context1\(config\)#show monitor-interface (.*?)```", RegexOptions.Singleline)[occurrence].Groups[1].Value));
        Assert.Contains(copyError, seed, StringComparison.Ordinal);

        var rendered = Render(AfterBringUpState(), unit, "monitor-interface", "context1");

        Assert.Equal(Words(seed.Replace(copyError, correction, StringComparison.Ordinal)), Words(rendered));
    }

    /// <summary>The seed's secondary before <c>failover</c> is entered holds only its bootstrap (seed, "Secondary PIX").</summary>
    [Fact]
    public void ShowRunningConfigFailoverOnANewSecondaryPrintsTheSeedsBootstrap()
    {
        var seed = Between(Seed, "PIX2#show running-config failover", "```");
        var pair = new FailoverPair(BuiltInConfigurations.SeedLanExample);
        var state = pair.Run([new PowerOn(UnitRole.Primary), new Replace(UnitRole.Secondary), new PowerOn(UnitRole.Secondary)]);

        Assert.Equal(Words(seed), Words(Render(state, UnitRole.Secondary, "running-config failover")));
    }

    /// <summary>On the primary, the failover commands of the seed's system configuration, in the device's order.</summary>
    [Fact]
    public void ShowRunningConfigFailoverOnThePrimaryPrintsTheFailoverCommandsOfItsConfiguration()
    {
        var expected = new List<string>();
        var inGroup = false;
        foreach (var line in File.ReadLines(RepositoryFiles.Path("tests", "configs", "lan", "pix1.cfg")))
        {
            if (line.StartsWith("failover", StringComparison.Ordinal))
            {
                expected.Add(line);
                inGroup = line.StartsWith("failover group", StringComparison.Ordinal);
            }
            else if (inGroup && line.StartsWith(' '))
            {
                expected.Add(line);
            }
            else
            {
                inGroup = false;
            }
        }

        var rendered = AfterBringUp(UnitRole.Primary, "running-config failover");

        Assert.Equal(expected, rendered.TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// <c>show failover history</c> after <c>no failover active group 1</c> on the primary: the secondary records the
    /// activation chain with the reason of its first step on every step, as ASA does (docs/sources.md, "States").
    /// </summary>
    [Fact]
    public void ShowFailoverHistoryRecordsTheActivationChainWithOneReason()
    {
        var text = """
            power-on primary secondary
            primary: no failover active group 1
            show secondary failover history
            """;
        var scenario = ScenarioParser.Parse(text, "history.scenario", BuiltInConfigurations.SeedLanExample);
        var output = ScenarioRunner.Run(scenario).Outputs.OfType<ShowOutput>().Single().Text;
        var lines = output.Split('\n');
        var chain = lines.Where(l => l.StartsWith("1 ", StringComparison.Ordinal)).TakeLast(5).ToArray();

        Assert.Equal(
            [
                "1     Standby Ready              Just Active                Other unit wants me Active",
                "1     Just Active                Active Drain               Other unit wants me Active",
                "1     Active Drain               Active Applying Config     Other unit wants me Active",
                "1     Active Applying Config     Active Config Applied      Other unit wants me Active",
                "1     Active Config Applied      Active                     Other unit wants me Active",
            ],
            chain);
        Assert.StartsWith("==========", lines[0], StringComparison.Ordinal);
        Assert.Equal("Group From State                 To State                   Reason", lines[1]);
    }

    private static PairState AfterBringUpState() =>
        new FailoverPair(BuiltInConfigurations.SeedLanExample).Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

    private static string AfterBringUp(UnitRole unit, string command)
    {
        var scenario = ScenarioParser.Parse($"power-on primary secondary\nshow {unit.Token()} {command}\n", "bring-up.scenario", BuiltInConfigurations.SeedLanExample);
        return ScenarioRunner.Run(scenario).Outputs.OfType<ShowOutput>().Single().Text;
    }

    private static string Render(PairState state, UnitRole unit, string command, string? context = null) =>
        ShowCommands.Render(new ShowContext(BuiltInConfigurations.SeedLanExample, state, unit, context), command);

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return text[start..text.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private static string[] Words(string text) => text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One string per <c>interface</c> block, its words joined.</summary>
    private static IEnumerable<string> Blocks(string text) =>
        string.Join(' ', Words(text)).Split("interface ", StringSplitOptions.RemoveEmptyEntries).Select(b => b.Trim());

    private static string[] Masked(string[] words)
    {
        var masked = (string[])words.Clone();
        var statistics = false;
        for (var i = 0; i < masked.Length; i++)
        {
            if (i >= 2 && masked[i - 2] == "failover" && masked[i - 1] == "at:")
            {
                for (var k = i; k < i + 5 && k < masked.Length; k++)
                {
                    masked[k] = "<time>";
                }
            }
            else if (i >= 2 && masked[i - 2] == "Active" && masked[i - 1] == "time:")
            {
                masked[i] = "<seconds>";
            }

            statistics |= masked[i] == "Obj";
            if (statistics && masked[i].All(char.IsAsciiDigit))
            {
                masked[i] = "<count>";
            }
        }

        return masked;
    }
}
