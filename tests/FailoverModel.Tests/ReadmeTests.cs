namespace FailoverModel.Tests;

/// <summary>The examples of the README and the docs are what the command prints.</summary>
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
    [InlineData("docs/time.md", "outage")]
    [InlineData("README.md", "show tests/scenarios/readme-tour.scenario secondary/context1 monitor-interface")]
    [InlineData("docs/configuration.md", "show tests/scenarios/readme-tour.scenario secondary/context1 monitor-interface")]
    public void AnOutputInTheDocumentationIsWhatTheCommandPrints(string document, string command)
    {
        var readme = File.ReadAllText(RepositoryFiles.Path(document.Split('/')));
        var prompt = $"$ failover-model {command}\n";
        var start = readme.IndexOf(prompt, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{document} does not show 'failover-model {command}'");
        start += prompt.Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var stdout = new StringWriter();
        var args = command.Split(' ').Select(a => a.Contains('/', StringComparison.Ordinal) && a.EndsWith(".scenario", StringComparison.Ordinal) ? RepositoryFiles.Path(a.Split('/')) : a).ToArray();

        Assert.Equal(0, global::FailoverModel.Cli.Cli.Invoke(args, stdout, new StringWriter()));
        Assert.Equal(stdout.ToString(), shown);
    }

    /// <summary>The README shows a small pair view (the primary losing power and coming back) as committed in diagrams/.</summary>
    [Fact]
    public void TheReadmeShowsTheCommittedPairPowerDiagram()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        Assert.Contains("```mermaid\n" + File.ReadAllText(RepositoryFiles.Path("diagrams", "pair-power.mmd")) + "```", readme);
    }

    /// <summary>Every relative link of the README and the docs leads to a file of the repository.</summary>
    [Fact]
    public void EveryRelativeLinkLeadsToAFile()
    {
        var documents = Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md").Append(RepositoryFiles.Path("README.md"));
        var broken = new List<string>();
        foreach (var document in documents)
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(document), @"\]\(([^)#:]+)(#[^)]*)?\)"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, link.Groups[1].Value));
                if (!File.Exists(target) && !Directory.Exists(target))
                {
                    broken.Add($"{Path.GetRelativePath(RepositoryFiles.Root, document)}: {link.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(broken);
    }
}
