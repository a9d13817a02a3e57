using FailoverModel.Asa;
using FailoverModel.Scenarios;

namespace FailoverModel.Tests.Asa;

/// <summary>The parts of the show outputs that come from the model's configuration and connection state.</summary>
public class ShowFromStateTests
{
    private static string Show(string scenario) =>
        ScenarioRunner.Run(ScenarioParser.Parse(scenario, "show.scenario", BuiltInConfigurations.SeedLanExample)).Outputs.OfType<ShowOutput>().Single().Text;

    /// <summary>Cisco's ASDM guide: a pair joined by the serial failover cable shows "N/A - Serial-based failover enabled" for its failover LAN interface.</summary>
    [Fact]
    public void ACableBasedPairHasNoFailoverLanInterface()
    {
        var cable = RunningConfigParser.Load(RepositoryFiles.Path("tests", "configs", "cable", "pix1.cfg"));
        var lan = Show("power-on primary secondary\nshow primary failover\n");

        var serial = ScenarioRunner.Run(ScenarioParser.Parse("power-on primary secondary\nshow primary failover\n", "show.scenario", cable)).Outputs.OfType<ShowOutput>().Single().Text;

        Assert.Contains("Failover LAN Interface: N/A - Serial-based failover enabled\n", serial, StringComparison.Ordinal);
        Assert.Contains("Failover LAN Interface: LANFailover Ethernet3 (up)\n", lan, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatefulFailoverStatisticsCountTheReplicatedKindsSentAndHeld()
    {
        var primary = Show("power-on primary secondary\nconnect context1 tcp\nconnect context1 arp\nconnect context1 uauth\nconnect context2 udp\nshow primary failover\n");

        Assert.Contains("        General         2          0          1          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        TCP conn        1          0          0          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        UDP conn        0          0          1          0\n", primary, StringComparison.Ordinal);
        Assert.Contains("        ARP tbl         1          0          0          0\n", primary, StringComparison.Ordinal);
    }

    /// <summary>
    /// A unit shows its mate's active time as its last hello said it. While it hears the mate the figure runs
    /// on; once the failover link is down it stops where the last hello left it, and its own group keeps counting.
    /// </summary>
    [Fact]
    public void TheMatesActiveTimeStopsWhereTheLastHelloLeftIt()
    {
        const string Bringup = "power-on primary secondary\nwait 1m\n";
        var (mineBefore, matesBefore) = ActiveTimes(Show(Bringup + "show secondary failover\n"));
        var (_, matesHearing) = ActiveTimes(Show(Bringup + "wait 2m\nshow secondary failover\n"));
        var (mine, mates) = ActiveTimes(Show(Bringup + "link-down failover\nwait 2m\nshow secondary failover\n"));

        Assert.InRange(matesHearing - matesBefore, 119, 121);
        Assert.Equal(matesBefore, mates);
        Assert.True(mine >= mineBefore + 120, $"this host's group 2 counted on ({mineBefore} s, then {mine} s)");

        static (int Mine, int Mates) ActiveTimes(string show)
        {
            var times = System.Text.RegularExpressions.Regex.Matches(show, @"Active time:\s+(\d+) \(sec\)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            // This host's group 1 and 2, then the other host's group 1 and 2: the secondary is active for group 2, the primary for group 1.
            return (times[1], times[2]);
        }
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
