using FailoverModel.Asa;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Asa;

public class RunningConfigParserTests
{
    /// <summary>
    /// The built-in configuration is the seed's LAN-based example as its files say (seed, "Configurations"): two
    /// groups preferring primary and secondary, admin and context1 in group 1, context2 in group 2, four monitored
    /// interfaces with the seed's addresses, LANFailover on Ethernet3 and the Stateful link on Ethernet2.
    /// </summary>
    [Fact]
    public void TheBuiltInConfigurationIsTheSeedsLanBasedExample()
    {
        var parsed = BuiltInConfigurations.SeedLanExampleParsed;
        var config = parsed.Config;

        Assert.Equal([FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Secondary)], config.Groups.ToArray());
        Assert.Equal([("admin", 1), ("context1", 1), ("context2", 2)], config.Contexts.Select(c => (c.Name, c.Group.Number)));
        Assert.Equal(
            [
                new InterfaceConfig("context1", "inside", "inside_context1", "192.168.1.1", "255.255.255.0", "192.168.1.2", true),
                new InterfaceConfig("context1", "outside", "outside_context1", "172.16.1.1", "255.255.255.0", "172.16.1.2", true),
                new InterfaceConfig("context2", "inside", "inside_context2", "192.168.2.1", "255.255.255.0", "192.168.2.2", true),
                new InterfaceConfig("context2", "outside", "outside_context2", "172.16.2.1", "255.255.255.0", "172.16.2.2", true),
            ],
            config.Interfaces.ToArray());
        Assert.Equal(new LinkConfig("LANFailover", "Ethernet3", "10.1.0.1", "255.255.255.0", "10.1.0.2"), config.FailoverLink);
        Assert.Equal(new LinkConfig("stateful", "Ethernet2", "10.0.0.1", "255.255.255.0", "10.0.0.2"), config.StateLink);
        Assert.Equal("admin", config.AdminContext);
        Assert.Equal("PIX1", config.Name);
        Assert.False(config.CableBased);
        Assert.Equal(UnitTimers.Seed, config.Timers);
        Assert.Equal(4, parsed.Files.Count);
        Assert.True(parsed.Skipped > 50, $"only {parsed.Skipped} commands skipped");
    }

    /// <summary>The embedded files are the fixtures: parsing the files on disk gives the same pair.</summary>
    [Fact]
    public void TheLanFixtureFilesOnDiskGiveTheBuiltInConfiguration()
    {
        var config = RunningConfigParser.Load(RepositoryFiles.Path("tests", "configs", "lan", "pix1.cfg"));
        var builtIn = BuiltInConfigurations.SeedLanExample;

        Assert.Equal(builtIn.Groups.ToArray(), config.Groups.ToArray());
        Assert.Equal(builtIn.Interfaces.ToArray(), config.Interfaces.ToArray());
        Assert.Equal((builtIn.FailoverLink, builtIn.StateLink), (config.FailoverLink, config.StateLink));
    }

    [Fact]
    public void TheSeedsCableBasedFilesGiveACablePairWithAStatefulLink()
    {
        var config = RunningConfigParser.Load(RepositoryFiles.Path("tests", "configs", "cable", "pix1.cfg"));

        Assert.True(config.CableBased);
        Assert.Equal(new LinkConfig("stateful", "Ethernet2", "10.0.0.1", "255.255.255.0", "10.0.0.2"), config.StateLink);
        Assert.Equal([UnitRole.Primary, UnitRole.Secondary], config.Groups.Select(g => g.Preferred));
    }

    [Theory]
    [InlineData("failover polltime unit msec 200 holdtime msec 800", 200, 800)]
    [InlineData("failover polltime unit 1 holdtime 3", 1000, 3000)]
    [InlineData("failover polltime interface msec 500 holdtime 5", 500, 5000)]
    public void PolltimesInRangeAreRead(string command, int poll, int hold)
    {
        var path = Path.Combine(Path.GetTempPath(), $"polltime-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, $"hostname X\nfailover group 1\n{command}\n");
        var timers = RunningConfigParser.Load(path).Timers;
        Assert.Equal((poll, hold), command.Contains("interface", StringComparison.Ordinal) ? (timers.InterfacePollMs, timers.InterfaceHoldMs) : (timers.UnitPollMs, timers.UnitHoldMs));
    }

    public static TheoryData<string> BrokenConfigurations() =>
        [.. File.ReadLines(RepositoryFiles.Path("tests", "bad-configs", "expected-errors.txt")).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)])];

    /// <summary>Each broken configuration (one per rule of the seed, plus truncated, binary and empty) exits 2 with one file:line:col line.</summary>
    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public void ABrokenConfigurationExitsTwoWithFileLineAndColumn(string name)
    {
        var folder = RepositoryFiles.Path("tests", "bad-configs");
        var line = File.ReadLines(Path.Combine(folder, "expected-errors.txt")).Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var stderr = new StringWriter();

        var exit = global::FailoverModel.Cli.Cli.Invoke(["run", Path.Combine(folder, "any.scenario"), "--config", Path.Combine(folder, name)], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Equal($"{folder}/{line[(name.Length + 1)..]}\n", stderr.ToString());
    }
}
