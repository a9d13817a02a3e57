namespace FailoverModel.Topology;

/// <summary>A security context and the failover group it joined (<c>join-failover-group</c>; group 1 when unassigned).</summary>
public sealed record ContextConfig(string Name, FailoverGroupId Group, IReadOnlyList<InterfaceConfig> Interfaces);
