using System.Text;
using System.Text.Json.Nodes;
using FailoverModel.Oracle;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// docs/oracle.md, "Reproducers": a trace of a deliberately broken implementation is checked, and the scenario the
/// checker prints, run again through the same broken implementation, diverges again in the same way: at its last event,
/// with the same fields, values and messages. The implementation here is the model with one bug applied to what it
/// reports; some bugs depend on history (an unreplicated save, a change replicated from the wrong unit), so a
/// reproducer that reaches the same settled state by another way would not show them.
/// </summary>
public class ReproducerTests
{
    /// <summary>A bug: how the broken implementation changes the model's report of a step (its event, its line, the model's previous line, its memory).</summary>
    public delegate void Bug(string @event, JsonObject line, JsonObject? previous, Dictionary<string, JsonNode?> memory);

    private static readonly string[][] Cases =
    [
        [
            "power-on primary secondary", "primary: hostname fw1", "primary: write memory", "secondary/ctx: access-list b deny ip any any",
            "primary/ctx: access-list a permit ip any any", "primary: write memory all", "connect ctx tcp", "crash primary",
            "power-off secondary", "power-on secondary", "interface-down primary ctx/inside", "interface-up primary ctx/inside",
            "link-down failover", "link-up failover", "power-off primary", "power-on primary", "primary: failover reset",
            "secondary: failover active", "primary: failover active", "primary: write standby", "link-down state",
            "connect ctx udp", "crash secondary", "secondary: no failover", "secondary: failover",
        ],
        [
            "power-on primary", "power-on secondary", "hardware-fail primary", "primary: failover reset", "replace primary",
            "power-on primary", "secondary: no failover active", "power-off secondary",
        ],
        ["power-on primary secondary", "interface-down primary ctx/inside", "interface-down secondary ctx/inside", "primary: failover reset"],
    ];

    public static TheoryData<string> Bugs() => [.. BugTable.Keys];

    private static readonly Dictionary<string, Bug> BugTable = new()
    {
        ["row 1 forgotten: the active group stays on a unit that lost power"] = (e, l, _, _) =>
        {
            if (e == "power-off primary" && Str(l, "groups", "1", "activeOn") == "secondary")
            {
                Set(l, "primary", "groups", "1", "activeOn");
            }
        },
        ["wrong reason text"] = (e, l, _, _) => Replace(l, "Ifc Failure", "Interface Failure", "units", "primary", "groups", "1", "reason"),
        ["wrong syslog id"] = (e, l, _, _) => EachMessage(l, m => m["id"] = (int)m["id"]! == 104001 ? 104011 : (int)m["id"]!),
        ["line protocol messages not logged"] = (e, l, _, _) => RemoveMessages(l, m => (int)m["id"]! == 411001),
        ["two messages logged the other way round"] = (e, l, _, _) =>
        {
            var s = (JsonArray)l["syslog"]!;
            if (s.Count >= 2 && e.StartsWith("crash", StringComparison.Ordinal))
            {
                var first = s[0]!.DeepClone();
                s[0] = s[1]!.DeepClone();
                s[1] = first;
            }
        },
        ["failover link always shown up"] = (e, l, _, _) => l["links"]!["failover"] = "up",
        ["status display misspelt"] = (e, l, _, _) => Replace(l, "Failover On", "Failover Enabled", "units", "primary", "status"),
        ["failed interfaces not reported"] = (e, l, _, _) => l["units"]!["primary"]!["failedInterfaces"] = new JsonArray(),
        ["Standby Ready shown as Standby"] = (e, l, _, _) => Replace(l, "Standby Ready", "Standby", "units", "secondary", "groups", "1", "state"),
        ["a mate declared failed still shown as heard"] = (e, l, _, _) => Replace(l, "failed", "hellos", "views", "secondary", "contact"),
        ["the mate's true state shown instead of the last hello"] = (e, l, _, _) =>
        {
            if (Str(l, "views", "primary", "groups", "1", "state") is "Failed")
            {
                Set(l, Str(l, "units", "secondary", "groups", "1", "state")!, "views", "primary", "groups", "1", "state");
            }
        },
        ["connections not replicated"] = (e, l, _, _) => l["connections"]!["1"]!["replicated"] = new JsonArray(),
        ["outage not counted"] = (e, l, _, _) => l["groups"]!["1"]!["outage"] = 0,
        ["clock a second fast"] = (e, l, _, _) => l["time"] = (long)l["time"]! + (e.StartsWith("crash", StringComparison.Ordinal) ? 1000 : 0),
        ["a context follows the wrong unit"] = (e, l, _, _) => Replace(l, "secondary", "primary", "contexts", "ctx", "activeOn"),
        ["a crash shown as power loss"] = (e, l, _, _) =>
        {
            if (e == "crash primary")
            {
                Set(l, "off", "units", "primary", "power");
            }
        },
        ["'write memory' not replicated"] = (e, l, previous, memory) =>
        {
            foreach (var unit in new[] { "primary", "secondary" })
            {
                var mate = unit == "primary" ? "secondary" : "primary";
                var spaces = (JsonObject)l["units"]![unit]!["configuration"]!;
                foreach (var (space, revisions) in spaces.ToList())
                {
                    var key = $"{unit}/{space}";
                    var startup = (long)revisions![1]!;
                    var before = previous is null ? startup : (long)previous["units"]![unit]!["configuration"]![space]![1]!;
                    if (!memory.ContainsKey(key) || (startup != before && !e.StartsWith($"{mate}: write memory", StringComparison.Ordinal)))
                    {
                        memory[key] = startup;
                    }

                    revisions[1] = memory[key]!.DeepClone();
                }
            }
        },
        ["a change on the standby replicated anyway"] = (e, l, previous, memory) =>
        {
            if (e.StartsWith("secondary/ctx: ", StringComparison.Ordinal) || memory.ContainsKey("replicated"))
            {
                memory["replicated"] = true;
                l["units"]!["primary"]!["configuration"]!["ctx"]![0] = (long)l["units"]!["secondary"]!["configuration"]!["ctx"]![0]!;
            }
        },
        ["an interface failed on both units counted against the standby"] = (e, l, _, _) =>
        {
            if (e == "interface-down secondary ctx/inside")
            {
                Set(l, Str(l, "units", "primary", "groups", "1", "state") == "Failed" ? "Standby Ready" : "Failed", "units", "primary", "groups", "1", "state");
            }
        },
        ["a message logged twice"] = (e, l, _, _) =>
        {
            var s = (JsonArray)l["syslog"]!;
            if (s.Count > 0 && e.StartsWith("link-down", StringComparison.Ordinal))
            {
                s.Add(s[^1]!.DeepClone());
            }
        },
    };

