using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverModel.Asa;
using FailoverModel.Oracle;
using FailoverModel.Oracle.Timed;
using FailoverModel.Rules;
using FailoverModel.Tests.CommandLine;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>The timed suites: each fault of the outage table at several poll phases, judged on <c>at</c>.</summary>
public class TimedSuiteTests
{
    private static readonly PairConfig Config = BuiltInConfigurations.SeedLanExample;

    private static readonly Lazy<IReadOnlyList<(TimedSuite Suite, string Text, TimedCoverage Coverage)>> Suites = new(() =>
        [.. TimedSuites.For(Config).Select(s =>
        {
            var (text, coverage) = Write(s, VectorOptions.Whole);
            return (s, text, coverage);
        })]);

    [Fact]
    public void EachTimedSuiteConformsToTheChecker()
    {
        Assert.Equal(["timed-unit-faults", "timed-interfaces"], Suites.Value.Select(s => s.Suite.Name));
        foreach (var (suite, text, coverage) in Suites.Value)
        {
            var verdict = new TraceChecker(Config).Check(new StringReader(text), suite.Name);

            Assert.Null(verdict.Divergence);
            Assert.Equal(coverage.Steps, verdict.Steps);
            Assert.Equal(suite.Faults.Count * suite.PhasesMs(Config).Count, coverage.Cases.Count);
            Assert.All(Lines(text), l => Assert.NotNull(l["at"]));
        }
    }

    /// <summary>
    /// The seed's timers (unit poll 15 s, hold 45 s): a power-off is detected 45 s after it on a poll, 59.999 s one
    /// millisecond after one, 55 s and 50 s at a third and two thirds; always within 45..61 s, the window the oracle
    /// allows. An interface (poll 5 s, hold 25 s) fails its group within 25..31 s.
    /// </summary>
    [Fact]
    public void ATakeoverFallsWhereThePhaseOfItsPollPutsIt()
    {
        var cases = Suites.Value.SelectMany(s => s.Coverage.Cases).ToList();

        var powerOff = cases.Where(c => c.Fault == "power-off primary").ToList();
        Assert.Equal([0L, 1, 5_000, 10_000], powerOff.Select(c => c.PhaseMs));
        Assert.Equal([45_000L, 59_999, 55_000, 50_000], powerOff.Select(c => c.TookMs));
        Assert.All(powerOff, c => Assert.Equal((45_000L, 61_000L), (c.LeastMs, c.MostMs)));

        var linkDown = cases.Where(c => c.Row == FailureEvent.FailoverLinkFailedDuringOperation).ToList();
        Assert.All(linkDown, c => Assert.Equal((45_000L, 61_000L), (c.LeastMs, c.MostMs)));

        var interfaceDown = cases.Where(c => c.Row == FailureEvent.InterfaceFailureOnActiveGroup).ToList();
        Assert.Equal([25_000L, 29_999, 28_334, 26_667], interfaceDown.Select(c => c.TookMs));
        Assert.All(cases, c => Assert.InRange(c.TookMs, c.LeastMs, c.MostMs));
    }

    /// <summary>Every fault of every case, moved one millisecond outside its window either way, is reported at its line.</summary>
    [Fact]
    public void ATakeoverMovedOutsideItsWindowIsReportedAtItsLine()
    {
        foreach (var (suite, text, coverage) in Suites.Value)
        {
            var lines = Lines(text);
            foreach (var c in coverage.Cases)
            {
                var ofCase = lines.Where(l => (long)l["case"]! == c.Case).ToList();
                var before = (long)ofCase[^2]["at"]!;
                foreach (var took in new[] { c.MostMs + 1, c.LeastMs - 1 }.Where(t => t >= 0))
                {
                    ofCase[^1]["at"] = before + took;
                    var trace = string.Join('\n', ofCase.Select(l => l.ToJsonString())) + "\n";

                    var divergence = new TraceChecker(Config).Check(new StringReader(trace), "t").Divergence;

                    Assert.NotNull(divergence);
                    Assert.Equal(ofCase.Count, divergence.Line);
                    var field = Assert.Single(divergence.Fields);
                    Assert.Equal(DivergenceKind.Timing, field.Kind);
                    Assert.Equal($"at: the model allows {c.LeastMs}..{c.MostMs} ms after the previous line, the trace has {took} ms", field.Message);
                }
            }
        }
    }

