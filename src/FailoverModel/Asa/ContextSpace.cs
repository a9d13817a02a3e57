using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>A context's configuration: its interfaces with their names and addresses, and which are monitored.</summary>
internal static class ContextSpace
{
    private static readonly string[] TopKeywords = ["interface", "monitor-interface"];
    private static readonly string[] InterfaceKeywords = ["nameif"];

    /// <returns>The context's interfaces, how many commands were skipped, and the <c>nameif</c> line of each interface.</returns>
    public static (List<InterfaceConfig> Interfaces, int Skipped, List<ConfigLine> NameifLines) Parse(string context, IReadOnlyDictionary<string, string> allocated, List<ConfigLine> lines)
    {
        var interfaces = new List<(string Name, string? Nameif, (string, string, string)? Address, ConfigLine? NameifLine)>();
        var monitored = new Dictionary<string, bool>(StringComparer.Ordinal);
        var monitorLines = new List<(ConfigLine Line, int Word)>();
        var blocks = new Dictionary<string, ConfigLine>(StringComparer.Ordinal);
        var nameifs = new Dictionary<string, ConfigLine>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Indented)
            {
                continue;
            }

            Keywords.Check(line, 0, TopKeywords, "command");
            if (line.Is("interface") && line.Count >= 2)
            {
                if (blocks.TryGetValue(line[1], out var first))
                {
                    throw line.Error(1, $"interface {line[1]} has a second block (the first is at line {first.Number}): a running-config lists each interface once");
                }

                blocks[line[1]] = line;
                string? nameif = null;
                ConfigLine? nameifLine = null;
                (string, string, string)? address = null;
                for (; i + 1 < lines.Count && lines[i + 1].Indented; i++)
                {
                    var sub = lines[i + 1];
                    Keywords.Check(sub, 0, InterfaceKeywords, $"interface {line[1]} command");
                    if (sub.Is("nameif"))
                    {
                        if (sub.Count != 2)
                        {
                            throw sub.Error(Math.Min(sub.Count, 2), "nameif <name>: one name");
                        }

                        Names.Check(sub, 1, "the nameif");
                        if (nameifs.TryGetValue(sub[1], out var other))
                        {
                            throw sub.Error(1, $"nameif {sub[1]} is already the name of the interface at line {other.Number}: each interface of a context has its own name");
                        }

                        nameifs[sub[1]] = sub;
                        nameif = sub[1];
                        nameifLine = sub;
                    }
                    else if (sub.Is("ip", "address"))
                    {
                        address = Ipv4.ActiveAndStandby(sub, 2, $"interface {line[1]}");
                    }
                    else if (sub.Is("ipv6", "address"))
                    {
                        throw sub.Error(2, $"interface {line[1]}: failover cannot use IPv6 addresses (seed, \"Failover Configuration Limitations\")");
                    }
                }

                interfaces.Add((line[1], nameif, address, nameifLine));
            }
            else if (line.Is("monitor-interface") && line.Count == 2)
            {
                monitored[line[1]] = true;
                monitorLines.Add((line, 1));
            }
            else if (line.Is("no", "monitor-interface") && line.Count == 3)
            {
                monitored[line[2]] = false;
                monitorLines.Add((line, 2));
            }
            else if (line.Is("monitor-interface") || line.Is("no", "monitor-interface"))
            {
                throw line.Error(line.Count, "[no] monitor-interface <name>: one interface name");
            }
            else
            {
                skipped++;
            }
        }

        foreach (var (monitor, word) in monitorLines)
        {
            if (!nameifs.ContainsKey(monitor[word]))
            {
                throw monitor.Error(word, $"monitor-interface {monitor[word]} names no interface of context {context} (names: {(nameifs.Count == 0 ? "none" : string.Join(", ", nameifs.Keys))})");
            }
        }

        var result = new List<InterfaceConfig>();
        var nameifLines = new List<ConfigLine>();
        foreach (var (name, nameif, address, nameifLine) in interfaces.Where(x => x.Nameif is not null))
        {
            nameifLines.Add(nameifLine!);
            var physical = allocated.TryGetValue(name, out var phy) ? phy : name;

            // Seed, "View of Monitored Interfaces": physical interfaces are monitored by default, subinterfaces are not.
            var watched = monitored.TryGetValue(nameif!, out var explicitly) ? explicitly : !physical.Contains('.', StringComparison.Ordinal);
            result.Add(new InterfaceConfig(context, nameif!, name, address?.Item1, address?.Item2, address?.Item3, watched));
        }

        return (result, skipped, nameifLines);
    }
}