    [Fact]
    public void ThereAreTwentyKindsOfBug() => Assert.Equal(20, BugTable.Count);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void APrintedReproducerReplaysToTheSameDivergence(string name)
    {
        var bug = BugTable[name];
        var config = OracleFixtures.OneGroup;
        var divergence = new TraceChecker(config).Check(new StringReader(Trace(bug, Cases)), "trace.jsonl").Divergence;
        Assert.True(divergence is not null, $"{name}: the broken implementation conforms");

        var reproducer = new ReproducerSearch(config).Find(divergence);

        Assert.NotNull(reproducer);
        var again = new TraceChecker(config).Check(new StringReader(Trace(bug, [[.. reproducer.Steps.Select(s => s.Text)]])), "reproducer").Divergence;
        Assert.True(again is not null, $"{name}: the reproducer ({string.Join("; ", reproducer.Steps.Select(s => s.Text))}) conforms");
        Assert.Equal(reproducer.Steps.Count, again.Step);
        Assert.Equal(divergence.Event, again.Event);
        Assert.Equal(divergence.Fields, again.Fields);
        Assert.True(reproducer.Steps.Count <= divergence.Step, $"{reproducer.Steps.Count} steps for a divergence at step {divergence.Step}");
    }

    /// <summary>The unreplicated save is reported at the save itself, and its reproducer keeps the change it saves.</summary>
    [Fact]
    public void AnUnreplicatedSaveIsCaughtAtTheSaveAndItsReproducerKeepsTheChange()
    {
        var divergence = new TraceChecker(OracleFixtures.OneGroup).Check(new StringReader(Trace(BugTable["'write memory' not replicated"], Cases)), "t").Divergence!;

        var reproducer = new ReproducerSearch(OracleFixtures.OneGroup).Find(divergence)!;

        Assert.Equal("primary: write memory", divergence.Event);
        Assert.Equal("units.secondary.configuration.system[1]", divergence.Fields[0].Field);
        Assert.Equal(["power-on primary secondary", "primary: hostname fw1", "primary: write memory"], reproducer.Steps.Select(s => s.Text));
    }

    /// <summary>The broken implementation's trace of <paramref name="cases"/>: each step the model's full line, with the bug applied.</summary>
    private static string Trace(Bug bug, IReadOnlyList<IReadOnlyList<string>> cases)
    {
        var config = OracleFixtures.OneGroup;
        var writer = new ExpectedState(config);
        var trace = new StringBuilder();
        for (var c = 0; c < cases.Count; c++)
        {
            var session = new OracleSession(config);
            var memory = new Dictionary<string, JsonNode?>();
            JsonObject? previous = null;
            foreach (var @event in cases[c])
            {
                var step = session.Apply(@event);
                var line = JsonNode.Parse(Encoding.UTF8.GetString(writer.Write([("case", c + 1), ("event", @event)], step.After, step.Outage, step.Messages).Span))!.AsObject();
                var model = (JsonObject)line.DeepClone();
                bug(@event, line, previous, memory);
                previous = model;
                trace.Append(line.ToJsonString()).Append('\n');
            }
        }

        return trace.ToString();
    }

    private static string? Str(JsonObject line, params string[] path) =>
        path.Aggregate((JsonNode?)line, (n, key) => n?[key]) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Set(JsonObject line, string value, params string[] path) =>
        path[..^1].Aggregate((JsonNode)line, (n, key) => n[key]!)[path[^1]] = value;

    private static void Replace(JsonObject line, string from, string to, params string[] path)
    {
        if (Str(line, path) == from)
        {
            Set(line, to, path);
        }
    }

    private static void EachMessage(JsonObject line, Action<JsonObject> change)
    {
        foreach (var m in (JsonArray)line["syslog"]!)
        {
            change(m!.AsObject());
        }
    }

    private static void RemoveMessages(JsonObject line, Func<JsonObject, bool> remove)
    {
        var s = (JsonArray)line["syslog"]!;
        foreach (var m in s.Where(m => remove(m!.AsObject())).ToList())
        {
            s.Remove(m);
        }
    }
}
