using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverModel.Asa;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

public class TraceCheckerTests
{
    private static readonly Lazy<(string Text, VectorCoverage Coverage)> OneGroupVectors = new(() => OracleFixtures.Vectors(OracleFixtures.OneGroup));

    [Fact]
    public void TheVectorsCoverEveryTransitionAndReplayOnTheModel()
    {
        var (text, coverage) = OneGroupVectors.Value;

        Assert.Equal(coverage.Transitions, coverage.Covered);
        Assert.True(coverage.Transitions > 1_000, $"only {coverage.Transitions} transitions");
        var verdict = OracleFixtures.Check(OracleFixtures.OneGroup, text);
        Assert.Null(verdict.Divergence);
        Assert.Equal(coverage.Steps, verdict.Steps);
        Assert.Equal(coverage.Cases, verdict.Cases);
    }

    /// <summary>A tour, not a path per transition: far fewer steps than transitions times the depth of the graph.</summary>
    [Fact]
    public void TheTourIsShort()
    {
        var (_, coverage) = OneGroupVectors.Value;

        Assert.True(coverage.Steps < 3 * coverage.Transitions, $"{coverage.Steps} steps for {coverage.Transitions} transitions");
    }

    public static TheoryData<int, string> Flips() => new()
    {
        { 1, "groups.1.activeOn" },
        { 7, "units.secondary.groups.1.state" },
        { 40, "links.failover" },
        { 123, "units.primary.power" },
        { 500, "units.primary.groups.1.reason" },
    };

    /// <summary>A trace with one field changed is reported at that step, naming that field.</summary>
    [Theory]
    [MemberData(nameof(Flips))]
    public void AFlippedFieldIsReportedAtItsStep(int line, string field)
    {
        var lines = OneGroupVectors.Value.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var node = JsonNode.Parse(lines[line - 1])!;
        var path = field.Split('.');
        var parent = path[..^1].Aggregate(node, (n, key) => n[key]!);
        var value = parent[path[^1]]!.GetValue<string>();
        parent[path[^1]] = value + "-changed";
        lines[line - 1] = node.ToJsonString();

        var verdict = OracleFixtures.Check(OracleFixtures.OneGroup, string.Join('\n', lines));

        Assert.Equal(line, verdict.Divergence?.Line);
        Assert.Equal(field, verdict.Divergence?.Fields[0].Field);
        Assert.Equal($"\"{value}\"", verdict.Divergence?.Fields[0].Expected);
    }

    [Fact]
    public void AFieldLeftOutIsNotCompared()
    {
        const string trace = """
            {"event": "power-on primary secondary", "groups": {"1": {"activeOn": "primary"}}}
            {"event": "power-off primary"}
            {"event": "link-down failover", "units": {"secondary": {"groups": {"1": {"state": "Active"}}}}}
            """;

        var verdict = OracleFixtures.Check(OracleFixtures.OneGroup, trace);

        Assert.Null(verdict.Divergence);
        Assert.Equal((3L, 2L), (verdict.Steps, verdict.Compared));
    }

    [Fact]
    public void WaitsAndUnsettledEventsRunOnTheClock()
    {
        const string trace = """
            {"event": "power-on primary secondary"}
            {"event": "power-off primary", "settle": false, "groups": {"1": {"activeOn": "none"}}}
            {"event": "wait 44s", "time": 44000, "groups": {"1": {"activeOn": "none", "outage": 44000}}}
            {"event": "wait 1s", "time": 45000, "groups": {"1": {"activeOn": "secondary"}}, "syslog": [{"unit": "secondary", "id": 105005}, {"unit": "secondary", "id": 103001}, {}, {}, {}]}
            """;

        var verdict = OracleFixtures.Check(OracleFixtures.OneGroup, trace);

        Assert.True(verdict.Divergence is null, string.Join("; ", verdict.Divergence?.Fields.Select(f => $"{f.Field}: {f.Expected} vs {f.Observed}") ?? []));
    }

    [Fact]
    public void ANewCaseStartsFromPowerOff()
    {
        const string trace = """
            {"case": 1, "event": "power-on primary"}
            {"case": 2, "event": "power-on secondary", "groups": {"1": {"activeOn": "secondary"}}}
            """;

        Assert.Null(OracleFixtures.Check(OracleFixtures.OneGroup, trace).Divergence);
    }

