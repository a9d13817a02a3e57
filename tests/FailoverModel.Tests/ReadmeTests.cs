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

    [Fact]
    public void TheReadmeShowsTheCommittedPairDiagram()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        Assert.Contains("```mermaid\n" + File.ReadAllText(RepositoryFiles.Path("diagrams", "pair.mmd")) + "```", readme);
    }
}