    /// <summary>
    /// A crashed unit reloads two minutes after the crash, whatever its mate does meanwhile, and rejoins at the next
    /// hello: a device that starts reloading at once settles 120–135 s after the crash (the window adds ASA's one-second
    /// chain); one second outside either edge diverges, naming the window.
    /// </summary>
    [Theory]
    [InlineData(119_999, false)]
    [InlineData(120_000, true)]
    [InlineData(135_000, true)]
    [InlineData(136_000, true)]
    [InlineData(136_001, false)]
    public void ACrashsReloadIsCountedFromTheCrash(long took, bool conforms)
    {
        var at = (60_000 + took).ToString(CultureInfo.InvariantCulture);
        var trace = string.Join('\n',
            """{"case": 1, "event": "power-on primary secondary", "at": 0}""",
            """{"case": 1, "event": "wait 60s", "at": 60000}""",
            "{\"case\": 1, \"event\": \"crash primary\", \"at\": " + at + ", \"units\": {\"primary\": {\"status\": \"Failover On\"}}}") + "\n";

        var verdict = new TraceChecker(Config).Check(new StringReader(trace), "t");

        Assert.Equal(conforms, verdict.Divergence is null);
        if (!conforms)
        {
            Assert.Equal("at: the model allows 120000..136000 ms after the previous line, the trace has " + took.ToString(CultureInfo.InvariantCulture) + " ms", verdict.Divergence!.Fields[0].Message);
        }
    }

    /// <summary>When the failover link fails both units time out their mate, each within the same window from the fault.</summary>
    [Theory]
    [InlineData(60_000, true)]
    [InlineData(90_000, false)]
    public void BothUnitsTimingOutTheirMateTakeOneWindowNotTwo(long took, bool conforms)
    {
        var trace = """{"case": 1, "event": "power-on primary secondary", "at": 0}""" + "\n"
            + $$$"""{"case": 1, "event": "link-down failover", "at": {{{took.ToString(CultureInfo.InvariantCulture)}}}, "links": {"failover": "down"}}""" + "\n";

        var verdict = new TraceChecker(Config).Check(new StringReader(trace), "t");

        Assert.Equal(conforms, verdict.Divergence is null);
    }

    [Fact]
    public void TheTimedSuitesAreWrittenWithTheManifestTheSameTwiceAndCheckBack()
    {
        var folders = new[] { Directory.CreateTempSubdirectory("timed-").FullName, Directory.CreateTempSubdirectory("timed-").FullName };

        foreach (var folder in folders)
        {
            var (exit, _, error) = CliRun.Run(["oracle", "vectors", "--suites", folder, "--only", "timed-interfaces,timed-unit-faults"]);
            Assert.True(exit == 0, error);
        }

        var files = Directory.GetFiles(folders[0]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["12-timed-unit-faults.jsonl.gz", "13-timed-interfaces.jsonl.gz", "manifest.json", "manifest.md"], files);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(folders[0], f!)), File.ReadAllBytes(Path.Combine(folders[1], f!))));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folders[0], "manifest.json")));
        var suites = manifest.RootElement.GetProperty("suites").EnumerateArray().ToList();
        Assert.All(suites, s => Assert.Equal("timed", s.GetProperty("kind").GetString()));
        Assert.Equal([32, 12], suites.Select(s => s.GetProperty("cases").GetInt32()));
        foreach (var suite in suites)
        {
            var check = CliRun.Run(["oracle", "check", Path.Combine(folders[0], suite.GetProperty("file").GetString()!)]);
            Assert.True(check.Exit == 0, check.Out + check.Err);
            Assert.All(suite.GetProperty("timing").EnumerateArray(), c =>
                Assert.InRange(c.GetProperty("tookMs").GetInt64(), c.GetProperty("leastMs").GetInt64(), c.GetProperty("mostMs").GetInt64()));
        }

        Assert.Contains("| 12 | timed-unit-faults | 2 | power-off primary | 1 | 1 | 59.999 | 45.000–61.000 |", File.ReadAllText(Path.Combine(folders[0], "manifest.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void InTheInformalTraceFormatEveryStateCarriesAt()
    {
        var suite = TimedSuites.For(Config)[1];
        using var buffer = new MemoryStream();
        var coverage = TimedVectors.Write(Config, suite, null, new ItfVectorSink(buffer, Config, "test") { Timed = true }, VectorOptions.Whole);

        var traces = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => JsonNode.Parse(t)!).ToList();

        Assert.Equal(coverage.Cases.Count, traces.Count);
        Assert.Equal("at", (string?)traces[0]["vars"]![1]);
        var last = traces[0]["states"]!.AsArray()[^1]!;
        Assert.Equal(suite.Faults[0].Fault.ToString(), (string?)last["event"]);
        // Booted at 0, a wait of one interface poll (5 s) to phase 0, the interface holdtime (25 s) from there.
        Assert.Equal("30000", (string?)last["at"]!["#bigint"]);
    }

    private static (string Text, TimedCoverage Coverage) Write(TimedSuite suite, VectorOptions options)
    {
        using var buffer = new MemoryStream();
        var coverage = TimedVectors.Write(Config, suite, new JsonLinesVectorSink(buffer, Config), null, options);
        return (Encoding.UTF8.GetString(buffer.ToArray()), coverage);
    }

    private static List<JsonNode> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
}
