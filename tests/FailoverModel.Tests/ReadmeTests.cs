namespace FailoverModel.Tests;

/// <summary>The README's examples are what the command prints.</summary>
public class ReadmeTests
{
    [Fact]
    public void TheTourInTheReadmeIsWhatRunPrints()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        const string command = "$ failover-model run tests/scenarios/readme-tour.scenario\n";
        var start = readme.IndexOf(command, StringComparison.Ordinal) + command.Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var shown = readme[start..end].TrimEnd('\n').Split('\n');
        var stdout = new StringWriter();

        var exit = global::FailoverModel.Cli.Cli.Invoke(["run", RepositoryFiles.Path("tests", "scenarios", "readme-tour.scenario")], stdout, new StringWriter());

        Assert.Equal(0, exit);
        var printed = stdout.ToString().TrimEnd('\n').Split('\n');

        // The last line names the scenario relative to the working directory.
        Assert.Equal(printed[..^1], shown[..^1]);
        Assert.EndsWith("readme-tour.scenario: 3 expects hold", shown[^1]);
    }

    [Theory]
    [InlineData("outage")]
    [InlineData("show tests/scenarios/readme-tour.scenario secondary/context1 monitor-interface")]
    public void AnOutputInTheReadmeIsWhatTheCommandPrints(string command)
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var prompt = $"$ failover-model {command}\n";
        var start = readme.IndexOf(prompt, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the README does not show 'failover-model {command}'");
        start += prompt.Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var stdout = new StringWriter();
        var args = command.Split(' ').Select(a => a.Contains('/', StringComparison.Ordinal) && a.EndsWith(".scenario", StringComparison.Ordinal) ? RepositoryFiles.Path(a.Split('/')) : a).ToArray();

        Assert.Equal(0, global::FailoverModel.Cli.Cli.Invoke(args, stdout, new StringWriter()));
        Assert.Equal(stdout.ToString(), shown);
    }

    [Fact]
    public void TheReadmeShowsTheCommittedPairDiagram()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        Assert.Contains("```mermaid\n" + File.ReadAllText(RepositoryFiles.Path("diagrams", "pair-power.mmd")) + "```", readme);
    }
}
