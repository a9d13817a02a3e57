using System.Collections.Immutable;
using FailoverModel.Asa;
using FailoverModel.Pair;
using FailoverModel.Tests.Exploration;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

/// <summary>Every command form of the scenario language (docs/scenario-language.md) reads to its command, prints back as typed, and every bad form has its message and column.</summary>
public class CommandTextTests
{
    private static readonly PairConfig Seed = BuiltInConfigurations.SeedLanExample;

    public static TheoryData<string, AsaCommand> Commands() => new()
    {
        { "failover", new EnableFailover() },
        { "no failover", new DisableFailover() },
        { "failover active", new FailoverActive(null) },
        { "failover active group 2", new FailoverActive(FailoverGroupId.Two) },
        { "no failover active", new NoFailoverActive(null) },
        { "no failover active group 1", new NoFailoverActive(FailoverGroupId.One) },
        { "failover reset", new FailoverReset(null) },
        { "failover reset group 2", new FailoverReset(FailoverGroupId.Two) },
        { "write standby", new WriteStandby() },
        { "write memory", new WriteMemory(false, false) },
        { "write mem", new WriteMemory(false, false) },
        { "write memory all", new WriteMemory(true, false) },
        { "write mem all", new WriteMemory(true, false) },
        { "copy running-config startup-config", new WriteMemory(false, true) },
        { "failover lan unit primary", new ConfigurationCommand("failover lan unit primary", -1, Replicated: false) },
        { "failover lan unit secondary", new ConfigurationCommand("failover lan unit secondary", -1, Replicated: false) },
        { "mode multiple", new ConfigurationCommand("mode multiple", -1, Replicated: false) },
        { "firewall transparent", new ConfigurationCommand("firewall transparent", -1, Replicated: false) },
        { "show failover", new ExecCommand("show failover") },
        { "debug fover  fail", new ExecCommand("debug fover fail") },
        { "access-list 101 extended permit tcp any any eq www", new ConfigurationCommand("access-list 101 extended permit tcp any any eq www", -1) },
        { "  route outside 0.0.0.0 0.0.0.0 172.16.1.1 1", new ConfigurationCommand("route outside 0.0.0.0 0.0.0.0 172.16.1.1 1", -1) },
        { "names", new ConfigurationCommand("names", -1) },
        { "mkdir disk0:/ctx", new ConfigurationCommand("mkdir disk0:/ctx", -1) },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void ACommandReadsToItsMeaning(string text, AsaCommand expected)
    {
        var command = CommandText.Parse(text, Seed);

        Assert.Equal(expected, command);
        Assert.Equal(expected.GetType(), command.GetType());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ACommandPrintsAsItReadsBack(string text, AsaCommand expected)
    {
        _ = text;
        var printed = expected.ToString();

        Assert.Equal(expected, CommandText.Parse(printed, Seed));
        Assert.Equal(printed, string.Join(' ', CommandText.Words(printed).Select(w => w.Word)));
    }

    [Fact]
    public void OnlyFileAndConfigurationCommandsAreAllowedInAContext()
    {
        var allowed = Commands().Select(row => (AsaCommand)row[1]).Where(c => c.AllowedInContext).Select(c => c.ToString()).ToList();

        Assert.Equal(
            [
                "write standby", "write memory", "write memory", "copy running-config startup-config", "failover lan unit primary",
                "failover lan unit secondary", "mode multiple", "firewall transparent", "show failover", "debug fover fail",
                "access-list 101 extended permit tcp any any eq www", "route outside 0.0.0.0 0.0.0.0 172.16.1.1 1", "names", "mkdir disk0:/ctx",
            ],
            allowed);
        Assert.False(new FailoverGroupMode(FailoverGroupId.One, []).AllowedInContext);
    }

    public static TheoryData<string, string, int> BadCommands() => new()
    {
        { "", "missing command", 1 },
        { "   ", "missing command", 1 },
        { "reload", "unknown command 'reload'", 1 },
        { "  frobnicate now", "unknown command 'frobnicate'", 3 },
        { "failover sideways", "unknown command 'failover sideways'", 1 },
        { "no  fail", "unknown command 'no fail'", 1 },
        { " write erase", "unknown command 'write erase'", 2 },
        { "write", "unknown command 'write'", 1 },
        { "show", "unknown command 'show'", 1 },
        { "failover lan unit tertiary", "unknown command 'failover lan unit tertiary'", 1 },
        { "failover active group x", "'x' is not a failover group number", 23 },
        { "failover active group -1", "'-1' is not a failover group number", 23 },
        { "failover active group +1", "'+1' is not a failover group number", 23 },
        { "failover active group 3", "failover group 3 does not exist: a pair has at most 2 failover groups", 23 },
        { "failover active group 0", "failover group 0 does not exist: a pair has at most 2 failover groups", 23 },
        { "no failover active group  9", "failover group 9 does not exist: a pair has at most 2 failover groups", 27 },
        { "failover reset group 4", "failover group 4 does not exist: a pair has at most 2 failover groups", 22 },
        { "failover group 7", "failover group 7 does not exist: a pair has at most 2 failover groups", 16 },
        { "copy running-config startup-config now", "'copy running-config startup-config' takes nothing after it, not 'now'", 36 },
        { "hostname " + new string('h', CommandText.MaxLength - 8), "a command of 4,097 characters: the model takes commands of at most 4,096", 4_097 },
    };

    [Fact]
    public void ACommandOfTheLongestLengthIsTaken() =>
        Assert.Equal(new ConfigurationCommand("hostname " + new string('h', CommandText.MaxLength - 9), -1), CommandText.Parse("hostname " + new string('h', CommandText.MaxLength - 9), Seed));

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void ABadCommandSaysWhatIsWrongAndWhere(string text, string message, int column)
    {
        var error = Assert.Throws<CommandTextException>(() => CommandText.Parse(text, Seed));

        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void AGroupTheConfigurationDoesNotHaveIsNamedWithTheConfiguration()
    {
        var error = Assert.Throws<CommandTextException>(() => CommandText.Parse("failover active group 2", ExplorerTests.OneGroup));

        Assert.Equal($"failover group 2 is not configured in {ExplorerTests.OneGroup.Name}", error.Message);
        Assert.Equal(23, error.Column);
        Assert.Equal(new FailoverActive(FailoverGroupId.One), CommandText.Parse("failover active group 1", ExplorerTests.OneGroup));
    }

    [Fact]
    public void OnlyFailoverGroupTakesIndentedLines()
    {
        var error = Assert.Throws<CommandTextException>(() => CommandText.Parse("failover active", Seed, [("preempt", 3)]));

        Assert.Equal("'failover active' has no sub-mode; only 'failover group <n>' takes indented lines", error.Message);
        Assert.Equal(3, error.Column);
        Assert.Equal(new EnableFailover(), CommandText.Parse("failover", Seed, []));
    }

    [Fact]
    public void FailoverGroupReadsItsSubModeInOrder()
    {
        var command = CommandText.Parse("failover group 2", Seed, [("secondary", 3), ("preempt 30", 3), ("no replication http", 3), ("interface-policy 50%", 3)]);

        var mode = Assert.IsType<FailoverGroupMode>(command);
        Assert.Equal(FailoverGroupId.Two, mode.Group);
        Assert.Equal(
            [new PreferUnit(UnitRole.Secondary), new SetPreempt(30), new SetReplicationHttp(false), new SetInterfacePolicy(new InterfacePolicy(50, true))],
            mode.Lines.ToArray());
        Assert.Equal("failover group 2\n  secondary\n  preempt 30\n  no replication http\n  interface-policy 50%", mode.ToString());
        Assert.Equal(new FailoverGroupMode(FailoverGroupId.Two, []), CommandText.Parse("failover group 2", Seed));
        Assert.Equal("failover group 2", new FailoverGroupMode(FailoverGroupId.Two, []).ToString());
    }

    public static TheoryData<string, GroupModeLine> ModeLines() => new()
    {
        { "primary", new PreferUnit(UnitRole.Primary) },
        { "secondary", new PreferUnit(UnitRole.Secondary) },
        { "replication http", new SetReplicationHttp(true) },
        { "no replication http", new SetReplicationHttp(false) },
        { "preempt", new SetPreempt(0) },
        { "preempt 1", new SetPreempt(1) },
        { "preempt 1200", new SetPreempt(1200) },
        { "no preempt", new NoPreempt() },
        { "interface-policy 1", new SetInterfacePolicy(new InterfacePolicy(1, false)) },
        { "interface-policy 250", new SetInterfacePolicy(new InterfacePolicy(250, false)) },
        { "interface-policy 1%", new SetInterfacePolicy(new InterfacePolicy(1, true)) },
        { "interface-policy 100%", new SetInterfacePolicy(new InterfacePolicy(100, true)) },
    };

    [Theory]
    [MemberData(nameof(ModeLines))]
    public void AFailoverGroupLineReadsToItsMeaningAndPrintsBack(string text, GroupModeLine expected)
    {
        Assert.Equal(expected, CommandText.ParseModeLine(text));
        Assert.Equal(text, expected.ToString());
    }

    public static TheoryData<string, string, int> BadModeLines() => new()
    {
        { "", "missing failover group command", 1 },
        { "  ", "missing failover group command", 1 },
        { "tertiary", "unknown failover group command 'tertiary'", 1 },
        { "  preempt now please", "unknown failover group command 'preempt now please'", 3 },
        { "preempt 0", "preempt delay must be a number from 1 to 1200, not '0'", 9 },
        { "preempt 1201", "preempt delay must be a number from 1 to 1200, not '1201'", 9 },
        { "preempt  -5", "preempt delay must be a number from 1 to 1200, not '-5'", 10 },
        { "interface-policy 0", "interface-policy must be a number from 1 to 250, not '0'", 18 },
        { "interface-policy 251", "interface-policy must be a number from 1 to 250, not '251'", 18 },
        { "interface-policy 101%", "interface-policy must be a number from 1 to 100, not '101'", 18 },
        { "interface-policy 0%", "interface-policy must be a number from 1 to 100, not '0'", 18 },
        { "interface-policy %", "interface-policy must be a number from 1 to 100, not ''", 18 },
        { "interface-policy many", "interface-policy must be a number from 1 to 250, not 'many'", 18 },
    };

    [Theory]
    [MemberData(nameof(BadModeLines))]
    public void ABadFailoverGroupLineSaysWhatIsWrongAndWhere(string text, string message, int column)
    {
        var error = Assert.Throws<CommandTextException>(() => CommandText.ParseModeLine(text));

        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void AGroupModeLineChangesOnlyItsSetting()
    {
        var start = new FailoverGroupConfig(UnitRole.Primary, Preempt: true, PreemptDelaySeconds: 40, new InterfacePolicy(1, false), ReplicationHttp: false);

        Assert.Equal(start with { Preferred = UnitRole.Secondary }, new PreferUnit(UnitRole.Secondary).ApplyTo(start));
        Assert.Equal(start with { ReplicationHttp = true }, new SetReplicationHttp(true).ApplyTo(start));
        Assert.Equal(start with { PreemptDelaySeconds = 5 }, new SetPreempt(5).ApplyTo(start));
        Assert.Equal(start with { Preempt = false, PreemptDelaySeconds = 0 }, new NoPreempt().ApplyTo(start));
        Assert.Equal(start with { Preempt = true, PreemptDelaySeconds = 0 }, new SetPreempt(0).ApplyTo(start with { Preempt = false }));
        Assert.Equal(start with { Policy = new InterfacePolicy(2, true) }, new SetInterfacePolicy(new InterfacePolicy(2, true)).ApplyTo(start));
        Assert.Equal(
            start with { Preferred = UnitRole.Secondary, Preempt = false, PreemptDelaySeconds = 0 },
            new FailoverGroupMode(FailoverGroupId.One, [new PreferUnit(UnitRole.Secondary), new SetPreempt(9), new NoPreempt()]).ApplyTo(start));
    }

    [Fact]
    public void FailoverGroupModesAreEqualByTheirLines()
    {
        var a = new FailoverGroupMode(FailoverGroupId.One, [new SetPreempt(3)]);

        Assert.Equal(a, new FailoverGroupMode(FailoverGroupId.One, ImmutableArray.Create<GroupModeLine>(new SetPreempt(3))));
        Assert.Equal(a.GetHashCode(), new FailoverGroupMode(FailoverGroupId.One, [new SetPreempt(3)]).GetHashCode());
        Assert.NotEqual(a, new FailoverGroupMode(FailoverGroupId.Two, [new SetPreempt(3)]));
        Assert.NotEqual(a, new FailoverGroupMode(FailoverGroupId.One, [new SetPreempt(4)]));
        Assert.NotEqual(a, new FailoverGroupMode(FailoverGroupId.One, []));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void WordsKeepTheirColumns()
    {
        Assert.Equal([("a", 1), ("bc", 4), ("d", 8)], CommandText.Words("a  bc\t d  "));
        Assert.Empty(CommandText.Words(" \t "));
        Assert.Empty(CommandText.Words(""));
    }

    [Fact]
    public void EveryConfigurationHeadTheSeedUsesIsAConfigurationChange()
    {
        foreach (var head in CommandText.ConfigurationHeads)
        {
            Assert.Equal(new ConfigurationCommand(head, -1), CommandText.Parse(head, Seed));
            Assert.Equal(new ConfigurationCommand($"{head} x", -1), CommandText.Parse($"{head} x", Seed));
        }

        Assert.Equal(52, CommandText.ConfigurationHeads.Count);
    }
}
