using System.Text;

namespace FailoverModel.Diagrams;

/// <summary>
/// Mermaid <c>flowchart</c> (not <c>stateDiagram-v2</c>: its edge labels drift from their edges, it has no two-headed
/// edge and draws a self-loop as a spike). Nodes get generated ids (<c>s0</c>, <c>s1</c> ...) with their label in
/// quotes; characters Mermaid gives a meaning to (quotes, colons, semicolons, braces, '#') are written as Mermaid entity
/// codes, and line breaks as <c>&lt;br/&gt;</c>. Shapes and colours follow <see cref="DotWriter"/>'s marks.
/// </summary>
internal sealed class MermaidWriter : IDiagramWriter
{
    public string Extension => ".mmd";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    escaped.Append("<br/>");
                    break;
                case '"' or ':' or ';' or '#' or '{' or '}' or '<' or '>' or '%' or '|':
                    escaped.Append('#').Append((int)c).Append(';');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    public string Write(DiagramGraph graph)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        if (graph.Title is { } title)
        {
            // Front matter is YAML: the title goes in double quotes with its own escapes.
            text.Append("---\ntitle: \"").Append(title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " — ", StringComparison.Ordinal)).Append("\"\n---\n");
        }

        text.Append("flowchart TB\n");
        text.Append("    classDef outage fill:#f6c6c6,stroke:#b22222,stroke-width:2px\n");
        text.Append("    classDef splitbrain fill:#fde0b0,stroke:#c05600,stroke-width:3px\n");
        text.Append("    classDef note fill:#fffbe6,stroke:#8a8a8a,stroke-dasharray:4 3\n");
        text.Append("    classDef initial stroke-width:3px\n");
        foreach (var cluster in graph.Clusters)
        {
            ids[cluster.Id] = $"c{ids.Count}";
        }

        foreach (var node in graph.Nodes)
        {
            ids[node.Id] = $"s{ids.Count}";
        }

        foreach (var node in graph.Nodes.Where(n => n.Cluster is null))
        {
            WriteNode(text, ids[node.Id], node, "    ");
        }

        foreach (var cluster in graph.Clusters)
        {
            text.Append("    subgraph ").Append(ids[cluster.Id]).Append(" [\"").Append(Escape(cluster.Label)).Append("\"]\n");
            var members = graph.Nodes.Where(n => n.Cluster == cluster.Id).ToList();
            foreach (var node in members)
            {
                WriteNode(text, ids[node.Id], node, "        ");
            }

            if (DotWriter.Unlinked(graph, members))
            {
                for (var i = 1; i < members.Count; i++)
                {
                    text.Append("        ").Append(ids[members[i - 1].Id]).Append(" ~~~ ").Append(ids[members[i].Id]).Append('\n');
                }
            }

            text.Append("    end\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = (edge.ReverseLabel is not null, edge.Dashed) switch
            {
                (true, _) => "<-->",
                (false, true) => "-.->",
                _ => "-->",
            };
            text.Append("    ").Append(ids[edge.From]).Append(' ').Append(arrow);
            var label = DotWriter.EdgeLabel(edge);
            if (label.Length > 0)
            {
                text.Append("|\"").Append(Escape(label)).Append("\"|");
            }

            text.Append(' ').Append(ids[edge.To]).Append('\n');
        }

        if (graph.Legend)
        {
            text.Append("    subgraph legend [\"Legend\"]\n");
            foreach (var (id, label, kind, initial) in DotWriter.LegendEntries(graph))
            {
                WriteNode(text, id, new DiagramNode(id, label, initial, kind), "        ");
            }

            if (graph.Edges.Any(e => e.ReverseLabel is not null))
            {
                text.Append("        legend_a(\"A\") <-->|\"event A to B<br/>back#58; event B to A\"| legend_b(\"B\")\n");
            }

            text.Append("    end\n");
        }

        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, string id, DiagramNode node, string indent)
    {
        var label = Escape(node.Label);
        text.Append(indent).Append(id).Append(node.Kind switch
        {
            NodeKind.Outage => $"{{{{\"{label}\"}}}}",
            NodeKind.SplitBrain => $"[[\"{label}\"]]",
            NodeKind.Note => $">\"{label}\"]",
            _ => $"(\"{label}\")",
        });
        if (node.Kind != NodeKind.State)
        {
            text.Append(":::").Append(node.Kind.ToString().ToLowerInvariant());
        }

        text.Append('\n');
        if (node.Initial)
        {
            text.Append(indent).Append("class ").Append(id).Append(" initial\n");
        }
    }
}
