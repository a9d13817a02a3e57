using System.Globalization;
using static FailoverModel.Tests.CommandLine.CliRun;

namespace FailoverModel.Tests.CommandLine;

/// <summary>What a person at a terminal, or a script reading a pipe, sees of the command's manners.</summary>
public class TerminalMannersTests
{
    [Theory]
    [InlineData(new[] { "rnu", "x.scenario" }, "failover-model: 'rnu' is not a command; did you mean 'run'? (see 'failover-model --help')")]
    [InlineData(new[] { "exlpore" }, "failover-model: 'exlpore' is not a command; did you mean 'explore'? (see 'failover-model --help')")]
    [InlineData(new[] { "oracle", "vectr" }, "failover-model: 'vectr' is not a command of 'oracle'; did you mean 'vectors'? (see 'failover-model --help')")]
    [InlineData(new[] { "frobnicate" }, "failover-model: 'frobnicate' is not a command; the commands are run, check, explore, diagrams, show, outage, oracle, bench (see 'failover-model --help')")]
    public void AnUnknownSubcommandIsNamedWithTheNearestOne(string[] args, string message)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(message + "\n", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("explore")]
    [InlineData("check")]
    [InlineData("oracle")]
    public void HelpShowsNoMachineLimitAsADefault(string command)
    {
        var (exit, output, _) = Run([command, "--help"]);

        Assert.Equal(0, exit);
        Assert.DoesNotContain(int.MaxValue.ToString(CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOutageTableFitsEightyColumnsWithoutEscapesOrTrailingSpaces()
    {
        var (exit, output, _) = Run(["outage"]);

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("│ 1   │ power-off primary", output, StringComparison.Ordinal);
        Assert.Contains("1: A unit experiences a power or software failure", lines);
    }

    [Fact]
    public void CountsOfOneAreSingular()
    {
        var (exit, output, _) = Run(["check", "--runs", "1", "--length", "1"]);

        Assert.Equal(0, exit);
        Assert.StartsWith("1 run of 1 event (seed 1): no invariant violated\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASwapOfTwoLettersIsOneEditAway()
    {
        Assert.Equal(0, global::FailoverModel.Topology.EditDistance.Between("run", "run"));
        Assert.Equal(1, global::FailoverModel.Topology.EditDistance.Between("rnu", "run"));
        Assert.Equal(2, global::FailoverModel.Topology.EditDistance.Between("rn", "run") + 1);
    }
}
