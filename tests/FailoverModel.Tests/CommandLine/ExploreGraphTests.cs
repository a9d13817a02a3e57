using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FailoverModel.Asa;
using FailoverModel.Cli;
using FailoverModel.Cli.Commands;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Graph;
using FailoverModel.Pair;
using FailoverModel.Tests.Exploration;

namespace FailoverModel.Tests.CommandLine;

/// <summary>
/// <c>explore --graph</c> from the command line: the file NetworkX, Graphviz and a line reader open holds the counts the
/// run printed; bad input is refused in one line, exit 2, before any work and without touching an input.
/// </summary>
public sealed class ExploreGraphTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fm-graph-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("settled")]
    [InlineData("reachable")]
    public void NetworkXReadsTheGraphMLFileWithTheCountsTheRunPrinted(string graphOf)
    {
        var path = Path.Combine(_folder, "g.graphml");
        var (exit, output, error) = CliRun.Run(["explore", "--graph", path, "--max-states", "5000", "--graph-of", graphOf]);

        Assert.Equal(Cli.Cli.Success, exit);
        var (states, transitions) = Printed(output, graphOf);
        Assert.Equal(5_000, states);
        Assert.Contains("explore: 5,000 states and ", error, StringComparison.Ordinal);
        Assert.Contains($"of the {graphOf} graph written to {path}", error, StringComparison.Ordinal);
        const string script = """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            initial = [n for n, d in g.nodes(data=True) if d["initial"]]
            print(g.number_of_nodes(), g.graph["transitions"], g.graph["bounded"], g.graph["graph_of"], len(initial), g.number_of_edges() == g.graph["edges"])
            """;
        Assert.Equal($"{states} {transitions} True {graphOf} 1 True", Python(script, path).Trim());
        Assert.Empty(Directory.GetFiles(_folder, ".*"));

        // QuikGraph's own graph, built from the file as an XML reader sees it, has the same counts.
        var file = GraphFileReaders.ReadGraphML(File.ReadAllBytes(path));
        var quik = new QuikGraph.BidirectionalGraph<string, QuikGraph.TaggedEdge<string, string>>(allowParallelEdges: true);
        quik.AddVertexRange(file.Nodes.Select(n => n.Id));
        quik.AddEdgeRange(file.Edges.Select(e => new QuikGraph.TaggedEdge<string, string>(e.Source, e.Target, e.Data["event"])));
        Assert.Equal(states, quik.VertexCount);
        Assert.Equal(graphOf == "settled" ? transitions : long.Parse(file.Graph["edges"], CultureInfo.InvariantCulture), quik.EdgeCount);
    }

    [Fact]
    public void GraphvizAndALineReaderReadTheDotAndJsonLinesFilesWithTheCountsTheRunPrinted()
    {
        var dot = Path.Combine(_folder, "g.dot");
        var jsonl = Path.Combine(_folder, "g.jsonl");
        var (dotExit, dotOutput, _) = CliRun.Run(["explore", "--graph", dot, "--max-states", "5000", "--graph-of", "reachable"]);
        var (jsonExit, jsonOutput, _) = CliRun.Run(["explore", "--graph", jsonl, "--max-states", "5000", "--graph-of", "reachable"]);

        Assert.Equal((Cli.Cli.Success, Cli.Cli.Success), (dotExit, jsonExit));
        var (states, transitions) = Printed(dotOutput, "reachable");
        Assert.Equal((states, transitions), Printed(jsonOutput, "reachable"));
        var file = GraphFileReaders.ReadJsonLines(File.ReadAllBytes(jsonl));
        Assert.Equal(states, file.Nodes.Count);
        Assert.Equal(transitions.ToString(CultureInfo.InvariantCulture), file.Graph["transitions"]);
        Assert.Matches($"^ *{states} +{file.Edges.Count} ", GraphFileReaders.Graphviz("gc", "-n", "-e", dot));
    }

    /// <summary>docs/checking.md's NetworkX lines, run on the file the command writes, print what the page shows.</summary>
    [Fact]
    public void TheNetworkXLinesOfTheDocumentationPrintWhatItShows()
    {
        var page = File.ReadAllText(RepositoryFiles.Path("docs", "checking.md")).ReplaceLineEndings("\n");
        var command = "$ failover-model explore --config tests/configs/one-group/pix1.cfg --graph one-group.graphml\n";
        var at = page.IndexOf(command, StringComparison.Ordinal);
        Assert.True(at >= 0, "docs/checking.md does not show the command that writes one-group.graphml");
        var script = Block(page, "```python\n", at);
        var shown = Block(page, "```text\n", at);

        var path = Path.Combine(_folder, "one-group.graphml");
        var (exit, _, _) = CliRun.Run(["explore", "--config", RepositoryFiles.Path("tests", "configs", "one-group", "pix1.cfg"), "--graph", path]);

        Assert.Equal(Cli.Cli.Success, exit);
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Assert.Equal(shown, GraphFileReaders.Run(start, "python3 is not on PATH: install it and NetworkX with 'apt-get install python3 python3-networkx' (./build.sh test does)").ReplaceLineEndings("\n"));
    }

    /// <summary>The rendered example in docs/checking.md is what the command writes today, and its drawing is of that file.</summary>
    [Fact]
    public void TheRenderedExampleOfTheDocumentationIsWhatTheCommandWrites()
    {
        var committed = RepositoryFiles.Path("docs", "graph-file", "one-group-settled-12.dot");
        var path = Path.Combine(_folder, "one-group-settled-12.dot");
        var (exit, _, _) = CliRun.Run(["explore", "--config", RepositoryFiles.Path("tests", "configs", "one-group", "pix1.cfg"), "--max-states", "12", "--graph", path]);

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Equal(File.ReadAllBytes(committed), File.ReadAllBytes(path));
        var svg = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(committed, ".svg"));
        var titles = svg.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        var nodes = Regex.Matches(File.ReadAllText(committed), @"^  ""([0-9a-f]{16})"" \[", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, nodes.Count);
        Assert.All(nodes, n => Assert.Contains(n, titles));
    }

    /// <summary>With configuration changes and connections in the alphabet, the settled graph's nodes carry them, and the file is still the same on every run.</summary>
    [Fact]
    public void TheSettledGraphOfTheWholeAlphabetCarriesConfigurationsAndConnections()
    {
        var first = Path.Combine(_folder, "a.jsonl");
        var second = Path.Combine(_folder, "b.jsonl");
        string[] run = ["explore", "--config", RepositoryFiles.Path("tests", "configs", "one-group", "pix1.cfg"), "--with", "connect,configure", "--max-states", "1000", "--graph"];
        var (exit, output, _) = CliRun.Run([.. run, first]);
        CliRun.Run([.. run, second]);

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var file = GraphFileReaders.ReadJsonLines(File.ReadAllBytes(first));
        Assert.Equal(Row(output, "settled states"), file.Nodes.Count);
        Assert.Equal(file.Nodes.Count, file.Nodes.Select(n => n.Id).Distinct().Count());
        Assert.Contains(file.Nodes, n => n.Data["group1_connections"] == "open:tcp replicated:tcp");
        Assert.Contains(file.Nodes, n => n.Data["primary_configuration"] == "system:1/0 admin:0/0");
        Assert.Contains(file.Nodes, n => n.Data["secondary_configuration"] == "system:0/0 admin:1/1");
    }

    [Fact]
    public void AnUnknownExtensionIsRefusedBeforeAnyWorkAndNothingIsCreated()
    {
        var path = Path.Combine(_folder, "g.xml");
        var (exit, output, error) = CliRun.Run(["explore", "--graph", path, "--max-states", "100"]);

        Assert.Equal(Cli.Cli.BadInput, exit);
        Assert.Equal($"failover-model: --graph: {path}: unknown extension '.xml' (known: .graphml, .dot, .jsonl)\n", error.ReplaceLineEndings("\n"));
        Assert.Empty(output);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AGraphThatNamesTheConfigurationOrOneOfItsContextFilesIsRefusedAndTheInputIsLeftAsItWas()
    {
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("tests", "configs", "lan"), "*.cfg"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        // The system configuration under a graph's extension, and a context file named so by its config-url.
        var system = Path.Combine(_folder, "pix1.dot");
        File.WriteAllText(system, File.ReadAllText(Path.Combine(_folder, "pix1.cfg")).Replace("flash:/admin.cfg", "flash:/admin.graphml", StringComparison.Ordinal));
        var context = Path.Combine(_folder, "admin.graphml");
        File.Copy(Path.Combine(_folder, "admin.cfg"), context);
        var before = (File.ReadAllText(system), File.ReadAllText(context));

        var (systemExit, _, systemError) = CliRun.Run(["explore", "--config", system, "--graph", system, "--max-states", "100"]);
        var (contextExit, _, contextError) = CliRun.Run(["explore", "--config", system, "--graph", context, "--max-states", "100"]);

        Assert.Equal((Cli.Cli.BadInput, Cli.Cli.BadInput), (systemExit, contextExit));
        Assert.Equal($"failover-model: --graph: cannot write {system}: it is an input of this run (the configuration): name another file\n", systemError.ReplaceLineEndings("\n"));
        Assert.Equal($"failover-model: --graph: cannot write {context}: it is an input of this run (the context configuration): name another file\n", contextError.ReplaceLineEndings("\n"));
        Assert.Equal(before, (File.ReadAllText(system), File.ReadAllText(context)));
        Assert.Empty(Directory.GetFiles(_folder, ".*"));
    }

    [Theory]
    [InlineData("--graph-of reachable", "failover-model: --graph-of chooses the graph --graph writes: it needs --graph")]
    [InlineData("--graph-of all --graph G.dot", "failover-model: --graph-of: unknown graph 'all' (known: settled, reachable)")]
    [InlineData("--graph-of reachable --graph G.dot --reference", "failover-model: --graph-of reachable is written by the compiled explorer: it takes neither --reference nor --with (the settled graph is written with both)")]
    [InlineData("--graph-of reachable --graph G.dot --with connect", "failover-model: --graph-of reachable is written by the compiled explorer: it takes neither --reference nor --with (the settled graph is written with both)")]
    [InlineData("--graph G/missing/g.dot", "failover-model: --graph: cannot write G/missing/g.dot: the folder G/missing does not exist")]
    public void ABadGraphOptionIsRefusedInOneLineBeforeAnyWork(string options, string message)
    {
        var args = options.Replace("G", _folder, StringComparison.Ordinal).Split(' ');
        var (exit, output, error) = CliRun.Run(["explore", "--max-states", "100", .. args]);

        Assert.Equal(Cli.Cli.BadInput, exit);
        Assert.Equal(message.Replace("G", _folder, StringComparison.Ordinal) + "\n", error.ReplaceLineEndings("\n"));
        Assert.Empty(output);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AnInterruptedRunWritesNoGraphAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "g.graphml");
        var request = new GraphRequest(path, GraphFormat.GraphML, GraphOf.Reachable);
        var stderr = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var io = new CliIo(new StringWriter(), stderr, TextReader.Null) { Width = 80, Cancellation = cancelled.Token };

        var exit = ExploreCommand.Run(io, ExplorerTests.OneGroup, 10_000, null, false, false, null, 1, store: null, request);

        Assert.Equal(Cli.Cli.Interrupted, exit);
        Assert.Contains("the reachable graph was not explored to its end", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    /// <summary>
    /// The states the run's table printed and the transitions between them: for the reachable graph both printed; for the
    /// settled graph, whose table gives only the states, the edges of the built-in configuration's settled graph explored
    /// again to that bound.
    /// </summary>
    private static (long States, long Transitions) Printed(string output, string graphOf)
    {
        if (graphOf == "reachable")
        {
            return (Row(output, @"states \(canonical\)"), Row(output, "transitions"));
        }

        var config = BuiltInConfigurations.SeedLanExample;
        var states = Row(output, "settled states");
        return (states, SettledGraph.Explore(new FailoverPair(config), ExplorationAlphabet.For(config, [], 1), (int)states).EdgeCount);
    }

    private static long Row(string output, string measure) =>
        long.Parse(Regex.Match(output, $@"│ {measure} +│ ([0-9,]+)").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    // The fenced block of the given opening that comes first after position at, without its fences.
    private static string Block(string page, string fence, int at)
    {
        var start = page.IndexOf(fence, at, StringComparison.Ordinal) + fence.Length;
        return page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Python(string script, string argument)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        return GraphFileReaders.Run(start, "python3 is not on PATH: install it and NetworkX with 'apt-get install python3 python3-networkx' (./build.sh test does)");
    }
}
