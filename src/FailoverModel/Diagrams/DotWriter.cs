using System.Text;

namespace FailoverModel.Diagrams;

/// <summary>
/// Graphviz DOT. Every id and label is a double-quoted string: backslash and quote are escaped, a line break becomes
/// DOT's <c>\n</c>, and other control characters are dropped, so no input can break out of its string.
/// </summary>
public sealed class DotWriter : IDiagramWriter
{
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
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(graph.Name)).Append(" {\n");
        dot.Append("  graph [rankdir=TB, fontname=\"Helvetica\", nodesep=0.6, ranksep=0.7];\n");
        dot.Append("  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=11];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in graph.Nodes)
        {
            dot.Append("  ").Append(Quote(node.Id)).Append(" [label=").Append(Quote(node.Label));
            if (node.Initial)
            {
                dot.Append(", penwidth=2");
            }

            dot.Append("];\n");
        }

        foreach (var edge in graph.Edges)
        {
            dot.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To))
                .Append(" [label=").Append(Quote(edge.Label)).Append("];\n");
        }

        return dot.Append("}\n").ToString();
    }
}
