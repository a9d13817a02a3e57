namespace FailoverModel.Topology;

/// <summary>The configurations the model knows without a file.</summary>
public static class BuiltInConfigurations
{
    /// <summary>
    /// The seed's LAN-based example ("LAN-Based Active/Active Failover Configuration"): PIX1 and PIX2, contexts admin,
    /// context1 (group 1) and context2 (group 2) with monitored inside and outside interfaces, group 1 preferring the
    /// primary and group 2 the secondary, failover link LANFailover on Ethernet3, Stateful link on Ethernet2.
    /// </summary>
    public static PairConfig SeedLanExample { get; } = new(
        "seed LAN-based example",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Secondary)],
        [
            new ContextConfig("admin", 1, []),
            new ContextConfig("context1", 1,
            [
                new InterfaceConfig("context1", "inside", "inside_context1", "192.168.1.1", "255.255.255.0", "192.168.1.2", true),
                new InterfaceConfig("context1", "outside", "outside_context1", "172.16.1.1", "255.255.255.0", "172.16.1.2", true),
            ]),
            new ContextConfig("context2", 2,
            [
                new InterfaceConfig("context2", "inside", "inside_context2", "192.168.2.1", "255.255.255.0", "192.168.2.2", true),
                new InterfaceConfig("context2", "outside", "outside_context2", "172.16.2.1", "255.255.255.0", "172.16.2.2", true),
            ]),
        ],
        "admin",
        new LinkConfig("LANFailover", "Ethernet3", "10.1.0.1", "255.255.255.0", "10.1.0.2"),
        new LinkConfig("stateful", "Ethernet2", "10.0.0.1", "255.255.255.0", "10.0.0.2"));
}