    [Fact]
    public void TheShortestPathReproducesTheDivergence()
    {
        var lines = OneGroupVectors.Value.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var node = JsonNode.Parse(lines[299])!;
        node["groups"]!["1"]!["activeOn"] = "both";
        lines[299] = node.ToJsonString();
        var divergence = new TraceChecker(OracleFixtures.OneGroup).Check(new StringReader(string.Join('\n', lines)), "t").Divergence!;
        var search = new ReproducerSearch(OracleFixtures.OneGroup);

        var reproducer = search.Find(divergence);

        Assert.NotNull(reproducer);
        Assert.Equal(ReproducerOrigin.ShortestPath, reproducer.Origin);
        Assert.True(reproducer.Steps.Count <= divergence.Step, $"{reproducer.Steps.Count} events to reproduce a divergence at step {divergence.Step}");
        Assert.True(search.Reproduces(reproducer.Steps, divergence));
    }

    /// <summary>A scenario that stops short of the diverging event does not reach the state before it, and is not taken for a reproduction.</summary>
    [Fact]
    public void AScenarioReproducesADivergenceOnlyWhenItEndsWithTheFieldTheModelHad()
    {
        const string trace = """
            {"event": "power-on primary secondary", "groups": {"1": {"activeOn": "primary"}}}
            {"event": "power-off primary", "groups": {"1": {"activeOn": "primary"}}}
            """;
        var divergence = new TraceChecker(OracleFixtures.OneGroup).Check(new StringReader(trace), "t").Divergence!;
        var search = new ReproducerSearch(OracleFixtures.OneGroup);
        var steps = search.Find(divergence)!.Steps;

        Assert.Equal(["power-on primary secondary", "power-off primary"], steps.Select(e => e.Text));
        Assert.True(search.Reproduces(steps, divergence));
        Assert.False(search.Reproduces([.. steps.Take(1)], divergence));
        Assert.False(search.Reproduces([new ReproducerStep("power-on primary"), new ReproducerStep("power-off primary")], divergence));
        Assert.False(search.Reproduces([], divergence));
    }

