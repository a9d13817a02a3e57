using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FailoverModel.Tests.CommandLine;

namespace FailoverModel.Tests.Oracle;

public class OracleCommandTests
{
    private static (int Exit, string Out, string Err) Run(string[] args, string? stdin = null) => CliRun.Run(args, stdin);

    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory("oracle-").FullName, name);

    [Fact]
    public void VectorsSayWhatTheyCoverAndCheckBackToConformance()
    {
        var vectors = Temp("v.jsonl.gz");

        var (exit, _, error) = Run(["oracle", "vectors", "--events", "power-on,power-off,crash,link-failover,failover-active", "--out", vectors]);

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^oracle vectors: ([\d,]+) of \1 transitions covered \(100%\) between [\d,]+ settled states, in [\d,]+ test cases of [\d,]+ steps in all", error);
        using (var gzip = new GZipStream(File.OpenRead(vectors), CompressionMode.Decompress))
        {
            Assert.StartsWith("{\"case\":1,\"step\":1,\"event\":", new StreamReader(gzip).ReadLine(), StringComparison.Ordinal);
        }

        var check = Run(["oracle", "check", vectors]);
        Assert.Equal(0, check.Exit);
        Assert.Contains(": conforms: ", check.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// The acceptance run on the built-in configuration, through the command line and gzip: every settled transition
    /// covered and the vectors checked back. The whole alphabet (5.6 million transitions, minutes) runs with
    /// FAILOVER_SOAK=1; the default run leaves out the interface events, which multiply the graph 256-fold.
    /// </summary>
    [Fact]
    public void TheBuiltInConfigurationsVectorsCoverEveryTransitionAndCheckBack()
    {
        var soak = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1";
        var vectors = Temp("built-in.jsonl.gz");
        string[] alphabet = soak ? [] : ["--events", string.Join(',', global::FailoverModel.Oracle.Vectors.VectorAlphabet.Kinds.Keys.Where(k => k != "interface" && !global::FailoverModel.Oracle.Vectors.VectorAlphabet.ConfigurationKinds.Contains(k)))];

        var (exit, _, error) = Run(["oracle", "vectors", "--out", vectors, .. alphabet]);

        Assert.Equal(0, exit);
        var covered = System.Text.RegularExpressions.Regex.Match(error, @"(?m)^oracle vectors: ([\d,]+) of \1 transitions covered \(100%\) between [\d,]+ settled states, in [\d,]+ test cases of ([\d,]+) steps");
        Assert.True(covered.Success, error);
        var check = Run(["oracle", "check", vectors]);
        File.Delete(vectors);
        Assert.Equal(0, check.Exit);
        Assert.Contains($": conforms: {covered.Groups[2].Value} steps in ", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorsAreTheSameBytesEveryTime()
    {
        string Vectors() => Run(["oracle", "vectors", "--events", "power-on,power-off,no-failover-active"]).Out;

        Assert.Equal(Vectors(), Vectors());
    }

    [Fact]
    public void ItfVectorsAreItfTraces()
    {
        var (exit, output, _) = Run(["oracle", "vectors", "--format", "itf", "--events", "power-on,power-off,failover-active"]);

        Assert.Equal(0, exit);
        var hearsHellos = false;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var trace = doc.RootElement;
            Assert.Equal("ITF", trace.GetProperty("#meta").GetProperty("format").GetString());
            Assert.Equal(["event", "units", "links", "groups", "contexts", "connections", "views", "syslog"], trace.GetProperty("vars").EnumerateArray().Select(v => v.GetString()));
            var states = trace.GetProperty("states").EnumerateArray().ToList();
            Assert.Equal("init", states[0].GetProperty("event").GetString());
            Assert.Equal(Enumerable.Range(0, states.Count), states.Select(s => s.GetProperty("#meta").GetProperty("index").GetInt32()));
            foreach (var state in states)
            {
                Assert.Equal(["#meta", "event", "units", "links", "groups", "contexts", "connections", "views", "syslog"], state.EnumerateObject().Select(p => p.Name));
                var group1 = state.GetProperty("groups").GetProperty("#map")[0];
                Assert.Equal("1", group1[0].GetProperty("#bigint").GetString());
                Assert.Equal(JsonValueKind.String, group1[1].GetProperty("activeOn").ValueKind);
                Assert.Equal("1", state.GetProperty("contexts").GetProperty("admin").GetProperty("group").GetProperty("#bigint").GetString());
            }

            hearsHellos |= states.Any(s => s.GetProperty("views").GetProperty("secondary").GetProperty("contact").GetString() == "hellos");
        }

        // Each unit's view of its mate travels with the vectors: once both run, the secondary hears the primary's hellos.
        Assert.True(hearsHellos, "no vector state shows the secondary hearing its mate's hellos");
    }

    [Fact]
    public void AnUnknownEventKindIsABadArgument()
    {
        var (exit, _, error) = Run(["oracle", "vectors", "--events", "power-on,teleport"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("failover-model: --events: unknown event kind 'teleport' (known: power-on, power-off,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingTraceIsBadInput()
    {
        var (exit, _, error) = Run(["oracle", "check", Temp("missing.jsonl")]);

        Assert.Equal(2, exit);
        Assert.EndsWith("missing.jsonl: the file does not exist\n", error, StringComparison.Ordinal);
        Assert.Contains(":1:1: cannot read the trace ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADivergenceExitsOneWithTheStepFieldAndAReproducingScenario()
    {
        var trace = Temp("t.jsonl");
        File.WriteAllText(trace, """
            {"event": "power-on primary secondary", "groups": {"1": {"activeOn": "primary"}}}
            {"event": "primary: no failover active group 1", "groups": {"1": {"activeOn": "secondary"}}}
            {"event": "power-off secondary", "units": {"primary": {"groups": {"1": {"state": "Standby Ready"}}}}}
            """);

        var (exit, output, _) = Run(["oracle", "check", trace]);

        Assert.Equal(1, exit);
        var lines = output.Split('\n');
        Assert.EndsWith(":3: diverges at step 3 (power-off secondary): units.primary.groups.1.state: the model has \"Active\", the trace \"Standby Ready\"", lines[0], StringComparison.Ordinal);
        var scenario = Temp("reproduce.scenario");
        File.WriteAllText(scenario, string.Join('\n', lines.Skip(1)) + "expect primary group 1 \"Standby Ready\"\n");
        var replay = Run(["run", scenario]);
        Assert.Equal(1, replay.Exit);
        Assert.Contains("but primary group 1 is Active", replay.Err, StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l.Length > 0 && !l.StartsWith('#')) - 1);
    }

    /// <summary>A thousand events in one lock-step session: every request gets exactly one answer line, in order.</summary>
    [Fact]
    public void ServeAnswersAThousandEvents()
    {
        var requests = new StringBuilder();
        string[] cycle = ["power-on primary secondary", "power-off primary", "power-on primary", "primary: failover active group 1", "interface-down primary context1/inside", "interface-up primary context1/inside", "crash secondary", "wait 3m"];
        for (var i = 0; i < 1_000; i++)
        {
            requests.Append(JsonSerializer.Serialize(new { @event = cycle[i % cycle.Length] })).Append('\n');
        }

        var (exit, output, _) = Run(["oracle", "serve"], requests.ToString());

        Assert.Equal(0, exit);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1_000, answers.Length);
        Assert.All(answers.Select((a, i) => (JsonDocument.Parse(a).RootElement, i)), x =>
        {
            Assert.Equal(x.i + 1, x.Item1.GetProperty("line").GetInt32());
            Assert.False(x.Item1.TryGetProperty("error", out _));
        });
    }

    [Fact]
    public void ServeGivesAVerdictForAnObservedStateAndGoesOnAfterABadRequest()
    {
        const string requests = """
            {"event": "power-on primary secondary", "groups": {"1": {"activeOn": "secondary"}}}
            {"event": "power-on"}
            not json
            {"reset": true}
            {"event": "power-on primary", "settle": false, "units": {"primary": {"power": "on"}}}
            """;

        var (exit, output, _) = Run(["oracle", "serve"], requests);

        Assert.Equal(0, exit);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(a => JsonDocument.Parse(a).RootElement).ToList();
        Assert.Equal(5, answers.Count);
        var verdict = answers[0].GetProperty("verdict");
        Assert.False(verdict.GetProperty("conforms").GetBoolean());
        Assert.Equal("groups.1.activeOn", verdict.GetProperty("divergences")[0].GetProperty("field").GetString());
        Assert.Equal("\"primary\"", verdict.GetProperty("divergences")[0].GetProperty("expected").GetString());
        Assert.StartsWith("event \"power-on\": missing argument", answers[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("not a JSON object", answers[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("reset", answers[3].GetProperty("event").GetString());
        Assert.True(answers[4].GetProperty("verdict").GetProperty("conforms").GetBoolean());
        Assert.Equal("Negotiation", answers[4].GetProperty("units").GetProperty("primary").GetProperty("groups").GetProperty("1").GetProperty("state").GetString());
    }

    /// <summary>The acceptance run: a script pipes a thousand events into the real executable and reads a thousand answers.</summary>
    [Fact]
    public void ServeAnswersAThousandEventsPipedFromAScript()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "failover-model.dll");
        var script = Temp("drive.sh");
        File.WriteAllText(script, """
            for i in $(seq 1 500); do
              echo '{"event": "power-on primary secondary"}'
              echo '{"event": "power-off primary", "groups": {"1": {"activeOn": "secondary"}}}'
            done | dotnet "$1" oracle serve | grep -c '"conforms":true'
            """);
        using var bash = Process.Start(new ProcessStartInfo("bash", [script, dll]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, bash.StandardError.ReadToEnd());
        Assert.Equal("500", output.Trim());
    }
}
