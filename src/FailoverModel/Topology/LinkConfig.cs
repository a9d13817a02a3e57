namespace FailoverModel.Topology;

/// <summary>
/// A failover link: the LAN failover interface (or the serial failover cable) or the Stateful Failover link, with
/// the addresses of <c>failover interface ip</c>. Its active address always stays with the primary unit.
/// </summary>
public sealed record LinkConfig(string Name, string PhysicalInterface, string? ActiveAddress, string? Mask, string? StandbyAddress);
