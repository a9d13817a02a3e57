using System.Text.RegularExpressions;

namespace FailoverModel.Tests;

/// <summary>docs/results.md holds the measured figures; the rows it marks checked are run again and must give the same figures.</summary>
public class ResultsTests
{
    private static readonly string Results = RepositoryFiles.Path("docs", "results.md");

    /// <summary>The rows of the exploration table marked checked: the command's arguments and the figures.</summary>
    public static TheoryData<string, string, string, string, string> CheckedRuns()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadLines(Results))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length == 10 && cells[8] == "checked" && cells[2].StartsWith("`explore", StringComparison.Ordinal))
            {
                data.Add(cells[2].Trim('`'), cells[3], cells[4], cells[5], cells[7]);
            }
        }

        return data;
    }

    [Fact]
    public void TheResultsFileChecksAtLeastOneRun() => Assert.NotEmpty(CheckedRuns());

    [Theory]
    [MemberData(nameof(CheckedRuns))]
    public void ACheckedExplorationGivesTheFiguresTheResultsFileRecords(string command, string states, string transitions, string depth, string witnesses)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("tests/", StringComparison.Ordinal) ? RepositoryFiles.Path(a) : a).ToArray();
        var stdout = new StringWriter();
        var exit = Cli.Cli.Invoke(args, stdout, new StringWriter());
        var output = stdout.ToString();

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Matches($@"│ states \(canonical\) +│ {Regex.Escape(states)} ", output);
        Assert.Matches($@"│ transitions +│ {Regex.Escape(transitions)} ", output);
        Assert.Matches($@"│ depth +│ {Regex.Escape(depth)} ", output);
        if (witnesses.Length > 0)
        {
            Assert.Matches($@"│ witnesses reached +│ {Regex.Escape(witnesses)} ", output);
        }
    }
}
