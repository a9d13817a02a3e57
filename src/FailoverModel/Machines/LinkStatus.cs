namespace FailoverModel.Machines;

/// <summary>The failover link or the Stateful Failover link.</summary>
public enum LinkStatus : byte
{
    NotConfigured,
    Up,
    Down,
}

public enum LinkKind : byte
{
    Failover,
    State,
}

public static class LinkStatuses
{
    public static string Token(this LinkStatus status) => status switch
    {
        LinkStatus.NotConfigured => "not-configured",
        LinkStatus.Up => "up",
        LinkStatus.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Token(this LinkKind kind) => kind == LinkKind.Failover ? "failover" : "state";
}
