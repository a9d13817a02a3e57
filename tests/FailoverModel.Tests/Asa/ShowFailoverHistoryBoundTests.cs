using System.Text.RegularExpressions;
using FailoverModel.Asa.Show;
using FailoverModel.Tests.CommandLine;

namespace FailoverModel.Tests.Asa;

/// <summary>
/// <c>show failover history</c> is bounded as ASA's is (docs/input-limits.md): a scenario that moves group 1 back and forth a hundred
/// times and shows the history after each move prints the last <see cref="ShowFailoverHistory.Depth"/> changes each
/// time, not everything recorded (which made such a scenario's output grow quadratically).
/// </summary>
public class ShowFailoverHistoryBoundTests
{
    [Fact]
    public void TheHistoryShowsTheLastSixtyChanges()
    {
        var flaps = string.Concat(Enumerable.Repeat("primary: no failover active group 1\nprimary: failover active group 1\nshow secondary failover history\n", 100));
        var path = CliRun.Scenario("power-on primary secondary\n" + flaps);

        var (exit, output, error) = CliRun.Run(["run", path]);

        Assert.True(exit == 0, error);
        var shows = output.Split("show secondary failover history", StringSplitOptions.None).Skip(1).ToList();
        var entries = shows.Select(s => Regex.Matches(s, @"^ {4}[12] {5}\S", RegexOptions.Multiline).Count).ToList();
        Assert.Equal(100, shows.Count);
        Assert.True(entries[0] < ShowFailoverHistory.Depth, $"the first show has {entries[0]} changes");
        Assert.Equal(ShowFailoverHistory.Depth, entries[^1]);
        Assert.Equal(ShowFailoverHistory.Depth, entries.Max());
    }
}
