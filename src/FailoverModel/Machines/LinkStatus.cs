namespace FailoverModel.Machines;

/// <summary>The state of the failover link or the Stateful Failover link.</summary>
public enum LinkStatus : byte
{
    /// <summary>No Stateful Failover link is configured (the failover link is always configured).</summary>
    NotConfigured,

    /// <summary>The link passes traffic.</summary>
    Up,

    /// <summary>The link is down (cable, interface or switch).</summary>
    Down,
}

/// <summary>Which of the pair's two links: the failover link or the Stateful Failover link (seed, "Failover and Stateful Failover Links").</summary>
public enum LinkKind : byte
{
    /// <summary>The failover link: hellos, configuration replication and the failover protocol.</summary>
    Failover,

    /// <summary>The Stateful Failover link: connection state to the standby unit.</summary>
    State,
}

/// <summary>The scenario and JSON tokens of the links.</summary>
public static class LinkStatuses
{
    /// <summary><c>up</c>, <c>down</c> or <c>not-configured</c>.</summary>
    /// <param name="status">The link's state.</param>
    public static string Token(this LinkStatus status) => status switch
    {
        LinkStatus.NotConfigured => "not-configured",
        LinkStatus.Up => "up",
        LinkStatus.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary><c>failover</c> or <c>state</c>, as <c>link-down failover</c> writes it.</summary>
    /// <param name="kind">The link.</param>
    public static string Token(this LinkKind kind) => kind == LinkKind.Failover ? "failover" : "state";
}
