using System.Diagnostics;
using System.Text.Json;
using FailoverModel.Asa;
using FailoverModel.Cli.Commands;
using FailoverModel.Diagrams;
using FailoverModel.Diagrams.Stories;
using FailoverModel.Scenarios;
using FailoverModel.Tests.CommandLine;
using FailoverModel.Time;

namespace FailoverModel.Tests.Diagrams;

/// <summary>
/// The generated pages and Mermaid files in a real browser: Debian's chromium, headless, driven over the DevTools
/// protocol by <c>tools/browser-check</c> (puppeteer-core). Without chromium these tests fail and say how to install it.
/// </summary>
public class BrowserTests
{
    private static readonly string Tool = RepositoryFiles.Path("tools", "browser-check");

    /// <summary>
    /// Each page, stepped through with the arrow key, shows at each step what <c>run --json</c> prints for it: the step,
    /// line, event, clock, outage, both units' status and groups, the links and the syslog; the key past the last step
    /// stays there, Home and End go to the ends, and the page makes no request to the network.
    /// </summary>
    [Fact]
    public void EveryScenarioPageShowsTheRunsJsonAtEveryStepInChromium()
    {
        var pages = Directory.GetFiles(RepositoryFiles.Path("diagrams", DiagramSet.StoriesFolder), "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        var (exit, output) = Check("pages", pages);
        Assert.True(exit == 0, output);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(pages.Count, results.Count);
        foreach (var page in results)
        {
            var name = Path.GetFileNameWithoutExtension(page.GetProperty("file").GetString()!);
            Assert.True(page.GetProperty("problems").GetArrayLength() == 0, $"{name}: {page.GetProperty("problems")}");
            var scenario = RepositoryFiles.Path("tests", "scenarios", name + ".scenario");
            // The page shows the run whether or not its expects hold (ScenarioFileTests checks those): exit 0 or 1, never a usage error.
            var run = CliRun.Run(["run", scenario, "--json"]);
            Assert.True(run.Exit is 0 or 1, run.Err);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var steps = page.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(lines.Count, steps.Count);
            var parsed = ScenarioParser.ParseFile(scenario, BuiltInConfigurations.SeedLanExample, ConfigFiles.Loader);
            var story = StoryCatalog.Of(parsed, ScenarioRunner.Run(parsed));
            var places = ScenarioPage.Places(story, ScenarioPage.View(story.Config));
            for (var i = 0; i < steps.Count; i++)
            {
                AssertShows(name, i, lines[i], steps[i], places[i], lines.Count);
            }

            Assert.Equal($"step {lines.Count} of {lines.Count}", page.GetProperty("pastEnd").GetProperty("position").GetString());
            Assert.Equal($"step 1 of {lines.Count}", page.GetProperty("home").GetProperty("position").GetString());
            Assert.Equal($"step {lines.Count} of {lines.Count}", page.GetProperty("end").GetProperty("position").GetString());
        }
    }

    /// <summary>Every Mermaid file of diagrams/ (and one with hostile labels) renders in chromium with Mermaid's own bundle, not only parses.</summary>
    [Fact]
    public void EveryMermaidFileRendersInChromium()
    {
        var folder = Directory.CreateTempSubdirectory("mermaid-render-");
        var hostile = Path.Combine(folder.FullName, "hostile.mmd");
        File.WriteAllText(hostile, new MermaidWriter().Write(new DiagramGraph("h", [new DiagramNode("a", "x: y; \"z\" #1 {w} 50%", true, NodeKind.Outage), new DiagramNode("b", "line\nbreak", Kind: NodeKind.SplitBrain)], [new DiagramEdge("a", "b", "e: f; [g] | h", "back: <i>")]) { Title = "a \"title\": with\nlines" }));
        var files = Directory.GetFiles(RepositoryFiles.Path("diagrams"), "*.mmd", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Append(hostile).ToList();
        var (exit, output) = Check("mermaid", files);
        Assert.True(exit == 0, output);
        Assert.Equal(files.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    private static void AssertShows(string page, int i, JsonElement json, JsonElement dom, (string? Node, string? Edge, string Status) place, int count)
    {
        var at = $"{page} step {i + 1}";
        Assert.True(json.GetProperty("step").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) == dom.GetProperty("step").GetString(), at);
        Assert.True(json.GetProperty("line").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) == dom.GetProperty("line").GetString(), at);
        Assert.True(json.GetProperty("event").GetString() == dom.GetProperty("event").GetString(), at);
        Assert.True(StoryText.Clock(json.GetProperty("time").GetInt64()) == dom.GetProperty("clock").GetString(), at);
        Assert.True($"step {i + 1} of {count}" == dom.GetProperty("position").GetString(), at);
        Assert.True($"#step={i + 1}" == dom.GetProperty("hash").GetString(), at);
        foreach (var unit in json.GetProperty("units").EnumerateObject())
        {
            var shown = dom.GetProperty("units").GetProperty(unit.Name);
            Assert.True(unit.Value.GetProperty("status").GetString() == shown.GetProperty("status").GetString(), $"{at} {unit.Name} status");
            foreach (var group in unit.Value.GetProperty("groups").EnumerateObject())
            {
                var g = shown.GetProperty("groups").GetProperty(group.Name);
                Assert.True(group.Value.GetProperty("state").GetString() == g.GetProperty("state").GetString(), $"{at} {unit.Name} group {group.Name}");
                Assert.True(group.Value.GetProperty("reason").GetString() == g.GetProperty("reason").GetString(), $"{at} {unit.Name} group {group.Name} reason");
            }

            Assert.Contains("This host", shown.GetProperty("show").GetString(), StringComparison.Ordinal);
        }

        Assert.True(json.GetProperty("links").GetProperty("failover").GetString() == dom.GetProperty("links").GetProperty("failover").GetString(), at);
        Assert.True(json.GetProperty("links").GetProperty("state").GetString() == dom.GetProperty("links").GetProperty("state").GetString(), at);
        var outages = json.GetProperty("groups").EnumerateObject().Where(g => g.Value.GetProperty("outage").GetInt64() > 0)
            .Select(g => $"group {g.Name} {FailoverTimers.Seconds(g.Value.GetProperty("outage").GetInt64())}").ToList();
        Assert.True((outages.Count == 0 ? "" : $"outage {string.Join(", ", outages)}") == dom.GetProperty("outage").GetString(), at);
        var syslog = json.GetProperty("syslog").EnumerateArray()
            .Select(m => $"{m.GetProperty("unit").GetString()}{(m.TryGetProperty("group", out var g) ? $" group {g.GetInt32()}" : "")}: {m.GetProperty("id").GetInt32()} {m.GetProperty("text").GetString()}");
        Assert.Equal(syslog, dom.GetProperty("syslog").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(place.Node is null ? [] : [place.Node], dom.GetProperty("live").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(place.Edge is null ? [] : [place.Edge], dom.GetProperty("taken").EnumerateArray().Select(e => e.GetString()));
        Assert.True(place.Status == dom.GetProperty("graph").GetString(), at);
    }

    private static (int Exit, string Output) Check(string mode, IEnumerable<string> files)
    {
        var chromium = Chromium();
        Assert.True(chromium is not null, "Debian's chromium is not installed, so the pages cannot be checked in a browser: apt-get install chromium (./build.sh test does), or set CHROMIUM to its path");
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "puppeteer-core")), "the browser driver is not installed: run 'npm ci --prefix tools/browser-check' (./build.sh test does)");
        var start = new ProcessStartInfo("node", [Path.Combine(Tool, "check.mjs"), "--chromium", chromium!, mode, .. files]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        return (node.ExitCode, output + error.Result);
    }

    /// <summary>The chromium to drive: <c>$CHROMIUM</c>, or <c>chromium</c> on PATH.</summary>
    private static string? Chromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}
