namespace FailoverModel.Diagrams;

/// <summary>What a node stands for, so that a reader tells a bad state from a good one without reading its lines.</summary>
internal enum NodeKind
{
    /// <summary>A state every group is served in.</summary>
    State,

    /// <summary>A group active on no unit: its traffic is down.</summary>
    Outage,

    /// <summary>A group active on both units (the failover link is down): split brain.</summary>
    SplitBrain,

    /// <summary>Not a state: a note that explains edges drawn from it (a catch-all source).</summary>
    Note,
}

/// <summary>A node of a diagram: a stable id, a label whose lines are separated by '\n', and the cluster it is drawn in.</summary>
internal sealed record DiagramNode(string Id, string Label, bool Initial = false, NodeKind Kind = NodeKind.State, string? Cluster = null);

/// <summary>
/// An edge. With <see cref="ReverseLabel"/> it stands for two edges, this one and its reverse (link down, link up),
/// drawn once with two heads. <see cref="From"/> may name a cluster: the edge leaves every state in it.
/// </summary>
internal sealed record DiagramEdge(string From, string To, string Label, string? ReverseLabel = null, bool Dashed = false);

/// <summary>A group of nodes drawn in one frame, with its title.</summary>
internal sealed record DiagramCluster(string Id, string Label);

/// <summary>A diagram independent of its notation; nodes, clusters and edges are written in the order given.</summary>
internal sealed record DiagramGraph(string Name, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges)
{
    /// <summary>Printed above the diagram.</summary>
    public string? Title { get; init; }

    public IReadOnlyList<DiagramCluster> Clusters { get; init; } = [];

    /// <summary>Too big to read at page width: the index links it instead of embedding it.</summary>
    public bool ReferenceSheet { get; init; }

    /// <summary>For a view of states: the node that stands for each state's description (<see cref="PairDiagrams.Describe(FailoverModel.Topology.PairConfig, FailoverModel.Pair.PairState)"/>).</summary>
    public IReadOnlyDictionary<string, string> NodeOfState { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the diagram marks outage and split-brain states, so it carries a legend of the marks.</summary>
    public bool Legend => Nodes.Any(n => n.Kind is NodeKind.Outage or NodeKind.SplitBrain) || Edges.Any(e => e.ReverseLabel is not null);
}

/// <summary>A notation for diagrams (DOT, Mermaid): kept behind one interface so a library can replace a writer later.</summary>
internal interface IDiagramWriter
{
    string Extension { get; }

    string Write(DiagramGraph graph);
}
