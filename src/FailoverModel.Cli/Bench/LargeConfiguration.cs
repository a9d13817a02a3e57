using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>Issue 9's large configuration: four contexts per failover group, eight monitored interfaces per context (64 in all).</summary>
public static class LargeConfiguration
{
    public static PairConfig Build()
    {
        var contexts = new List<ContextConfig> { new("admin", FailoverGroupId.One, []) };
        for (var c = 0; c < 8; c++)
        {
            var name = $"context{c + 1}";
            var interfaces = Enumerable.Range(0, 8)
                .Select(i => new InterfaceConfig(name, $"if{i}", $"Ethernet{c}.{i}", $"10.{c}.{i}.1", "255.255.255.0", $"10.{c}.{i}.2", true))
                .ToList();
            contexts.Add(new ContextConfig(name, c < 4 ? FailoverGroupId.One : FailoverGroupId.Two, interfaces));
        }

        return new PairConfig(
            "large: 8 contexts, 64 monitored interfaces",
            [FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Secondary)],
            contexts,
            "admin",
            new LinkConfig("LANFailover", "Ethernet9", "10.9.0.1", "255.255.255.0", "10.9.0.2"),
            new LinkConfig("stateful", "Ethernet8", "10.8.0.1", "255.255.255.0", "10.8.0.2"));
    }
}
