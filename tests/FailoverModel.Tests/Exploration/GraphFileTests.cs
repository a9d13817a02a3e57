using System.Globalization;
using System.Text.RegularExpressions;
using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Graph;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Tests.Invariants;
using FailoverModel.Topology;
using QuikGraph;
using QuikGraph.Algorithms;

namespace FailoverModel.Tests.Exploration;

/// <summary>
/// The explored graph as a file: each format read back by a reader that knows nothing of the writer holds the
/// explorer's own states and transitions, in exploration order, with the attributes of the states they name.
/// </summary>
public class GraphFileTests
{
    /// <summary>One failover group, no context interface: its whole reachable graph is small enough to write in every test run.</summary>
    public static PairConfig NoInterfaces { get; } = new(
        "one group, no interface",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary)],
        [new ContextConfig("admin", FailoverGroupId.One, [])],
        "admin",
        BuiltInConfigurations.SeedLanExample.FailoverLink,
        BuiltInConfigurations.SeedLanExample.StateLink);

    [Fact]
    public void AWholeReachableGraphInGraphMLHoldsEveryStateAndTransitionTheExplorerCounted()
    {
        var (bytes, result) = GraphFileReaders.Reachable(new FailoverPair(NoInterfaces), GraphFormat.GraphML);
        var file = GraphFileReaders.ReadGraphML(bytes);

        Assert.True(result.Complete);
        Assert.Equal((result.States, result.Transitions), (file.Nodes.Count, (long)file.Edges.Count));
        Assert.Equal("reachable", file.Graph["graph_of"]);
        Assert.Equal(("false", "true"), (file.Graph["bounded"], file.Graph["complete"]));
        Assert.Equal(Counts(result.States, result.Transitions, result.Transitions), (file.Graph["states"], file.Graph["edges"], file.Graph["transitions"]));
        Assert.All(file.Nodes, n => Assert.Matches("^[0-9a-f]{16}$", n.Id));
        Assert.Equal(file.Nodes.Count, file.Nodes.Select(n => n.Id).Distinct().Count());
        Assert.Equal([file.Nodes[0].Id], file.Nodes.Where(n => n.Data["initial"] == "true").Select(n => n.Id));
        Assert.Equal(("boolean", "boolean", "string", "string"), (file.NodeTypes["initial"], file.NodeTypes["primary_failover"], file.NodeTypes["primary_group1"], file.NodeTypes["violation"]));
        Assert.Equal(("string", "boolean", "string"), (file.EdgeTypes["event"], file.EdgeTypes["internal"], file.EdgeTypes["rows"]));
        Assert.DoesNotContain(file.NodeTypes.Keys, k => k.Contains("group2", StringComparison.Ordinal));
        AssertStreamed(file);

        // The initial state is the pair powered off; the internal steps are the pair's own, the others the alphabet's events.
        var initial = file.Nodes[0].Data;
        Assert.Equal(("off", "Powered Off", "Disabled", "not-detected", "up"), (initial["primary_power"], initial["primary_status"], initial["primary_group1"], initial["primary_mate_contact"], initial["failover_link"]));
        var alphabet = EventAlphabet.For(NoInterfaces).Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(file.Edges, e => Assert.True(e.Data["internal"] == "true" ? e.Data["event"].StartsWith("# ", StringComparison.Ordinal) : alphabet.Contains(e.Data["event"]), e.Data["event"]));
        Assert.Contains(file.Edges, e => e.Data["internal"] == "true");
        Assert.Contains(file.Nodes, n => (n.Data["primary_group1"], n.Data["secondary_group1"]) == ("Active", "Standby Ready"));

        // Every table row the explorer saw as a witness is on an edge of the file, and no other.
        var witnessedRows = result.Witnesses.Select(w => Regex.Match(w.What, "^table row ([0-9])$")).Where(m => m.Success).Select(m => m.Groups[1].Value).Order().ToList();
        Assert.NotEmpty(witnessedRows);
        Assert.Equal(witnessedRows, file.Edges.SelectMany(e => e.Data["rows"].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order());
    }

    [Fact]
    public void ABoundedReachableGraphInJsonLinesSaysItIsBoundedAndCountsTheTransitionsToStatesLeftOut()
    {
        var (bytes, result) = GraphFileReaders.Reachable(new FailoverPair(BuiltInConfigurations.SeedLanExample), GraphFormat.JsonLines, maxStates: 2_000);
        var file = GraphFileReaders.ReadJsonLines(bytes);

        Assert.False(result.Complete);
        Assert.Equal(2_000, file.Nodes.Count);
        Assert.Equal(("true", "false"), (file.Graph["bounded"], file.Graph["complete"]));
        Assert.Equal(Counts(result.States, file.Edges.Count, result.Transitions), (file.Graph["states"], file.Graph["edges"], file.Graph["transitions"]));
        Assert.InRange(file.Edges.Count, 1, result.Transitions - 1);
        Assert.Equal(("PIX1", "reachable"), (file.Graph["configuration"], file.Graph["graph_of"]));
        Assert.Equal(file.NodeTypes.Keys.Where(k => k != "violation").Order(), file.Nodes[^1].Data.Keys.Order());
        Assert.Contains(file.NodeTypes.Keys, k => k == "secondary_mate_group2");
        AssertStreamed(file);
    }

    [Fact]
    public void TheSettledGraphInGraphMLIsTheSettledGraphStateForStateAndQuikGraphFindsItsComponents()
    {
        var (bytes, graph) = GraphFileReaders.Settled(new FailoverPair(ExplorerTests.OneGroup), GraphFormat.GraphML);
        var file = GraphFileReaders.ReadGraphML(bytes);

        Assert.True(graph.Complete);
        Assert.Equal((graph.StateCount, graph.EdgeCount), (file.Nodes.Count, file.Edges.Count));
        Assert.Equal(("settled", "false", "true"), (file.Graph["graph_of"], file.Graph["bounded"], file.Graph["complete"]));
        Assert.Equal(graph.States.Select(s => (s.Primary.Group1.State.Display(), s.Secondary.Status.Display(), s.FailoverLink.Token())), file.Nodes.Select(n => (n.Data["primary_group1"], n.Data["secondary_status"], n.Data["failover_link"])));
        var index = file.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Assert.Equal(
            Enumerable.Range(0, graph.EdgeCount).Select(e => graph.Edge(e)).Select(e => (e.Source, graph.Alphabet[e.Event].ToString(), e.Target)),
            file.Edges.Select(e => (index[e.Source], e.Data["event"], index[e.Target])));
        Assert.All(file.Edges, e => Assert.Equal("false", e.Data["internal"]));

        // Read into QuikGraph's own graph, the file has the components the recovery analysis finds.
        var quik = new AdjacencyGraph<string, TaggedEdge<string, string>>(allowParallelEdges: true);
        quik.AddVertexRange(file.Nodes.Select(n => n.Id));
        quik.AddEdgeRange(file.Edges.Select(e => new TaggedEdge<string, string>(e.Source, e.Target, e.Data["event"])));
        Assert.Equal((graph.StateCount, graph.EdgeCount), (quik.VertexCount, quik.EdgeCount));
        Assert.Equal(RecoveryAnalysis.Analyse(graph).StronglyConnectedComponents, quik.StronglyConnectedComponents(new Dictionary<string, int>()));
    }

    [Fact]
    public void TheSettledGraphInDotIsReadByGraphvizWithTheSameCountsAndAttributes()
    {
        var (bytes, graph) = GraphFileReaders.Settled(new FailoverPair(BuiltInConfigurations.SeedLanExample), GraphFormat.Dot, maxStates: 400);
        var path = Path.Combine(Path.GetTempPath(), $"fm-graph-{Guid.NewGuid():N}.dot");
        try
        {
            File.WriteAllBytes(path, bytes);
            var counts = GraphFileReaders.Graphviz("gc", "-n", "-e", path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal((graph.StateCount.ToString(CultureInfo.InvariantCulture), graph.EdgeCount.ToString(CultureInfo.InvariantCulture)), (counts[0], counts[1]));

            var read = GraphFileReaders.Graphviz("gvpr", """BEG_G{int a=0; int i=0; int s=0;} N{if (aget($,"secondary_group2")=="Active") a++; if ($.initial=="true") i++;} E{if (aget($,"event")=="primary: failover active") s++;} END_G{printf("%d %d %d %s %s\n", a, i, s, aget($G,"bounded"), aget($G,"graph_of"));}""", path);
            var activeOnSecondary = graph.States.Count(s => s.Secondary.Group2.State == GroupState.Active);
            var failoverActive = Enumerable.Range(0, graph.EdgeCount).Count(e => graph.Alphabet[graph.EdgeEvent(e)].ToString() == "primary: failover active");
            Assert.True(activeOnSecondary > 0 && failoverActive > 0);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{activeOnSecondary} 1 {failoverActive} true settled\n"), read);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheThreeFormatsHoldTheSameGraphAndAFileIsTheSameByteForByteWhateverTheThreadCount()
    {
        var pair = new FailoverPair(BuiltInConfigurations.SeedLanExample);
        var (graphML, result) = GraphFileReaders.Reachable(pair, GraphFormat.GraphML, maxStates: 1_500, threads: 1);
        var (graphMLOnTwo, _) = GraphFileReaders.Reachable(pair, GraphFormat.GraphML, maxStates: 1_500, threads: 2);
        var (jsonLines, _) = GraphFileReaders.Reachable(pair, GraphFormat.JsonLines, maxStates: 1_500, threads: 2);
        var (dot, _) = GraphFileReaders.Reachable(pair, GraphFormat.Dot, maxStates: 1_500);

        Assert.Equal(graphML, graphMLOnTwo);
        var xml = GraphFileReaders.ReadGraphML(graphML);
        var json = GraphFileReaders.ReadJsonLines(jsonLines);
        Assert.Equal(result.States, xml.Nodes.Count);
        Assert.Equal(xml.Nodes.Select(n => (n.Id, string.Join(';', n.Data.OrderBy(d => d.Key, StringComparer.Ordinal)))), json.Nodes.Select(n => (n.Id, string.Join(';', n.Data.OrderBy(d => d.Key, StringComparer.Ordinal)))));
        Assert.Equal(xml.Edges.Select(e => (e.Source, e.Target, e.Data["event"], e.Data["internal"], e.Data["rows"])), json.Edges.Select(e => (e.Source, e.Target, e.Data["event"], e.Data["internal"], e.Data["rows"])));

        var path = Path.Combine(Path.GetTempPath(), $"fm-graph-{Guid.NewGuid():N}.dot");
        try
        {
            File.WriteAllBytes(path, dot);
            Assert.Matches($"^ *{xml.Nodes.Count} +{xml.Edges.Count} ", GraphFileReaders.Graphviz("gc", "-n", "-e", path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AViolationIsMarkedOnTheTransitionThatBreaksTheInvariantAndOnTheStateItReaches()
    {
        var variant = BrokenVariants.All["CountsTheThresholdOffByOne"](BrokenVariants.Config);
        var (bytes, result) = GraphFileReaders.Reachable(variant, GraphFormat.JsonLines);
        var file = GraphFileReaders.ReadJsonLines(bytes);

        var name = result.Violation!.Invariant.Name;
        var broken = Assert.Single(file.Edges, e => e.Data.ContainsKey("violation"));
        Assert.Equal(name, broken.Data["violation"]);
        Assert.Equal(file.Edges[^1], broken);
        Assert.Equal(("false", "false"), (file.Graph["bounded"], file.Graph["complete"]));
        Assert.Equal(result.Transitions.ToString(CultureInfo.InvariantCulture), file.Graph["transitions"]);

        // The state it reaches is marked when the explorer met it there first; it is then one node beyond the states it kept.
        var marked = file.Nodes.Where(n => n.Data.ContainsKey("violation")).ToList();
        Assert.Equal(result.States + marked.Count, file.Nodes.Count);
        Assert.All(marked, n => Assert.Equal((broken.Target, name), (n.Id, n.Data["violation"])));
        Assert.Single(marked);
    }

    private static (string, string, string) Counts(long states, long edges, long transitions) =>
        (states.ToString(CultureInfo.InvariantCulture), edges.ToString(CultureInfo.InvariantCulture), transitions.ToString(CultureInfo.InvariantCulture));

    // Streamed in exploration order: every edge names states already written.
    private static void AssertStreamed(GraphFileContent file)
    {
        var position = file.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        for (var e = 0; e < file.Edges.Count; e++)
        {
            var (source, target, _) = file.Edges[e];
            Assert.True(position.TryGetValue(source, out var s) && s < file.NodesBeforeEdge[e], $"edge {e} leaves {source}, not written before it");
            Assert.True(position.TryGetValue(target, out var t) && t < file.NodesBeforeEdge[e], $"edge {e} reaches {target}, not written before it");
        }
    }
}
