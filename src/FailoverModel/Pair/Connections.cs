using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The kinds of state a failover group's traffic creates (seed, "Stateful Failover"). The first seven are passed to the
/// standby unit by Stateful Failover (HTTP only with <c>replication http</c>); the last three never are.
/// </summary>
[Flags]
public enum ConnectionKinds : ushort
{
    /// <summary>No state.</summary>
    None = 0,
    /// <summary>The NAT translation table (xlate).</summary>
    Xlate = 1 << 0,

    /// <summary>TCP connection states.</summary>
    Tcp = 1 << 1,

    /// <summary>UDP connection states.</summary>
    Udp = 1 << 2,

    /// <summary>The ARP table.</summary>
    Arp = 1 << 3,

    /// <summary>HTTP connection states: replicated only when the group has <c>replication http</c>.</summary>
    Http = 1 << 4,

    /// <summary>The ISAKMP and IPsec SA table.</summary>
    Ipsec = 1 << 5,

    /// <summary>The GTP PDP connection database.</summary>
    Gtp = 1 << 6,

    /// <summary>The user authentication (uauth) table: never passed to the standby unit.</summary>
    Uauth = 1 << 7,

    /// <summary>Routing tables: never passed to the standby unit.</summary>
    Routing = 1 << 8,

    /// <summary>State of security service modules: never passed to the standby unit.</summary>
    ServiceModule = 1 << 9,
}

/// <summary>The scenario tokens of <see cref="ConnectionKinds"/> and what Stateful Failover replicates.</summary>
public static class ConnectionKindValues
{
    /// <summary>Seed, "Stateful Failover": "The state information passed to the standby unit includes ...".</summary>
    public const ConnectionKinds AlwaysReplicated = ConnectionKinds.Xlate | ConnectionKinds.Tcp | ConnectionKinds.Udp | ConnectionKinds.Arp | ConnectionKinds.Ipsec | ConnectionKinds.Gtp;

    /// <summary>Every kind with its scenario token (<c>connect &lt;context&gt; &lt;token&gt;</c>), in the seed's order.</summary>
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
    /// <param name="group">The group's settings.</param>
    public static ConnectionKinds Replicable(FailoverGroupConfig group) =>
        group.ReplicationHttp ? AlwaysReplicated | ConnectionKinds.Http : AlwaysReplicated;

    /// <summary>The scenario token of one kind (<c>tcp</c>, <c>service-module</c>...).</summary>
    /// <param name="kind">A single kind.</param>
    public static string Token(this ConnectionKinds kind) => All.First(k => k.Kind == kind).Token;

    /// <summary>Reads a scenario token.</summary>
    /// <param name="text">The token.</param>
    /// <param name="kind">The kind read; <see cref="ConnectionKinds.None"/> when the token is unknown.</param>
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

    /// <summary>The tokens of every kind in a set, in the seed's order.</summary>
    /// <param name="kinds">A set of kinds.</param>
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
    /// <summary>One failover group's connections.</summary>
    /// <param name="id">The failover group.</param>
    public GroupConnections Group(FailoverGroupId id) => id == FailoverGroupId.One ? Group1 : Group2;

    internal ConnectionTable With(FailoverGroupId id, GroupConnections value) => id == FailoverGroupId.One ? this with { Group1 = value } : this with { Group2 = value };
}
