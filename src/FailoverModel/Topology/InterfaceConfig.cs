namespace FailoverModel.Topology;

/// <summary>A context's data interface, <c>context/nameif</c>, with its active and standby addresses.</summary>
public sealed record InterfaceConfig(
    string Context,
    string Nameif,
    string AllocatedName,
    string? ActiveAddress,
    string? Mask,
    string? StandbyAddress,
    bool Monitored)
{
    /// <summary>The interface as scenarios, traces and outputs name it: <c>context/nameif</c>.</summary>
    public ContextInterface Name => new(Context, Nameif);
}
