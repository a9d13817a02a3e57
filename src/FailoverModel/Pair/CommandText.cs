using System.Collections.Immutable;
using System.Globalization;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>A command text the model cannot accept; <see cref="Column"/> is 1-based within the text.</summary>
internal sealed class CommandTextException(string message, int column) : Exception(message)
{
    public int Column { get; } = column;
}

/// <summary>Reads the ASA commands of docs/scenario-language.md from their text, checked against the pair's configuration.</summary>
internal static class CommandText
{
    /// <summary>
    /// The longest command line the model takes, in characters. Cisco's guides give no figure; ASA's commands are far
    /// shorter, and a run keeps the text of up to <see cref="ConfigurationChanges.MaxPerSpace"/> changes a space, so
    /// the bound keeps what a run holds small however long the input's lines may be.
    /// </summary>
    public const int MaxLength = 4_096;

    /// <summary>Parses one command line; <paramref name="modeLines"/> are the indented lines of <c>failover group n</c>, with their columns.</summary>
    public static AsaCommand Parse(string text, PairConfig config, IReadOnlyList<(string Text, int Column)>? modeLines = null)
    {
        if (text.Length > MaxLength)
        {
            throw new CommandTextException($"a command of {text.Length:N0} characters: the model takes commands of at most {MaxLength:N0}", MaxLength + 1);
        }

        if (modeLines?.FirstOrDefault(m => m.Text.Length > MaxLength) is { Text: not null } longMode)
        {
            throw new CommandTextException($"a sub-mode line of {longMode.Text.Length:N0} characters: the model takes commands of at most {MaxLength:N0}", longMode.Column + MaxLength);
        }

        var words = Words(text);
        if (words.Count == 0)
        {
            throw new CommandTextException("missing command", 1);
        }

        var w = words.Select(x => x.Word).ToArray();
        AsaCommand command = w switch
        {
            ["failover"] => new EnableFailover(),
            ["no", "failover"] => new DisableFailover(),
            ["failover", "active"] => new FailoverActive(null),
            ["failover", "active", "group", _] => new FailoverActive(Group(words[3], config)),
            ["no", "failover", "active"] => new NoFailoverActive(null),
            ["no", "failover", "active", "group", _] => new NoFailoverActive(Group(words[4], config)),
            ["failover", "reset"] => new FailoverReset(null),
            ["failover", "reset", "group", _] => new FailoverReset(Group(words[3], config)),
            ["write", "standby"] => new WriteStandby(),
            ["write", "memory"] or ["write", "mem"] => new WriteMemory(false, false),
            ["write", "memory", "all"] or ["write", "mem", "all"] => new WriteMemory(true, false),
            ["copy", "running-config", "startup-config"] => new WriteMemory(false, true),
            ["copy", "running-config", "startup-config", _, ..] => throw new CommandTextException($"'copy running-config startup-config' takes nothing after it, not '{words[3].Word}'", words[3].Column),
            ["failover", "group", _] => new FailoverGroupMode(Group(words[2], config), ParseModeLines(modeLines ?? [])),
            ["failover", "lan", "unit", "primary" or "secondary"] or ["mode", ..] or ["firewall", ..] => new ConfigurationCommand(string.Join(' ', w), -1, Replicated: false),
            ["show", _, ..] or ["debug", _, ..] => new ExecCommand(string.Join(' ', w)),
            [var head, _, ..] when ConfigurationHeads.Contains(head) => new ConfigurationCommand(string.Join(' ', w), -1),
            [var head] when ConfigurationHeads.Contains(head) => new ConfigurationCommand(head, -1),
            _ => throw Unknown(words),
        };

        if (command is not FailoverGroupMode && modeLines is { Count: > 0 })
        {
            throw new CommandTextException($"'{command}' has no sub-mode; only 'failover group <n>' takes indented lines", modeLines[0].Column);
        }

        return command;
    }

