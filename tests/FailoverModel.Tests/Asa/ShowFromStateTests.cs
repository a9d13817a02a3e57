using FailoverModel.Asa;
using FailoverModel.Scenarios;

namespace FailoverModel.Tests.Asa;

/// <summary>The parts of the show outputs that come from the model's configuration and connection state.</summary>
public class ShowFromStateTests
{
    private static string Show(string scenario) =>
        ScenarioRunner.Run(ScenarioParser.Parse(scenario, "show.scenario", BuiltInConfigurations.SeedLanExample)).Outputs.OfType<ShowOutput>().Single().Text;

    [Fact]
    public void TheStatefulFailoverStatisticsCountTheReplicatedKindsSentAndHeld()
    {
        var primary = Show("power-on primary secondary\nconnect context1 tcp\nconnect context1 arp\nconnect context1 uauth\nconnect context2 udp\nshow primary failover\n");

        Assert.Contains("        General         2          0          1          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        TCP conn        1          0          0          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        UDP conn        0          0          1          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        ARP tbl         1          0          0          0\n", primary, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheStatefulLinkDownNothingIsReplicated()
    {
        var primary = Show("power-on primary secondary\nlink-down state\nconnect context1 tcp\nshow primary failover\n");

        Assert.Contains("        Link : stateful Ethernet2 (down)\n", primary, StringComparison.Ordinal);
        Assert.Contains("        General         0          0          0          0\n", primary, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitThatIsSynchronizingSaysSo()
    {
        var syncing = Show("power-on primary\nstep\npower-on secondary\nadvance 2\nshow secondary failover state\n");
        var done = Show("power-on primary\npower-on secondary\nshow secondary failover state\n");

        Assert.Contains("====Configuration State===\n        Config Syncing - STANDBY\n", syncing, StringComparison.Ordinal);
        Assert.Contains("====Configuration State===\n        Sync Done - STANDBY\n", done, StringComparison.Ordinal);
    }

    [Fact]
    public void RunningConfigFailoverShowsHttpReplicationOfAGroup()
    {
        var output = Show("power-on primary secondary\nprimary: failover group 2\n  replication http\n  preempt 30\nshow secondary running-config failover\n");

        Assert.EndsWith("failover group 2\n  secondary\n  preempt 30\n  replication http\n", output, StringComparison.Ordinal);
    }
}
