using FailoverModel.Exploration;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams;

/// <summary>
/// The pair's reachable graph, drawn for readers. Both views are built from the settled graph (states with no internal
/// step pending; an edge is an event and the settle after it), starting from the seed's running pair, under the
/// documentation alphabet: the failure events of the seed's table told on the primary — power failure and power-on,
/// the failover link failing and returning, an interface of group 1 failing and recovering — and the command that
/// gives group 1 back to it. The complete reachable graph, millions of states, is
/// what <c>explore</c> checks; a picture of it would help nobody. <see cref="Full"/> draws every settled state; <see cref="Documentation"/> collapses states to what a
/// reader cares about: where each group is active, which units run, the link, failed groups.
/// </summary>
public static class PairDiagrams
{
    public static IReadOnlyList<Event> DocumentationAlphabet(PairConfig config)
    {
        var events = new List<Event>
        {
            new PowerOff(UnitRole.Primary),
            new PowerOn(UnitRole.Primary),
            new LinkChange(LinkKind.Failover, Up: false),
            new LinkChange(LinkKind.Failover, Up: true),
        };
        if (config.Interfaces.FirstOrDefault(i => i.Monitored && config.GroupOfContext(i.Context) == 1) is { } first)
        {
            events.Add(new InterfaceChange(UnitRole.Primary, first.Name, Up: false));
            events.Add(new InterfaceChange(UnitRole.Primary, first.Name, Up: true));
        }

        events.Add(new CommandEvent(UnitRole.Primary, null, new FailoverActive(1)));
        return events;
    }

    /// <summary>The seed's running pair: both units booted together, each group active on its preferred unit.</summary>
    public static SettledGraph Graph(FailoverPair pair) =>
        SettledGraph.Explore(pair, DocumentationAlphabet(pair.Config), from: pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]));

    public static DiagramGraph Full(SettledGraph graph)
    {
        var nodes = graph.States.Select((s, i) => new DiagramNode($"n{i}", Describe(graph.Pair.Config, s, detailed: true), i == 0)).ToList();
        var edges = Enumerable.Range(0, graph.StateCount)
            .SelectMany(s => graph.OutEdges(s).Select(e => new DiagramEdge($"n{s}", $"n{e.Target}", graph.Alphabet[e.Event].ToString())))
            .ToList();
        return new DiagramGraph("pair-full", nodes, edges);
    }

    /// <summary>
    /// The full view for tools: every settled state as the snapshot JSON object (docs/scenario-language.md) and every edge with its event, in
    /// breadth-first order.
    /// </summary>
    public static string FullJson(SettledGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = PairStateJson.Options.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("configuration", graph.Pair.Config.Name);
            w.WriteStartArray("states");
            for (var s = 0; s < graph.StateCount; s++)
            {
                w.WriteStartObject();
                w.WriteString("id", $"n{s}");
                PairStateJson.WriteStateMembers(w, graph.Pair.Config, graph.States[s]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("transitions");
            for (var s = 0; s < graph.StateCount; s++)
            {
                foreach (var (e, t) in graph.OutEdges(s))
                {
                    w.WriteStartObject();
                    w.WriteString("from", $"n{s}");
                    w.WriteString("event", graph.Alphabet[e].ToString());
                    w.WriteString("to", $"n{t}");
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static DiagramGraph Documentation(SettledGraph graph)
    {
        var config = graph.Pair.Config;
        var keys = graph.States.Select(s => Describe(config, s, detailed: false)).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<DiagramNode>();
        foreach (var key in keys)
        {
            if (!ids.ContainsKey(key))
            {
                ids[key] = $"v{ids.Count}";
                nodes.Add(new DiagramNode(ids[key], key, ids.Count == 1));
            }
        }

        // One edge per pair of views, labelled with the kinds of event that lead there.
        var labels = new SortedDictionary<(int, int), SortedSet<string>>();
        for (var s = 0; s < graph.StateCount; s++)
        {
            foreach (var (e, t) in graph.OutEdges(s))
            {
                var from = int.Parse(ids[keys[s]][1..], System.Globalization.CultureInfo.InvariantCulture);
                var to = int.Parse(ids[keys[t]][1..], System.Globalization.CultureInfo.InvariantCulture);
                if (from == to)
                {
                    continue;
                }

                if (!labels.TryGetValue((from, to), out var set))
                {
                    labels[(from, to)] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(Kind(graph.Alphabet[e]));
            }
        }

        var edges = labels.Select(l => new DiagramEdge($"v{l.Key.Item1}", $"v{l.Key.Item2}", string.Join("\n", l.Value))).ToList();
        return new DiagramGraph("pair", nodes, edges);
    }

    /// <summary>An event without the detail a reader of the collapsed view does not need (which interface, which group).</summary>
    private static string Kind(Event e) => e switch
    {
        InterfaceChange i => $"{(i.Up ? "interface-up" : "interface-down")} {i.Unit.Token()}",
        _ => e.ToString(),
    };

    private static string Describe(PairConfig config, PairState s, bool detailed)
    {
        var lines = new List<string>();
        foreach (var g in config.GroupIds)
        {
            var where = s.ActiveOn(g);
            lines.Add(where == ActiveOn.None ? $"group {g} active nowhere" : $"group {g} active on {where.Token()}");
        }

        lines.Add($"primary {Short(s.Primary.Status)}, secondary {Short(s.Secondary.Status)}");
        if (s.FailoverLink == LinkStatus.Down)
        {
            lines.Add("failover link down");
        }

        foreach (var unit in UnitRoles.Both)
        {
            var failed = config.GroupIds.Where(g => s.GroupState(unit, g) == GroupState.Failed && s.Unit(unit).Status == UnitStatus.FailoverOn).ToList();
            if (failed.Count > 0)
            {
                lines.Add($"{unit.Token()}: group {string.Join(", ", failed)} Failed");
            }
        }

        // A failed interface explains a later failover, so even the collapsed view shows it.
        lines.AddRange(config.Interfaces.Select((i, n) => (i, n))
            .SelectMany(x => UnitRoles.Both.Where(u => s.Unit(u).IsInterfaceFailed(x.n)).Select(u => $"{x.i.Name} down on {u.Token()}")));
        if (detailed)
        {
            foreach (var unit in UnitRoles.Both)
            {
                lines.Add($"{unit.Token()}: {string.Join(" / ", config.GroupIds.Select(g => s.GroupState(unit, g).Display()))}");
            }
        }

        return string.Join("\n", lines);
    }

    private static string Short(UnitStatus status) => status switch
    {
        UnitStatus.FailoverOn => "up",
        UnitStatus.FailoverOff => "up, failover off",
        UnitStatus.PoweredOff => "off",
        UnitStatus.Reloading => "reloading",
        UnitStatus.HardwareFailed => "failed",
        _ => status.Display(),
    };
}
