using System.Diagnostics;
using System.Xml.Linq;
using FailoverModel.Asa;
using FailoverModel.Cli.Commands;
using FailoverModel.Diagrams;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Diagrams;

public class DiagramTests
{
    private static readonly IReadOnlyList<(string File, string Content)> Generated = DiagramSet.Build(new FailoverPair(BuiltInConfigurations.SeedLanExample));

    public static TheoryData<string> Files() => [.. Generated.Select(f => f.File)];

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("tab\tbell\a\r", "\"tabbell\"")]
    [InlineData("Standby Ready → Just Active", "\"Standby Ready → Just Active\"")]
    public void DotQuotesEveryStringSoNoLabelCanEscapeIt(string text, string quoted) => Assert.Equal(quoted, DotWriter.Quote(text));

    [Fact]
    public void MermaidWritesCharactersWithAMeaningAsEntities() =>
        Assert.Equal("a#58; b#59; #34;c#34;<br/>d #35;1", MermaidWriter.Escape("a: b; \"c\"\nd #1"));

    /// <summary>The committed diagrams are what the model generates now; SVG depends on the Graphviz version, so it is only required to exist and be SVG.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void TheCommittedDiagramIsFresh(string file)
    {
        var path = RepositoryFiles.Path("diagrams", file);
        Assert.True(File.Exists(path), $"diagrams/{file} is missing: run 'failover-model diagrams'");
        var expected = Generated.Single(f => f.File == file).Content;
        Assert.True(expected == File.ReadAllText(path), $"diagrams/{file} is stale: run 'failover-model diagrams'");
        if (file.EndsWith(".dot", StringComparison.Ordinal))
        {
            var svg = RepositoryFiles.Path("diagrams", Path.ChangeExtension(file, ".svg"));
            Assert.True(File.Exists(svg), $"diagrams/{Path.GetFileName(svg)} is missing");
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }
    }

    [Fact]
    public void GraphvizAcceptsEveryDotFileIncludingHostileLabels()
    {
        if (DiagramsCommand.Svg("digraph g { a -> b; }") is null)
        {
            Assert.Fail("Graphviz's 'dot' is not on PATH: install it with 'apt-get install graphviz' (./build.sh test does)");
        }

        var hostile = new DiagramGraph("q\"uote", [new DiagramNode("a\"b", "line 1\n\"quoted\" \\ back{slash}", true), new DiagramNode("c", "<html>")], [new DiagramEdge("a\"b", "c", "x -> y; z [label=\"no\"]")]);
        foreach (var dot in Generated.Where(f => f.File.EndsWith(".dot", StringComparison.Ordinal)).Select(f => f.Content).Append(new DotWriter().Write(hostile)))
        {
            Assert.Contains("<svg", DiagramsCommand.Svg(dot), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MermaidsOwnParserAcceptsEveryMermaidFileIncludingHostileLabels()
    {
        var tool = RepositoryFiles.Path("tools", "mermaid-check");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "mermaid")), "Mermaid's parser is not installed: run 'npm ci --prefix tools/mermaid-check' (./build.sh test does)");
        var folder = Directory.CreateTempSubdirectory("mermaid-");
        var hostile = new DiagramGraph("h", [new DiagramNode("a", "x: y; \"z\" #1 {w} 50%", true), new DiagramNode("b", "line\nbreak")], [new DiagramEdge("a", "b", "e: f; [g] | h")]);
        var files = Generated.Where(f => f.File.EndsWith(".mmd", StringComparison.Ordinal)).Append((File: "hostile.mmd", Content: new MermaidWriter().Write(hostile))).ToList();
        foreach (var (file, content) in files)
        {
            File.WriteAllText(Path.Combine(folder.FullName, file), content);
        }

        var start = new ProcessStartInfo("node", [Path.Combine(tool, "check.mjs"), .. files.Select(f => Path.Combine(folder.FullName, f.File))]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, output);
        Assert.Equal(files.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ChangingARuleOfTheTableChangesTheDiagramsAndTheTable()
    {
        var rows = FailureEventTable.Rows.Select(r => r.Event == FailureEvent.InterfaceFailureOnStandbyGroup ? r with { StandbyGroupAction = GroupAction.BecomeActive } : r).ToList();
        Assert.NotEqual(File.ReadAllText(RepositoryFiles.Path("diagrams", "failure-event-table.md")), FailureEventTableMarkdown.Write(rows));

        var rules = GroupRules.All.Select(t => t is { From: GroupState.StandbyReady, Trigger: GroupTrigger.InterfaceFailureOnStandbyGroup } ? t with { To = GroupState.Negotiation } : t);
        Assert.NotEqual(File.ReadAllText(RepositoryFiles.Path("diagrams", "failover-group.dot")), new DotWriter().Write(MachineDiagrams.FailoverGroup(rules)));
    }

    [Fact]
    public void TheDocumentationViewNamesStatesAsTheSeedDoes()
    {
        var pair = Generated.Single(f => f.File == "pair.dot").Content;
        Assert.Contains("group 1 active on primary", pair);
        Assert.Contains("Failed", pair);
        var group = Generated.Single(f => f.File == "failover-group.dot").Content;
        Assert.All(GroupStates.All, s => Assert.Contains($"\"{s.Display()}\"", group));
    }
}