    /// <summary>
    /// ASA configuration commands the model accepts as configuration changes without reading them: the heads of the
    /// commands in the seed's configurations, and the file commands the seed says are replicated.
    /// </summary>
    public static readonly IReadOnlySet<string> ConfigurationHeads = new HashSet<string>(StringComparer.Ordinal)
    {
        "access-list", "access-group", "object", "object-group", "nat", "global", "static", "route", "hostname", "names", "name",
        "interface", "nameif", "security-level", "ip", "logging", "snmp-server", "timeout", "username", "aaa", "crypto", "policy-map",
        "class-map", "service-policy", "ntp", "dns", "domain-name", "banner", "mtu", "icmp", "arp", "ssh", "telnet", "http", "pager",
        "passwd", "enable", "monitor-interface", "asdm", "console", "ftp", "limit-resource", "class", "prompt", "context",
        "allocate-interface", "config-url", "copy", "rename", "delete", "mkdir", "rmdir",
    };

    private static CommandTextException Unknown(List<(string Word, int Column)> words)
    {
        var known = new[] { "failover", "no", "write" };
        var first = words[0];
        return known.Contains(first.Word)
            ? new CommandTextException($"unknown command '{string.Join(' ', words.Select(x => x.Word))}'", first.Column)
            : new CommandTextException($"unknown command '{first.Word}'", first.Column);
    }

    private static FailoverGroupId Group((string Word, int Column) word, PairConfig config)
    {
        if (!int.TryParse(word.Word, NumberStyles.None, CultureInfo.InvariantCulture, out var group))
        {
            throw new CommandTextException($"'{word.Word}' is not a failover group number", word.Column);
        }

        if (group is < 1 or > PairConfig.MaxGroups)
        {
            throw new CommandTextException($"failover group {group} does not exist: a pair has at most {PairConfig.MaxGroups} failover groups", word.Column);
        }

        if (!config.HasGroup(FailoverGroupId.Of(group)))
        {
            throw new CommandTextException($"failover group {group} is not configured in {config.Name}", word.Column);
        }

        return FailoverGroupId.Of(group);
    }

    private static ImmutableArray<GroupModeLine> ParseModeLines(IReadOnlyList<(string Text, int Column)> lines) =>
        [.. lines.Select(l => ParseModeLine(l.Text))];

    /// <summary>One line of the <c>failover group</c> sub-mode; columns are 1-based within <paramref name="text"/>.</summary>
    public static GroupModeLine ParseModeLine(string text)
    {
        var words = Words(text);
        var w = words.Select(x => x.Word).ToArray();
        return w switch
        {
            ["primary"] => new PreferUnit(UnitRole.Primary),
            ["secondary"] => new PreferUnit(UnitRole.Secondary),
            ["replication", "http"] => new SetReplicationHttp(true),
            ["no", "replication", "http"] => new SetReplicationHttp(false),
            ["preempt"] => new SetPreempt(0),
            ["preempt", _] => new SetPreempt(Number(words[1], 1, 1, 1200, "preempt delay")),
            ["no", "preempt"] => new NoPreempt(),
            ["interface-policy", _] => new SetInterfacePolicy(Policy(words[1], 1)),
            [] => throw new CommandTextException("missing failover group command", 1),
            _ => throw new CommandTextException($"unknown failover group command '{string.Join(' ', w)}'", words[0].Column),
        };
    }

    /// <summary><c>interface-policy num[%]</c>: 1–250 interfaces or 1–100 percent (docs/sources.md, "Timers and options").</summary>
    public static InterfacePolicy Policy((string Word, int Column) word, int column)
    {
        var percent = word.Word.EndsWith('%');
        var digits = percent ? word.Word[..^1] : word.Word;
        var value = Number((digits, word.Column), column, 1, percent ? 100 : 250, "interface-policy");
        return new InterfacePolicy(value, percent);
    }

    private static int Number((string Word, int Column) word, int lineColumn, int min, int max, string what)
    {
        if (!int.TryParse(word.Word, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CommandTextException($"{what} must be a number from {min} to {max}, not '{word.Word}'", lineColumn + word.Column - 1);
        }

        return value;
    }

    /// <summary>Splits on blanks, keeping each word's 1-based column.</summary>
    public static List<(string Word, int Column)> Words(string text)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((text[start..i], start + 1));
            }
        }

        return words;
    }
}
