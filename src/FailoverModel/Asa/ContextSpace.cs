using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>A context's configuration: its interfaces with their names and addresses, and which are monitored.</summary>
internal static class ContextSpace
{
    public static (List<InterfaceConfig> Interfaces, int Skipped) Parse(string context, IReadOnlyDictionary<string, string> allocated, List<ConfigLine> lines)
    {
        var interfaces = new List<(string Name, string? Nameif, (string, string, string)? Address, int Line)>();
        var monitored = new Dictionary<string, bool>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Indented)
            {
                continue;
            }

            if (line.Is("interface") && line.Count >= 2)
            {
                string? nameif = null;
                (string, string, string)? address = null;
                for (; i + 1 < lines.Count && lines[i + 1].Indented; i++)
                {
                    var sub = lines[i + 1];
                    if (sub.Is("nameif") && sub.Count == 2)
                    {
                        nameif = sub[1];
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

                interfaces.Add((line[1], nameif, address, line.Number));
            }
            else if (line.Is("monitor-interface") && line.Count == 2)
            {
                monitored[line[1]] = true;
            }
            else if (line.Is("no", "monitor-interface") && line.Count == 3)
            {
                monitored[line[2]] = false;
            }
            else
            {
                skipped++;
            }
        }

        var result = new List<InterfaceConfig>();
        foreach (var (name, nameif, address, _) in interfaces.Where(x => x.Nameif is not null))
        {
            var physical = allocated.TryGetValue(name, out var phy) ? phy : name;

            // Seed, "View of Monitored Interfaces": physical interfaces are monitored by default, subinterfaces are not.
            var watched = monitored.TryGetValue(nameif!, out var explicitly) ? explicitly : !physical.Contains('.', StringComparison.Ordinal);
            result.Add(new InterfaceConfig(context, nameif!, name, address?.Item1, address?.Item2, address?.Item3, watched));
        }

        return (result, skipped);
    }
}
