using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>
/// Configurations of a chosen size for the growth table and the large workload: the seed's links, an admin context in
/// group 1 with no interface, and in each failover group (group 1 preferring the primary, group 2 the secondary, as in
/// the seed) a number of contexts with a number of monitored interfaces each. The failover and Stateful Failover links
/// are on interfaces of their own, as in the large configuration below.
/// </summary>
public static class ScaledConfiguration
{
    /// <summary>The large configuration: two groups of four contexts with eight monitored interfaces each, 64 in all.</summary>
    public static PairConfig Large() => Build(groups: 2, contextsPerGroup: 4, interfacesPerContext: 8);

    /// <summary>A pair of <paramref name="groups"/> failover groups (1 or 2), each with its contexts and interfaces.</summary>
    /// <param name="groups">Failover groups: 1 or 2.</param>
    /// <param name="contextsPerGroup">Contexts in each group (besides the admin context).</param>
    /// <param name="interfacesPerContext">Monitored interfaces in each of those contexts.</param>
    public static PairConfig Build(int groups, int contextsPerGroup, int interfacesPerContext)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groups * contextsPerGroup * interfacesPerContext, PairConfig.MaxInterfaces);
        var contexts = new List<ContextConfig> { new("admin", FailoverGroupId.One, []) };
        var n = 0;
        foreach (var group in new[] { FailoverGroupId.One, FailoverGroupId.Two }.Take(groups))
        {
            for (var c = 0; c < contextsPerGroup; c++, n++)
            {
                var name = $"context{n + 1}";
                var interfaces = Enumerable.Range(0, interfacesPerContext)
                    .Select(i => new InterfaceConfig(name, $"if{i}", $"Ethernet{n}.{i}", $"10.{n}.{i}.1", "255.255.255.0", $"10.{n}.{i}.2", true))
                    .ToList();
                contexts.Add(new ContextConfig(name, group, interfaces));
            }
        }

        FailoverGroupConfig[] settings = [FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Secondary)];
        return new PairConfig(
            $"{groups} group{(groups == 1 ? "" : "s")}, {contextsPerGroup} context{(contextsPerGroup == 1 ? "" : "s")} per group, {interfacesPerContext} monitored interface{(interfacesPerContext == 1 ? "" : "s")} per context",
            settings[..groups], contexts, "admin",
            new LinkConfig("LANFailover", "GigabitEthernet0/1", "10.255.0.1", "255.255.255.0", "10.255.0.2"),
            new LinkConfig("stateful", "GigabitEthernet0/0", "10.254.0.1", "255.255.255.0", "10.254.0.2"));
    }
}
