using System.Diagnostics;
using System.Xml.Linq;
using FailoverModel.Asa;
using FailoverModel.Cli.Commands;
using FailoverModel.Diagrams;
using FailoverModel.Diagrams.Stories;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Scenarios;
using FailoverModel.Tests.CommandLine;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Diagrams;

public class DiagramTests
{
    private static readonly IReadOnlyList<Story> Stories = StoryCatalog.Build(RepositoryFiles.Path("tests", "scenarios"), BuiltInConfigurations.SeedLanExample);

    private static readonly IReadOnlyList<(string File, string Content)> Generated = DiagramSet.Build(new FailoverPair(BuiltInConfigurations.SeedLanExample), Stories);

    public static TheoryData<string> Files() => [.. Generated.Select(f => f.File)];

    public static TheoryData<string> StoryNames() => [.. Stories.Select(s => s.Name)];

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
            File.WriteAllText(Path.Combine(folder.FullName, file.Replace('/', '-')), content);
        }

        var start = new ProcessStartInfo("node", [Path.Combine(tool, "check.mjs"), .. files.Select(f => Path.Combine(folder.FullName, f.File.Replace('/', '-')))]) { RedirectStandardOutput = true, RedirectStandardError = true };
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

    /// <summary>The page around the SVG it embeds is what the model generates now (the SVG itself depends on the Graphviz version).</summary>
    [Theory]
    [MemberData(nameof(StoryNames))]
    public void TheCommittedScenarioPageIsFresh(string name)
    {
        var story = Stories.Single(s => s.Name == name);
        var path = RepositoryFiles.Path("diagrams", ScenarioPage.FileOf(story));
        Assert.True(File.Exists(path), $"diagrams/{ScenarioPage.FileOf(story)} is missing: run 'failover-model diagrams'");
        var committed = File.ReadAllText(path);
        var svg = ScenarioPage.EmbeddedSvg(committed);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.True(ScenarioPage.Write(story, ScenarioPage.View(story.Config), svg) == committed, $"diagrams/{ScenarioPage.FileOf(story)} is stale: run 'failover-model diagrams'");
    }

    /// <summary>Nothing in diagrams/ is left over from an older generation: each file is generated, or the SVG of a generated DOT file, or a story's page.</summary>
    [Fact]
    public void EveryFileInTheDiagramsFolderIsGenerated()
    {
        var root = RepositoryFiles.Path("diagrams");
        var expected = Generated.Select(f => f.File)
            .Concat(Generated.Where(f => f.File.EndsWith(".dot", StringComparison.Ordinal)).Select(f => Path.ChangeExtension(f.File, ".svg")))
            .Concat(Stories.Select(ScenarioPage.FileOf))
            .ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
        var leftOver = present.Where(f => !expected.Contains(f)).ToList();
        Assert.True(leftOver.Count == 0, $"not generated, remove or regenerate: {string.Join(", ", leftOver)}");
    }

    /// <summary>
    /// Every picture the index, the README and the docs embed is legible at 800 px wide: its smallest text, scaled as a page of that width shows
    /// the SVG, is at least 9 px. Bigger diagrams must be linked as reference sheets.
    /// </summary>
    [Fact]
    public void EveryEmbeddedPictureIsLegibleAt800PixelsWide()
    {
        var index = File.ReadAllText(RepositoryFiles.Path("diagrams", "index.md"));
        var embedded = System.Text.RegularExpressions.Regex.Matches(index, @"!\[[^\]]*\]\(([^)]+\.svg)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("pair-power.svg", embedded);
        Assert.Contains($"{DiagramSet.StoriesFolder}/{Stories[0].Name}.svg", embedded);
        Assert.DoesNotContain("pair-full.svg", embedded);
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        embedded.AddRange(System.Text.RegularExpressions.Regex.Matches(readme, @"!\[[^\]]*\]\(diagrams/([^)]+\.svg)\)").Select(m => m.Groups[1].Value));
        foreach (var page in Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md"))
        {
            embedded.AddRange(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), @"!\[[^\]]*\]\(\.\./diagrams/([^)]+\.svg)\)").Select(m => m.Groups[1].Value));
        }

        Assert.Contains($"{DiagramSet.StoriesFolder}/health-monitoring-failover-link-down.svg", embedded);
        var illegible = embedded.Select(file => (file, px: SmallestTextAt800(RepositoryFiles.Path("diagrams", file)))).Where(x => x.px < 9).ToList();
        Assert.True(illegible.Count == 0, string.Join("; ", illegible.Select(x => $"{x.file}: {x.px:0.0} px")));
        Assert.All(Stories, s => Assert.True(SmallestTextAt800(RepositoryFiles.Path("diagrams", DiagramSet.StoriesFolder, s.Name + ".svg")) >= 9, s.Name));
    }

    /// <summary>Graphviz writes sizes in points (96 px = 72 pt); a page shows an SVG wider than 800 px scaled down to 800.</summary>
    private static double SmallestTextAt800(string svg)
    {
        var document = XDocument.Load(svg);
        var width = double.Parse(document.Root!.Attribute("width")!.Value.Replace("pt", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) * 4 / 3;
        var smallest = document.Descendants().Where(e => e.Name.LocalName == "text")
            .Select(e => double.Parse(e.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture) * 4 / 3).Min();
        return smallest * Math.Min(1, 800 / width);
    }

    /// <summary>Each node of the pair view carries the mark of its kind, whichever states the model reaches; the legend explains only the marks used.</summary>
    [Fact]
    public void EveryPairStateIsMarkedByItsKindAndEveryEdgeAndItsReverseAreDrawnOnce()
    {
        var pair = Generated.Single(f => f.File == "pair.dot").Content;
        var nodes = pair.Split('\n').Where(l => l.TrimStart().StartsWith("\"v", StringComparison.Ordinal) && !l.Contains("->", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(nodes);
        var outage = nodes.Where(l => l.Contains("active nowhere", StringComparison.Ordinal)).ToList();
        var split = nodes.Where(l => !outage.Contains(l) && l.Contains("active on both", StringComparison.Ordinal)).ToList();
        Assert.All(outage, l => Assert.Contains("shape=octagon", l));
        Assert.All(split, l => Assert.Contains("shape=doubleoctagon", l));
        Assert.All(nodes.Except(outage).Except(split), l => Assert.Contains("shape=box", l));
        Assert.Equal(outage.Count > 0, pair.Contains("outage: a group active nowhere", StringComparison.Ordinal));
        Assert.Equal(split.Count > 0, pair.Contains("split brain: a group active on both", StringComparison.Ordinal));
        var edges = System.Text.RegularExpressions.Regex.Matches(pair, "\"(v\\d+)\" -> \"(v\\d+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.DoesNotContain(edges, e => edges.Contains((e.Item2, e.Item1)));
        Assert.DoesNotContain("primary up, secondary up", pair);
    }

    [Fact]
    public void DotAndMermaidMarkOutageAndSplitBrainAndMergeAnEdgeWithItsReverse()
    {
        var edges = DiagramEdges.MergeReverse([new DiagramEdge("a", "b", "link-down failover"), new DiagramEdge("b", "a", "link-up failover"), new DiagramEdge("b", "c", "power-off primary")]).ToList();
        Assert.Equal([new DiagramEdge("a", "b", "link-down failover", "link-up failover"), new DiagramEdge("b", "c", "power-off primary")], edges);
        var graph = new DiagramGraph("g", [new DiagramNode("a", "running", true), new DiagramNode("b", "group 1 active nowhere", Kind: NodeKind.Outage), new DiagramNode("c", "group 1 active on both", Kind: NodeKind.SplitBrain)], edges) { Title = "t" };
        var dot = new DotWriter().Write(graph);
        Assert.Contains("\"b\" [label=\"group 1 active nowhere\", shape=octagon", dot);
        Assert.Contains("\"c\" [label=\"group 1 active on both\", shape=doubleoctagon", dot);
        Assert.Contains("\"a\" -> \"b\" [label=\"link-down failover\\nback: link-up failover\", dir=both, arrowtail=onormal]", dot);
        Assert.Contains("outage: a group active nowhere (red octagon)", dot);
        Assert.Contains("split brain: a group active on both (orange double octagon)", dot);
        var mermaid = new MermaidWriter().Write(graph);
        Assert.Contains("{{\"group 1 active nowhere\"}}:::outage", mermaid);
        Assert.Contains("[[\"group 1 active on both\"]]:::splitbrain", mermaid);
        Assert.Contains("<-->|\"link-down failover<br/>back#58; link-up failover\"|", mermaid);
    }

    [Fact]
    public void CatchAllSourcesAreNotesOrFramesAndGuardsAreConditions()
    {
        var group = Generated.Single(f => f.File == "failover-group.dot").Content;
        Assert.DoesNotContain("(any state)", group);
        Assert.DoesNotContain("(any active state)", group);
        Assert.Contains("shape=note", group);
        Assert.Contains("subgraph \"cluster_any active state\"", group);
        Assert.Contains("ltail=\"cluster_any active state\"", group);

        // A rule without a guard shows no condition: the seed's section it comes from is not one.
        Assert.DoesNotContain("[Disabled Failover]", group);
        Assert.DoesNotContain("[Restoration of a Failed Unit]", group);
        Assert.Contains("[threshold reached]", group);
    }

    [Fact]
    public void EveryViewOfTheGroupMachineTogetherDrawsEveryRule()
    {
        var views = MachineDiagrams.FailoverGroupViews();
        var whole = MachineDiagrams.FailoverGroup();
        var triggers = GroupRules.All.Select(r => MachineDiagrams.Words(r.Trigger.ToString())).Distinct().ToList();
        static bool Draws(DiagramEdge e, string trigger) => DotWriter.EdgeLabel(e).Split('\n').Any(l => l == trigger || l == "back: " + trigger);
        Assert.All(triggers, t => Assert.Contains(views, v => v.Edges.Any(e => Draws(e, t))));
        Assert.All(triggers, t => Assert.Contains(whole.Edges, e => Draws(e, t)));
    }

    /// <summary>Everything a story diagram says comes from the run: each syslog message, each group change, each timer and outage.</summary>
    [Theory]
    [MemberData(nameof(StoryNames))]
    public void AStoryDiagramTellsWhatTheRunDid(string name)
    {
        var story = Stories.Single(s => s.Name == name);
        // Both wrap long lines at spaces: reading each break as a space gives the text back.
        var sequence = Spaced(Generated.Single(f => f.File == $"{DiagramSet.StoriesFolder}/{name}.mmd").Content.Replace("<br/>", " ", StringComparison.Ordinal));
        var timeline = Spaced(Generated.Single(f => f.File == $"{DiagramSet.StoriesFolder}/{name}.dot").Content.Replace("\\n", " ", StringComparison.Ordinal).Replace("<BR/>", " ", StringComparison.Ordinal));
        var scenario = ScenarioParser.ParseFile(RepositoryFiles.Path("tests", "scenarios", name + ".scenario"), BuiltInConfigurations.SeedLanExample, ConfigFiles.Loader);
        var run = ScenarioRunner.Run(scenario).Outputs.OfType<StepOutput>().ToList();
        Assert.Equal(run.Count, story.Steps.Length);
        foreach (var (step, output) in story.Steps.Zip(run))
        {
            Assert.Contains(Spaced(MermaidWriter.Escape(step.Event).Replace("<br/>", " ", StringComparison.Ordinal)), sequence);
            foreach (var m in output.Result.Messages)
            {
                Assert.Contains(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sequence);
                Assert.Contains(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), timeline);
            }

            foreach (var change in output.Result.Changes.GroupBy(c => (c.Unit, c.Group)).Where(g => g.First().From != g.Last().To))
            {
                Assert.Contains(MermaidWriter.Escape($"group {change.Key.Group}: {change.First().From.Display()} → {change.Last().To.Display()}"), sequence);
            }

            var timed = output.Result.Internal.Prepend(output.Result.External).Where(r => r.Event.IsInternal && FailoverTimers.Of(r.Event) != FailoverTimer.None).ToList();
            Assert.Equal(timed.Count, step.Timers.Length);
            foreach (var r in timed)
            {
                Assert.Contains(FailoverTimers.Describe(FailoverTimers.Of(r.Event), story.Config), timeline);
            }

            foreach (var (outage, group) in output.OutageMs.Select((o, i) => (o, i + 1)).Where(x => x.o > 0))
            {
                Assert.Contains($"group {group} {FailoverTimers.Seconds(outage)}", timeline);
            }
        }
    }

    private static string Spaced(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void DiagramsWithAScenariosFolderThatDoesNotExistExitsTwoWithOneLineAndWritesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"diagrams-{Guid.NewGuid():N}");
        var (exit, _, error) = CliRun.Run(["diagrams", "--out", folder, "--scenarios", Path.Combine(folder, "none")]);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("--scenarios", error);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void DiagramsWritesEveryGeneratedFileAndAPagePerStory()
    {
        var folder = Directory.CreateTempSubdirectory("diagrams-").FullName;
        var (exit, output, error) = CliRun.Run(["diagrams", "--out", folder, "--scenarios", RepositoryFiles.Path("tests", "scenarios")]);
        Assert.True(exit == 0, error);
        Assert.Contains("files in", output);
        Assert.All(Generated, f => Assert.Equal(f.Content, File.ReadAllText(Path.Combine(folder, f.File))));
        Assert.All(Stories, s => Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, ScenarioPage.FileOf(s))), StringComparison.Ordinal));
    }

    [Fact]
    public void APageSaysWhenAStepLeavesTheDrawnGraph()
    {
        var path = CliRun.Scenario("power-on primary secondary\nstep\ncrash primary\nadvance\npower-off secondary\n");
        var scenario = ScenarioParser.ParseFile(path, BuiltInConfigurations.SeedLanExample);
        var story = StoryCatalog.Of(scenario, ScenarioRunner.Run(scenario));
        var places = ScenarioPage.Places(story, ScenarioPage.View(story.Config));
        Assert.NotNull(places[0].Node);
        Assert.Null(places[1].Node);
        Assert.StartsWith("Not settled", places[1].Status, StringComparison.Ordinal);
        Assert.StartsWith("Internal step", places[2].Status, StringComparison.Ordinal);
        Assert.Equal("Scenario " + Path.GetFileNameWithoutExtension(path), story.Title);
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
