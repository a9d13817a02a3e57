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
        if (config.Interfaces.FirstOrDefault(i => i.Monitored && config.GroupOfContext(i.Context) == FailoverGroupId.One) is { } first)
        {
            events.Add(new InterfaceChange(UnitRole.Primary, first.Name, Up: false));
            events.Add(new InterfaceChange(UnitRole.Primary, first.Name, Up: true));
        }

        events.Add(new CommandEvent(UnitRole.Primary, null, new FailoverActive(FailoverGroupId.One)));
        return events;
    }

    /// <summary>The seed's running pair: both units booted together, each group active on its preferred unit.</summary>
    public static SettledGraph Graph(FailoverPair pair) =>
        SettledGraph.Explore(pair, DocumentationAlphabet(pair.Config), from: pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]));

    public static DiagramGraph Full(SettledGraph graph)
    {
        var nodes = graph.States.Select((s, i) => new DiagramNode($"n{i}", Describe(graph.Pair.Config, s, detailed: true), i == 0, KindOf(graph.Pair.Config, s))).ToList();
        var edges = Enumerable.Range(0, graph.StateCount)
            .SelectMany(s => graph.OutEdges(s).Select(e => new DiagramEdge($"n{s}", $"n{e.Target}", graph.Alphabet[e.Event].ToString())))
            .ToList();
        return new DiagramGraph("pair-full", nodes, edges) { Title = $"{graph.Pair.Config.Name}: every settled state with each unit's group states (reference sheet)", ReferenceSheet = true };
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

    /// <summary>The whole documentation view: every settled state collapsed to what a reader cares about. A reference sheet.</summary>
    public static DiagramGraph Documentation(SettledGraph graph) =>
        View(graph, "pair", $"{graph.Pair.Config.Name}: where each group is active after each failure event of the seed's table", _ => true) with { ReferenceSheet = true };

    /// <summary>
    /// The documentation view split by fault family: only the events of one family (and the command that gives group
    /// 1 back), from the running pair. Each is small enough to read at page width.
    /// </summary>
    public static IReadOnlyList<DiagramGraph> Families(SettledGraph graph)
    {
        var config = graph.Pair.Config;
        bool Command(Event e) => e is CommandEvent;
        return
        [
            View(graph, "pair-power", $"{config.Name}: the primary loses power and comes back", e => e is PowerOff or PowerOn || Command(e)),
            View(graph, "pair-failover-link", $"{config.Name}: the failover link fails and returns", e => e is LinkChange || Command(e)),
            View(graph, "pair-link-then-power", $"{config.Name}: the failover link fails, then the primary loses power (outage and split brain)", e => e is LinkChange or PowerOff or PowerOn || Command(e)),
            View(graph, "pair-interface", $"{config.Name}: a monitored interface of group 1 fails and recovers", e => e is InterfaceChange || Command(e)),
        ];
    }

    /// <summary>
    /// The states reachable from the running pair under the events <paramref name="include"/> admits, collapsed to the
    /// reader's lines; an edge and its reverse are drawn once, lines every state shares go to the title.
    /// </summary>
    public static DiagramGraph View(SettledGraph graph, string name, string title, Func<Event, bool> include)
    {
        var config = graph.Pair.Config;
        var reached = new List<int> { 0 };
        var seen = new HashSet<int> { 0 };
        for (var i = 0; i < reached.Count; i++)
        {
            foreach (var (e, t) in graph.OutEdges(reached[i]))
            {
                if (include(graph.Alphabet[e]) && seen.Add(t))
                {
                    reached.Add(t);
                }
            }
        }

        var keys = reached.ToDictionary(s => s, s => Describe(config, graph.States[s]));
        var order = keys.Values.Distinct(StringComparer.Ordinal).ToList();
        var shared = order.Select(k => k.Split('\n')).Aggregate((a, b) => [.. a.Intersect(b, StringComparer.Ordinal)]);
        var ids = order.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => $"v{x.i}", StringComparer.Ordinal);
        var nodes = order.Select((k, i) =>
        {
            var lines = k.Split('\n').Where(l => !shared.Contains(l, StringComparer.Ordinal)).ToList();
            var state = graph.States[reached.First(s => keys[s] == k)];
            return new DiagramNode($"v{i}", lines.Count == 0 ? "running" : string.Join("\n", lines), i == 0, KindOf(config, state));
        }).ToList();

        // One edge per pair of views, labelled with the kinds of event that lead there.
        var labels = new SortedDictionary<(int From, int To), SortedSet<string>>();
        foreach (var s in reached)
        {
            foreach (var (e, t) in graph.OutEdges(s).Where(x => include(graph.Alphabet[x.Event])))
            {
                var from = order.IndexOf(keys[s]);
                var to = order.IndexOf(keys[t]);
                if (from != to)
                {
                    if (!labels.TryGetValue((from, to), out var set))
                    {
                        labels[(from, to)] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(Kind(graph.Alphabet[e]));
                }
            }
        }

        var edges = DiagramEdges.MergeReverse([.. labels.Select(l => new DiagramEdge($"v{l.Key.From}", $"v{l.Key.To}", string.Join("\n", l.Value)))]).ToList();

        var sharedLine = shared.Length == 0 ? "" : $"\nin every state: {string.Join(", ", shared)}";
        return new DiagramGraph(name, nodes, edges) { Title = title + sharedLine, NodeOfState = ids };
    }

    /// <summary>An outage (a group active nowhere) outranks split brain (a group active on both): no traffic is worse.</summary>
    public static NodeKind KindOf(PairConfig config, PairState state) =>
        config.GroupIds.Any(g => state.ActiveOn(g) == ActiveOn.None) ? NodeKind.Outage
        : config.GroupIds.Any(g => state.ActiveOn(g) == ActiveOn.Both) ? NodeKind.SplitBrain
        : NodeKind.State;

    /// <summary>The reader's lines of a state, as the pair view and the scenario pages key it.</summary>
    public static string Describe(PairConfig config, PairState s) => Describe(config, s, detailed: false);

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

        // Both units up is the normal case: only a unit that is not says so.
        var units = UnitRoles.Both.Where(u => s.Unit(u).Status != UnitStatus.FailoverOn).Select(u => $"{u.Token()} {Short(s.Unit(u).Status)}").ToList();
        if (units.Count > 0)
        {
            lines.Add(string.Join(", ", units));
        }
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