    /// <summary>
    /// The reproducer goes only through steps the trace took: the state a detour leaves again (the Stateful link down
    /// and up) is cut out, and nothing the trace did not show is added. Past its time the search gives up with a
    /// reason; Ctrl-C stops it at once.
    /// </summary>
    [Fact]
    public void TheReproducerTakesOnlyStepsTheTraceTookAndTheSearchIsBoundedInTime()
    {
        const string trace = """
            {"event": "power-on primary secondary"}
            {"event": "link-down state"}
            {"event": "link-up state"}
            {"event": "connect ctx tcp"}
            {"event": "power-off primary", "groups": {"1": {"activeOn": "primary"}}}
            """;
        var divergence = new TraceChecker(OracleFixtures.OneGroup).Check(new StringReader(trace), "t").Divergence!;
        var search = new ReproducerSearch(OracleFixtures.OneGroup);

        var reproducer = search.Find(divergence)!;

        Assert.Equal(["power-on primary secondary", "connect ctx tcp", "power-off primary"], reproducer.Steps.Select(s => s.Text));
        Assert.Equal(ReproducerOrigin.ShortestPath, reproducer.Origin);
        Assert.True(search.Reproduces(reproducer.Steps, divergence));
        Assert.Throws<TimeoutException>(() => search.Find(divergence, time: TimeSpan.Zero));
        Assert.Throws<OperationCanceledException>(() => search.Find(divergence, cancel: new CancellationToken(canceled: true)));
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "{\"event\": \"power-on primary\"}\nnot json\n", "trace.jsonl:2:2: not a JSON object: 'not json' is an invalid JSON literal" },
        { "[1, 2]\n", "trace.jsonl:1:1: a trace line is a JSON object, not array" },
        { "{\"units\": {}}\n", "trace.jsonl:1:1: a trace line needs \"event\": a string such as \"power-off primary\"" },
        { "{\"event\": 7}\n", "trace.jsonl:1:1: a trace line needs \"event\": a string such as \"power-off primary\"" },
        { "{\"event\": \"power-on tertiary\"}\n", "trace.jsonl:1:1: event \"power-on tertiary\": unknown unit 'tertiary' (primary or secondary)" },
        { "{\"event\": \"power-on primary\", \"settle\": \"no\"}\n", "trace.jsonl:1:1: \"settle\" is true or false" },
        { "{\"event\": \"power-on primary\", \"colour\": \"red\"}\n", "trace.jsonl:1:1: unknown field \"colour\" (a trace line has case, step, line, event, settle, at, time, units, links, groups, contexts, connections, views, syslog, device)" },
        { "{\"event\": \"power-on primary\", \"units\": {\"prim", "trace.jsonl:1:46: not a JSON object: Expected end of string, but instead reached end of data" },
        { "\u0001\u0002\u0000\u00ff\n", "trace.jsonl:1:1: not a JSON object: '0x01' is an invalid start of a value" },
        { "", "trace.jsonl:1:1: the trace has no events" },
        { "{\"event\": \"expect group 1 active-on primary\"}\n", "trace.jsonl:1:1: event \"expect group 1 active-on primary\" is not an event of the scenario language or 'wait <duration>'" },
        { "{\"event\": \"power-on primary\", \"units\": {\"primary\": {\"failedInterfaces\": [\"ctx/inside\", 7]}}}\n", "trace.jsonl:1:1: units.primary.failedInterfaces[1]: a string is expected here, not a number (docs/schema/state.schema.json)" },
        { "{\"event\": \"power-on primary\", \"syslog\": [{\"id\": 104001}, {\"unit\": \"primary\", \"colour\": 1}]}\n", "trace.jsonl:1:1: syslog[1].colour: the state object has no such field here (docs/schema/state.schema.json)" },
        { "{\"event\": \"power-on primary\", \"views\": {\"secondary\": {\"groups\": {\"1\": {\"state\": \"Active\"}, \"2\": {}}}}}\n", "trace.jsonl:1:1: views.secondary.groups.2: the state object has no such field here (docs/schema/state.schema.json)" },
        { "{\"event\": \"power-on primary\", \"units\": {\"secondary\": {\"configuration\": {\"ctx\": [0, \"1\"]}}}}\n", "trace.jsonl:1:1: units.secondary.configuration.ctx[1]: a number is expected here, not a string (docs/schema/state.schema.json)" },
        { "{\"event\": \"power-on primary\", \"groups\": {\"1\": {\"activeOn\": \"primary\", \"activeOn\": \"none\"}}}\n", "trace.jsonl:1:71: not a JSON object: Duplicate property 'activeOn'" },
    };

    /// <summary>
    /// The reader keeps the words it has read and reuses its sets of member names level by level: a line read after
    /// another, with the same words in other places, is read as itself, and a member repeated only across two objects
    /// is no duplicate.
    /// </summary>
    [Fact]
    public void LinesThatRepeatWordsAreEachReadAsWritten()
    {
        const string trace = """
            {"event": "power-on primary secondary", "units": {"primary": {"status": "Failover On"}, "secondary": {"status": "Failover On"}}, "groups": {"1": {"activeOn": "primary"}}}
            {"event": "power-off primary", "groups": {"1": {"activeOn": "secondary"}}, "units": {"secondary": {"status": "Failover On"}}}
            {"event": "power-on primary", "units": {"primary": {"status": "Failover On"}}, "links": {"failover": "up"}}
            """;

        var verdict = OracleFixtures.Check(OracleFixtures.OneGroup, trace);
        var diverging = OracleFixtures.Check(OracleFixtures.OneGroup, trace.Replace("\"activeOn\": \"secondary\"}}, \"units\"", "\"activeOn\": \"primary\"}}, \"units\"", StringComparison.Ordinal));

        Assert.Null(verdict.Divergence);
        Assert.Equal(3, verdict.Compared);
        Assert.Equal(2, diverging.Divergence!.Line);
        Assert.Equal("groups.1.activeOn: the model has \"secondary\", the trace \"primary\"", Assert.Single(diverging.Divergence.Fields).Message);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void AMalformedLineIsAnErrorWithItsLineNumber(string trace, string message)
    {
        var error = Assert.Throws<InputException>(() => OracleFixtures.Check(OracleFixtures.OneGroup, trace));

        Assert.Equal(message, error.Describe());
    }
}
