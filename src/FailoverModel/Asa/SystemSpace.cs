using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>A context as the system execution space declares it.</summary>
internal sealed record DeclaredContext(string Name, FailoverGroupId Group, (string Text, int Line, int Column)? Url, Dictionary<string, string> Allocated);

/// <summary>The system execution space: hostname, failover commands, failover groups and contexts.</summary>
internal sealed class SystemSpace
{
    private readonly Dictionary<string, (string Active, string Mask, string Standby)> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigLine> _addressLines = new(StringComparer.Ordinal);
    private (string Name, string Physical)? _lan;
    private (string Name, string? Physical)? _state;
    private ConfigLine? _adminLine;

    private static readonly string[] TopKeywords = ["hostname", "failover", "admin-context", "context"];
    private static readonly string[] FailoverKeywords = ["lan", "link", "interface", "polltime", "group", "key", "interface-policy"];
    private static readonly string[] ContextKeywords = ["join-failover-group", "config-url", "allocate-interface"];

    public SystemSpace(string file, List<ConfigLine> lines)
    {
        var timers = UnitTimers.Seed;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Indented)
            {
                // A sub-mode line of a command the model skips.
                continue;
            }

            Commands++;
            var block = new List<ConfigLine>();
            while (i + 1 < lines.Count && lines[i + 1].Indented)
            {
                block.Add(lines[++i]);
            }

            Keywords.Check(line, 0, TopKeywords, "command");
            if (line.Is("failover"))
            {
                Keywords.Check(line, 1, FailoverKeywords, "failover command");
            }

