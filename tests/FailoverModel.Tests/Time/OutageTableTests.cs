using FailoverModel.Asa;
using FailoverModel.Rules;
using FailoverModel.Time;

namespace FailoverModel.Tests.Time;

/// <summary>The outage table: what a design document quotes, measured on the model's clock.</summary>
public class OutageTableTests
{
    [Fact]
    public void WithTheSeedsTimersAPowerFailureCostsBetweenTheHoldtimeAndTheHoldtimePlusAPoll()
    {
        var line = OutageTable.Measure(BuiltInConfigurations.SeedLanExample).First(l => l.Fault == "power-off primary");

        Assert.Equal(FailureEvent.UnitFailure, line.Row?.Event);
        Assert.Equal((45_000, 59_999), (line.BestMs, line.WorstMs));
        Assert.InRange(line.TypicalMs, 52_000, 53_000);
    }

    [Fact]
    public void WithSubSecondHelloTimersAPowerFailureCostsLessThanASecond()
    {
        var config = RunningConfigParser.Load(RepositoryFiles.Path("tests", "configs", "fast-timers", "pix1.cfg"));

        var line = OutageTable.Measure(config).First(l => l.Fault == "power-off primary");

        Assert.Equal((800, 999), (line.BestMs, line.WorstMs));
    }

    [Fact]
    public void AnInterfaceFailureOnTheActiveGroupCostsTheInterfaceHoldtimeAndOnTheStandbyNothing()
    {
        var lines = OutageTable.Measure(BuiltInConfigurations.SeedLanExample);
        var active = lines.Single(l => l.Row?.Event == FailureEvent.InterfaceFailureOnActiveGroup);
        var standby = lines.Single(l => l.Row?.Event == FailureEvent.InterfaceFailureOnStandbyGroup);

        Assert.Equal((25_000, 29_999), (active.BestMs, active.WorstMs));
        Assert.Equal((0, 0), (standby.BestMs, standby.WorstMs));
        Assert.Equal(29_999, standby.SettledMs);
    }

    [Fact]
    public void EveryRowOfTheFailureEventTableHasALine()
    {
        var rows = OutageTable.Measure(BuiltInConfigurations.SeedLanExample).Where(l => l.Row is not null).Select(l => l.Row!.Event).Distinct();

        Assert.Equal(FailureEventTable.Rows.Select(r => r.Event).Order(), rows.Order());
    }

    [Fact]
    public void TheOutageCommandPrintsTheTableDeterministically()
    {
        string Run()
        {
            var stdout = new StringWriter();
            Assert.Equal(0, global::FailoverModel.Cli.Cli.Invoke(["outage", "--json"], stdout, new StringWriter()));
            return stdout.ToString();
        }

        var first = Run();
        Assert.Equal(first, Run());
        Assert.Contains("\"fault\":\"power-off primary\",\"traffic\":\"group 1\",\"bestMs\":45000", first, StringComparison.Ordinal);
    }
}
