using System.Text.Json;

namespace FailoverModel.Tests.CommandLine;

public class RunCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static string Scenario(string text) => CliRun.Scenario(text);

    /// <summary><c>run --html</c> writes the page <c>diagrams</c> commits for the same scenario (but for the SVG, which is the local Graphviz's).</summary>
    [Fact]
    public void HtmlWritesTheSamePageAsTheDiagramsFolder()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("page-").FullName, "row1.html");
        var (exit, output, _) = Run("run", RepositoryFiles.Path("tests", "scenarios", "row1-unit-power-failure.scenario"), "--html", page);
        Assert.Equal(0, exit);
        Assert.Contains("expects hold", output);
        var written = File.ReadAllText(page);
        var committed = File.ReadAllText(RepositoryFiles.Path("diagrams", "stories", "row1-unit-power-failure.html"));
        var svg = global::FailoverModel.Diagrams.Stories.ScenarioPage.EmbeddedSvg(written);
        Assert.Contains("<title>v0</title>", svg);
        Assert.Equal(committed, written.Replace(svg, global::FailoverModel.Diagrams.Stories.ScenarioPage.EmbeddedSvg(committed), StringComparison.Ordinal));
        Assert.DoesNotContain("http", written.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlIntoAFolderThatDoesNotExistExitsTwoWithOneLine()
    {
        var page = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "page.html");
        var (exit, _, error) = Run("run", RepositoryFiles.Path("tests", "scenarios", "row1-unit-power-failure.scenario"), "--html", page);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(page));
    }

    [Fact]
    public void APassingScenarioExitsZero()
    {
        var (exit, output, _) = Run("run", RepositoryFiles.Path("tests", "scenarios", "simultaneous-boot.scenario"));
        Assert.Equal(0, exit);
        Assert.Contains("expects hold", output);
    }

    [Fact]
    public void AFailedExpectExitsOneAndNamesItsLine()
    {
        var path = Scenario("power-on primary secondary\nexpect group 1 active-on secondary\n");
        var (exit, _, error) = Run("run", path);
        Assert.Equal(1, exit);
        Assert.Equal($"{Path.GetRelativePath(Environment.CurrentDirectory, path)}:2: expected group 1 active-on secondary, but group 1 is active on primary\n", error);
    }

    [Fact]
    public void JsonPrintsOneObjectPerStepWithTheDesignsShape()
    {
        var path = Scenario("power-on primary secondary\nprimary: no failover active group 1\nexpect group 1 active-on secondary\n");
        var (exit, output, _) = Run("run", path, "--json");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[1]);
        var root = doc.RootElement;
        Assert.Equal(["step", "line", "event", "time", "units", "links", "groups", "contexts", "connections", "syslog"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("time").GetInt64());
        Assert.Equal(0, root.GetProperty("groups").GetProperty("1").GetProperty("outage").GetInt64());
        Assert.Equal("primary: no failover active group 1", root.GetProperty("event").GetString());
        Assert.Equal("Standby Ready", root.GetProperty("units").GetProperty("primary").GetProperty("groups").GetProperty("1").GetProperty("state").GetString());
        Assert.Equal("secondary", root.GetProperty("groups").GetProperty("1").GetProperty("activeOn").GetString());
        Assert.Equal("secondary", root.GetProperty("contexts").GetProperty("context1").GetProperty("activeOn").GetString());
    }

    [Fact]
    public void JsonCarriesTheClockAndEachGroupsOutage()
    {
        var path = Scenario("power-on primary secondary\nwait 5s\npower-off primary\n");
        var (exit, output, _) = Run("run", path, "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var root = doc.RootElement;

        // Failed 5 s into a 15 s poll period: declared at the poll at 60 s, 55 s after the failure.
        Assert.Equal(60_000, root.GetProperty("time").GetInt64());
        Assert.Equal(55_000, root.GetProperty("groups").GetProperty("1").GetProperty("outage").GetInt64());
        Assert.Equal(0, root.GetProperty("groups").GetProperty("2").GetProperty("outage").GetInt64());
    }

    [Fact]
    public void TheSameScenarioPrintsTheSameBytesTwice()
    {
        var path = RepositoryFiles.Path("tests", "scenarios", "row7-failover-link-failed-during-operation.scenario");
        Assert.Equal(Run("run", path, "--json").Out, Run("run", path, "--json").Out);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "a.scenario", "--bogus")]
    [InlineData("frobnicate")]
    public void BadArgumentsExitTwoWithOneLine(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void AMissingScenarioFileExitsTwo()
    {
        var (exit, _, error) = Run("run", "/nonexistent/x.scenario");
        Assert.Equal(2, exit);
        Assert.StartsWith("/nonexistent/x.scenario:1:1: cannot read the scenario", error);
    }
}