            switch (line.Words.Select(w => w.Text).ToArray())
            {
                case ["hostname", var name]:
                    Hostname = name;
                    break;
                case ["failover"] or ["failover", "lan", "enable"] or ["failover", "lan", "unit", "primary" or "secondary"] or ["failover", "key", ..]:
                    break;
                case ["failover", "lan", "interface", var name, var physical]:
                    Names.Check(line, 3, "the failover link's name");
                    _lan = (name, physical);
                    FailoverInterfaces.Add(physical);
                    break;
                case ["failover", "lan", "interface", ..]:
                    // Skipping it would silently make the pair cable-based.
                    throw line.Error(Math.Min(line.Count, 4), line.Count < 5
                        ? "failover lan interface <name> <physical interface>: the physical interface (e.g. Ethernet3) is missing"
                        : $"failover lan interface: unexpected '{line[5]}'");
                case ["failover", "lan", ..]:
                    throw line.Error(Math.Min(line.Count, 2), "expected 'failover lan enable', 'failover lan unit primary|secondary' or 'failover lan interface <name> <physical interface>'");
                case ["failover", "link", var name, ..]:
                    Names.Check(line, 2, "the Stateful Failover link's name");
                    _state = (name, line.Count > 3 ? line[3] : null);
                    if (line.Count > 3)
                    {
                        FailoverInterfaces.Add(line[3]);
                    }

                    break;
                case ["failover", "interface", "ip", var name, ..]:
                    _addresses[name] = Ipv4.ActiveAndStandby(line, 4, $"failover interface ip {name}");
                    _addressLines[name] = line;
                    break;
                case ["failover", "polltime", ..]:
                    timers = Polltime.Apply(line, timers);
                    break;
                case ["failover", "interface-policy", _]:
                    // No effect in Active/Active: each failover group has its own (docs/sources.md, "Timers and options").
                    Policy(line, 2);
                    break;
                case ["failover", "group", _]:
                    var id = RunningConfigParser.Number(line, 2, 1, int.MaxValue, "failover group");
                    if (id > PairConfig.MaxGroups)
                    {
                        throw line.Error(2, $"failover group {id}: you can create at most {PairConfig.MaxGroups} failover groups (seed, \"Configure the failover groups\")");
                    }

                    if (Groups.ContainsKey(id))
                    {
                        throw line.Error(2, $"failover group {id} is configured twice (first at line {lines.First(l => !l.Indented && l.Is("failover", "group", line[2])).Number}): a running-config lists each group once");
                    }

                    Groups[id] = FailoverGroupMode(block, timers);
                    break;
                case ["admin-context", var name]:
                    AdminContext = name;
                    _adminLine = line;
                    break;
                case ["context", var name]:
                    Names.Check(line, 1, "the context name");
                    if (Contexts.Any(c => c.Name == name))
                    {
                        throw line.Error(1, $"context {name} is declared twice (first at line {Find(lines, "context", name).Number})");
                    }

                    Contexts.Add(Context(name, block));
                    break;
                default:
                    Skipped++;
                    break;
            }
        }

        Timers = timers;
        CheckLinkSubnets();
        if (_adminLine is { } admin && Contexts.Count > 0 && Contexts.All(c => c.Name != AdminContext))
        {
            throw admin.Error(1, $"admin-context {AdminContext} names no context (contexts: {string.Join(", ", Contexts.Select(c => c.Name))})");
        }

        foreach (var context in Contexts)
        {
            if (!Groups.ContainsKey(context.Group.Number) && context.Group != FailoverGroupId.One)
            {
                var join = Find(lines, "context", context.Name);
                throw new InputException(file, join.Number, 1, $"context {context.Name} joins failover group {context.Group}, which is not configured");
            }

            if (context.Name == AdminContext && context.Group != FailoverGroupId.One)
            {
                var join = Find(lines, "context", context.Name);
                throw new InputException(file, join.Number, 1, $"the admin context {context.Name} is always a member of failover group 1 (seed, \"Active/Active Failover Overview\")");
            }
        }
    }

    /// <summary>
    /// A separate Stateful Failover link is on a subnet of its own: ASA refuses an interface address whose subnet
    /// overlaps another interface's, and the two links would not be told apart.
    /// </summary>
    private void CheckLinkSubnets()
    {
        if (_lan is not { } lan || _state is not { } state || lan.Name == state.Name
            || !_addresses.TryGetValue(lan.Name, out var failover) || !_addresses.TryGetValue(state.Name, out var stateful))
        {
            return;
        }

        if (Ipv4.Overlap(failover.Active, failover.Mask, stateful.Active, stateful.Mask))
        {
            var (later, other) = _addressLines[lan.Name].Number > _addressLines[state.Name].Number ? (lan.Name, state.Name) : (state.Name, lan.Name);
            var line = _addressLines[later];
            throw line.Error(4, $"failover interface ip {later}: its subnet {_addresses[later].Active}/{_addresses[later].Mask} overlaps the subnet of {other} (line {_addressLines[other].Number}): the failover link and the Stateful Failover link each need a subnet of their own");
        }
    }

    public string? Hostname { get; private set; }

    public string Version { get; } = "7.2(2)";

    public string? AdminContext { get; private set; }

    public int Commands { get; }

    public int Skipped { get; }

    public UnitTimers Timers { get; }

    public HashSet<string> FailoverInterfaces { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, FailoverGroupConfig> Groups { get; } = [];

    public List<DeclaredContext> Contexts { get; } = [];

    public bool CableBased => _lan is null;

    public LinkConfig? FailoverLink => _lan is { } lan ? Link(lan.Name, lan.Physical) : null;

    public LinkConfig? StateLink => _state is { } state ? Link(state.Name, state.Physical ?? (_lan?.Name == state.Name ? _lan.Value.Physical : "")) : null;

    private LinkConfig Link(string name, string physical) =>
        _addresses.TryGetValue(name, out var a) ? new LinkConfig(name, physical, a.Active, a.Mask, a.Standby) : new LinkConfig(name, physical, null, null, null);

    private static ConfigLine Find(List<ConfigLine> lines, string command, string name) =>
        lines.First(l => !l.Indented && l.Is(command, name));

    private static FailoverGroupConfig FailoverGroupMode(List<ConfigLine> block, UnitTimers timers)
    {
        var settings = FailoverGroupConfig.PreferringUnit(UnitRole.Primary);
        foreach (var sub in block)
        {
            settings = sub.Words.Select(w => w.Text).ToArray() switch
            {
                ["primary"] => settings with { Preferred = UnitRole.Primary },
                ["secondary"] => settings with { Preferred = UnitRole.Secondary },
                ["preempt"] => settings with { Preempt = true, PreemptDelaySeconds = 0 },
                ["preempt", _] => settings with { Preempt = true, PreemptDelaySeconds = RunningConfigParser.Number(sub, 1, 1, 1200, "preempt delay") },
                ["no", "preempt"] => settings with { Preempt = false, PreemptDelaySeconds = 0 },
                ["interface-policy", _] => settings with { Policy = Policy(sub, 1) },
                ["polltime", "interface", ..] => Checked(settings, Polltime.Apply(sub, timers, fromWord: 2, interfaceOnly: true)),
                ["replication", "http"] => settings with { ReplicationHttp = true },
                ["no", "replication", "http"] => settings with { ReplicationHttp = false },
                ["mac", "address", ..] => settings,
                _ => throw sub.Error(0, $"unknown failover group command '{string.Join(' ', sub.Words.Select(w => w.Text))}'"),
            };
        }

        return settings;

        static FailoverGroupConfig Checked(FailoverGroupConfig settings, UnitTimers _) => settings;
    }

    /// <summary><c>interface-policy num[%]</c> in ASA's range, an error at its word when outside it.</summary>
    private static InterfacePolicy Policy(ConfigLine line, int word)
    {
        try
        {
            return Pair.CommandText.Policy((line[word], line.Words[word].Column), 1);
        }
        catch (Pair.CommandTextException e)
        {
            throw new InputException(line.File, line.Number, e.Column, e.Message);
        }
    }

    private DeclaredContext Context(string name, List<ConfigLine> block)
    {
        var group = 1;
        (string, int, int)? url = null;
        var allocated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sub in block)
        {
            Keywords.Check(sub, 0, ContextKeywords, $"context {name} command");
            if (sub.Is("join-failover-group"))
            {
                group = RunningConfigParser.Number(sub, 1, 1, int.MaxValue, "join-failover-group");
                if (group > PairConfig.MaxGroups)
                {
                    throw sub.Error(1, $"join-failover-group {group}: there are at most {PairConfig.MaxGroups} failover groups");
                }

                if (!Groups.ContainsKey(group))
                {
                    throw sub.Error(1, $"join-failover-group {group}: failover group {group} is not configured");
                }

                if (name == AdminContext && group != 1)
                {
                    throw sub.Error(1, $"the admin context {name} is always a member of failover group 1 (seed, \"Active/Active Failover Overview\")");
                }
            }
            else if (sub.Is("config-url"))
            {
                url = sub.Count == 2
                    ? (sub[1], sub.Number, sub.Words[1].Column)
                    : throw sub.Error(Math.Min(sub.Count, 2), sub.Count < 2 ? "config-url <url>: the URL is missing" : $"config-url takes one URL, not also '{sub[2]}'");
            }
            else if (sub.Is("allocate-interface") && sub.Count >= 2)
            {
                if (FailoverInterfaces.Contains(sub[1]))
                {
                    throw sub.Error(1, $"{sub[1]} is a failover interface and cannot also be a data interface of context {name} (seed: \"This interface should not be used for any other purpose\")");
                }

                allocated[sub.Count >= 3 ? sub[2] : sub[1]] = sub[1];
            }
        }

        return new DeclaredContext(name, FailoverGroupId.Of(group), url, allocated);
    }
}
