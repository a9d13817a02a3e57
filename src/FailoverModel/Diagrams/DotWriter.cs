using System.Text;

namespace FailoverModel.Diagrams;

/// <summary>
/// Graphviz DOT. Every id and label is a double-quoted string: backslash and quote are escaped, a line break becomes
/// DOT's <c>\n</c>, and other control characters are dropped, so no input can break out of its string. Fonts are
/// sized so that a diagram of the size this project draws stays legible at 800 px wide (<c>docs/diagrams.md</c>).
/// </summary>
internal sealed class DotWriter : IDiagramWriter
{
    /// <summary>The marks of each node kind: shape and colours; the legend shows the same.</summary>
    public static readonly IReadOnlyDictionary<NodeKind, string> Style = new Dictionary<NodeKind, string>
    {
        [NodeKind.State] = "shape=box, style=\"rounded\"",
        [NodeKind.Outage] = "shape=octagon, style=\"filled\", fillcolor=\"#f6c6c6\", color=\"#b22222\"",
        [NodeKind.SplitBrain] = "shape=doubleoctagon, style=\"filled\", fillcolor=\"#fde0b0\", color=\"#c05600\"",
        [NodeKind.Note] = "shape=note, style=\"filled\", fillcolor=\"#fffbe6\", color=\"#8a8a8a\"",
    };

    public string Extension => ".dot";

    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    public string Write(DiagramGraph graph)
    {
        var clusters = graph.Clusters.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(graph.Name)).Append(" {\n");
        dot.Append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=16, nodesep=0.35, ranksep=0.45");
        if (graph.Title is not null || graph.Legend)
        {
            dot.Append(", labelloc=t, label=<").Append(Heading(graph)).Append('>');
        }

        if (graph.Edges.Any(e => clusters.ContainsKey(e.From)))
        {
            dot.Append(", compound=true");
        }

        dot.Append("];\n");
        dot.Append("  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=13];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=12];\n");
        foreach (var node in graph.Nodes.Where(n => n.Cluster is null))
        {
            WriteNode(dot, node, "  ");
        }

        foreach (var cluster in graph.Clusters)
        {
            dot.Append("  subgraph ").Append(Quote("cluster_" + cluster.Id)).Append(" {\n");
            dot.Append("    label=").Append(Quote(cluster.Label)).Append("; style=\"rounded,dashed\"; color=\"#7a7a7a\"; fontsize=13;\n");
            var members = graph.Nodes.Where(n => n.Cluster == cluster.Id).ToList();
            foreach (var node in members)
            {
                WriteNode(dot, node, "    ");
            }

            // Members with no edge among them would stand in one wide row: an invisible chain stacks them.
            if (Unlinked(graph, members))
            {
                for (var i = 1; i < members.Count; i++)
                {
                    dot.Append("    ").Append(Quote(members[i - 1].Id)).Append(" -> ").Append(Quote(members[i].Id)).Append(" [style=invis];\n");
                }
            }

            dot.Append("  }\n");
        }

        foreach (var edge in graph.Edges)
        {
            var from = clusters.ContainsKey(edge.From) ? graph.Nodes.First(n => n.Cluster == edge.From).Id : edge.From;
            dot.Append("  ").Append(Quote(from)).Append(" -> ").Append(Quote(edge.To)).Append(" [label=").Append(Quote(EdgeLabel(edge)));
            if (clusters.ContainsKey(edge.From))
            {
                dot.Append(", ltail=").Append(Quote("cluster_" + edge.From));
            }

            if (edge.ReverseLabel is not null)
            {
                dot.Append(", dir=both, arrowtail=onormal");
            }

            if (edge.Dashed)
            {
                dot.Append(", style=dashed, color=\"#6a6a6a\"");
            }

            dot.Append("];\n");
        }

        return dot.Append("}\n").ToString();
    }

    /// <summary>True when no edge joins two of <paramref name="members"/>.</summary>
    public static bool Unlinked(DiagramGraph graph, IReadOnlyList<DiagramNode> members) =>
        !graph.Edges.Any(e => members.Any(m => m.Id == e.From) && members.Any(m => m.Id == e.To));

    /// <summary>The label of an edge that may stand for its reverse too: the reverse event follows "back:".</summary>
    public static string EdgeLabel(DiagramEdge edge) => edge.ReverseLabel is null ? edge.Label : $"{edge.Label}\nback: {edge.ReverseLabel}";

    private static void WriteNode(StringBuilder dot, DiagramNode node, string indent)
    {
        dot.Append(indent).Append(Quote(node.Id)).Append(" [label=").Append(Quote(node.Label)).Append(", ").Append(Style[node.Kind]);
        if (node.Initial)
        {
            dot.Append(", penwidth=2.5");
        }

        dot.Append("];\n");
    }

    /// <summary>
    /// The title and, under it, the legend: one cell per mark the diagram uses. An HTML-like graph label, so the legend
    /// sits under the title and does not widen the drawing as a cluster beside it would.
    /// </summary>
    private static string Heading(DiagramGraph graph)
    {
        var cells = LegendEntries(graph).Select(e => e.Kind switch
        {
            NodeKind.Outage => $"<TD BGCOLOR=\"#f6c6c6\" COLOR=\"#b22222\">{H(e.Label.Replace('\n', ' '))} (red octagon)</TD>",
            NodeKind.SplitBrain => $"<TD BGCOLOR=\"#fde0b0\" COLOR=\"#c05600\">{H(e.Label.Replace('\n', ' '))} (orange double octagon)</TD>",
            _ => $"<TD>{H(e.Label.Replace('\n', ' '))}</TD>",
        }).ToList();
        if (graph.Edges.Any(e => e.ReverseLabel is not null))
        {
            cells.Add("<TD>two heads: the event, then \"back:\" the event that returns</TD>");
        }

        var heading = new StringBuilder("<TABLE BORDER=\"0\" CELLSPACING=\"4\">");
        if (graph.Title is { } title)
        {
            heading.Append("<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"16\">").Append(H(title).Replace("\n", "<BR/>", StringComparison.Ordinal)).Append("</FONT></TD></TR>");
        }

        // Two legend cells a row keep the legend narrower than the drawings it explains.
        for (var i = 0; i < cells.Count; i += 2)
        {
            heading.Append("<TR>").Append(string.Concat(cells.Skip(i).Take(2).Select(c => c.Replace("<TD", "<TD BORDER=\"1\" CELLPADDING=\"4\"", StringComparison.Ordinal)))).Append("</TR>");
        }

        return heading.Append("</TABLE>").ToString();
    }

    private static string H(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>One sample node per mark the diagram uses, and what it means.</summary>
    public static IEnumerable<(string Id, string Label, NodeKind Kind, bool Initial)> LegendEntries(DiagramGraph graph)
    {
        if (graph.Nodes.Any(n => n.Initial))
        {
            yield return ("legend_initial", "bold: where it starts", NodeKind.State, true);
        }

        if (graph.Nodes.Any(n => n.Kind == NodeKind.Outage))
        {
            yield return ("legend_outage", "outage: a group\nactive nowhere", NodeKind.Outage, false);
        }

        if (graph.Nodes.Any(n => n.Kind == NodeKind.SplitBrain))
        {
            yield return ("legend_split", "split brain: a group\nactive on both", NodeKind.SplitBrain, false);
        }
    }
}
