using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The kinds of state a failover group's traffic creates (seed, "Stateful Failover"). The first seven are passed to the
/// standby unit by Stateful Failover (HTTP only with <c>replication http</c>); the last three never are.
/// </summary>
[Flags]
public enum ConnectionKinds : ushort
{
    None = 0,
    Xlate = 1 << 0,
    Tcp = 1 << 1,
    Udp = 1 << 2,
    Arp = 1 << 3,
    Http = 1 << 4,
    Ipsec = 1 << 5,
    Gtp = 1 << 6,
    Uauth = 1 << 7,
    Routing = 1 << 8,
    ServiceModule = 1 << 9,
}

public static class ConnectionKindValues
{
    /// <summary>Seed, "Stateful Failover": "The state information passed to the standby unit includes ...".</summary>
    public const ConnectionKinds AlwaysReplicated = ConnectionKinds.Xlate | ConnectionKinds.Tcp | ConnectionKinds.Udp | ConnectionKinds.Arp | ConnectionKinds.Ipsec | ConnectionKinds.Gtp;

    public static readonly IReadOnlyList<(ConnectionKinds Kind, string Token)> All =
    [
        (ConnectionKinds.Xlate, "xlate"), // NAT translation table
        (ConnectionKinds.Tcp, "tcp"), // TCP connection states
        (ConnectionKinds.Udp, "udp"), // UDP connection states
        (ConnectionKinds.Arp, "arp"), // ARP table
        (ConnectionKinds.Http, "http"), // HTTP connection states (if HTTP replication is enabled)
        (ConnectionKinds.Ipsec, "ipsec"), // ISAKMP and IPsec SA table
        (ConnectionKinds.Gtp, "gtp"), // GTP PDP connection database
        (ConnectionKinds.Uauth, "uauth"), // user authentication (uauth) table: not passed
        (ConnectionKinds.Routing, "routing"), // routing tables: not passed
        (ConnectionKinds.ServiceModule, "service-module"), // state information for security service modules: not passed
    ];

    /// <summary>What Stateful Failover passes for a group: HTTP only when the group has <c>replication http</c>.</summary>
    public static ConnectionKinds Replicable(FailoverGroupConfig group) =>
        group.ReplicationHttp ? AlwaysReplicated | ConnectionKinds.Http : AlwaysReplicated;

    public static string Token(this ConnectionKinds kind) => All.First(k => k.Kind == kind).Token;

    public static bool TryParse(string text, out ConnectionKinds kind)
    {
        foreach (var k in All)
        {
            if (k.Token == text)
            {
                kind = k.Kind;
                return true;
            }
        }

        kind = ConnectionKinds.None;
        return false;
    }

    public static IEnumerable<string> Tokens(ConnectionKinds kinds) => All.Where(k => (kinds & k.Kind) != 0).Select(k => k.Token);
}

/// <summary>
/// A failover group's connections: the kinds of state its active unit holds (<see cref="Open"/>) and the part the
/// standby unit holds too (<see cref="Replicated"/>), which is what survives a failover.
/// </summary>
public readonly record struct GroupConnections(ConnectionKinds Open, ConnectionKinds Replicated);

/// <summary>The connections of both failover groups.</summary>
public readonly record struct ConnectionTable(GroupConnections Group1, GroupConnections Group2)
{
    public GroupConnections Group(FailoverGroupId id) => id == FailoverGroupId.One ? Group1 : Group2;

    public ConnectionTable With(FailoverGroupId id, GroupConnections value) => id == FailoverGroupId.One ? this with { Group1 = value } : this with { Group2 = value };
}
