using System.Text;

namespace FailoverModel.Diagrams;

/// <summary>
/// Mermaid <c>stateDiagram-v2</c>. States get generated ids (<c>s0</c>, <c>s1</c> ...) with their label as the
/// description; characters Mermaid gives a meaning to (quotes, colons, semicolons, braces, '#') are written as Mermaid
/// entity codes, and line breaks as <c>&lt;br/&gt;</c>.
/// </summary>
public sealed class MermaidWriter : IDiagramWriter
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
                    escaped.Append("#").Append((int)c).Append(';');
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
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var node in graph.Nodes)
        {
            var id = $"s{ids.Count}";
            ids[node.Id] = id;
            text.Append("    state \"").Append(Escape(node.Label)).Append("\" as ").Append(id).Append('\n');
        }

        foreach (var node in graph.Nodes.Where(n => n.Initial))
        {
            text.Append("    [*] --> ").Append(ids[node.Id]).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("    ").Append(ids[edge.From]).Append(" --> ").Append(ids[edge.To]);
            if (edge.Label.Length > 0)
            {
                text.Append(" : ").Append(Escape(edge.Label));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
