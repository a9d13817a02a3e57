using System.Text.Json.Nodes;
using FailoverModel.Asa;
using Json.Schema;

namespace FailoverModel.Tests.Oracle;

/// <summary>docs/schema describes what the tools write: every vector line and every <c>run --json</c> line is a valid trace line.</summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> TraceLine = new(() =>
    {
        SchemaRegistry.Global.Register(JsonSchema.FromFile(RepositoryFiles.Path("docs", "schema", "state.schema.json")));
        return JsonSchema.FromFile(RepositoryFiles.Path("docs", "schema", "trace-line.schema.json"));
    });

    [Fact]
    public void EveryVectorLineIsAValidTraceLine()
    {
        var (text, _) = OracleFixtures.Vectors(OracleFixtures.OneGroup);

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(2_000))
        {
            AssertValid(line);
        }
    }

    [Theory]
    [InlineData("timed-power-failure-outage.scenario")]
    [InlineData("row2-interface-failure-on-active-group.scenario")]
    [InlineData("preempt-delay.scenario")]
    public void EveryRunJsonLineIsAValidTraceLine(string scenario)
    {
        var stdout = new StringWriter();
        global::FailoverModel.Cli.Cli.Invoke(["run", "--json", RepositoryFiles.Path("tests", "scenarios", scenario)], stdout, new StringWriter());

        foreach (var line in stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AssertValid(line);
        }
    }

    /// <summary>The lock-step answers carry the oracle's whole state object (with <c>views</c>): each, its verdict aside, is a trace line.</summary>
    [Fact]
    public void EveryServeAnswerIsAValidTraceLine()
    {
        var requests = string.Join('\n', "power-on primary secondary", "power-off primary", "link-down failover", "primary: write memory")
            .Split('\n').Select(e => $$"""{"event": "{{e}}"}""");
        var serve = CommandLine.CliRun.Run(["oracle", "serve"], string.Join('\n', requests) + "\n");

        foreach (var line in serve.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains("\"views\":{\"primary\":{\"contact\":", line, StringComparison.Ordinal);
            AssertValid(line);
        }
    }

    /// <summary>A trace line with device text and a timestamp is a valid trace line.</summary>
    [Fact]
    public void ATraceLineWithDeviceTextAndATimeIsValid() =>
        AssertValid("""{"event": "power-off primary", "at": 52000, "device": {"secondary": {"show failover state": "This host  -   Secondary", "syslog": ["%ASA-1-104001: (Secondary) Switching to ACTIVE - HELLO not heard from mate."]}}}""");

    [Theory]
    [InlineData("""{"units": {}}""")]
    [InlineData("""{"event": "power-on primary", "views": {"primary": {"contact": "maybe"}}}""")]
    [InlineData("""{"event": "power-on primary", "device": {"primary": {"show version": ""}}}""")]
    [InlineData("""{"event": "power-on primary", "groups": {"3": {"activeOn": "primary"}}}""")]
    [InlineData("""{"event": "power-on primary", "links": {"failover": "sideways"}}""")]
    [InlineData("""{"event": "power-on primary", "units": {"primary": {"groups": {"1": {"state": "Standby"}}}}}""")]
    public void TheSchemaRejectsWhatTheOracleRejects(string line)
    {
        var result = TraceLine.Value.Evaluate(JsonNode.Parse(line), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.False(result.IsValid, line);
    }

    private static void AssertValid(string line)
    {
        var result = TraceLine.Value.Evaluate(JsonNode.Parse(line), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{line}\n{string.Join("\n", errors)}");
    }
}
