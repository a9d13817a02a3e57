namespace FailoverModel.Diagrams;

/// <summary>A node of a diagram: a stable id, and a label whose lines are separated by '\n'.</summary>
public sealed record DiagramNode(string Id, string Label, bool Initial = false);

public sealed record DiagramEdge(string From, string To, string Label);

/// <summary>A diagram independent of its notation; nodes and edges are written in the order given.</summary>
public sealed record DiagramGraph(string Name, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges);

/// <summary>A notation for diagrams (DOT, Mermaid): kept behind one interface so a library can replace a writer later.</summary>
public interface IDiagramWriter
{
    string Extension { get; }

    string Write(DiagramGraph graph);
}
