using System.Text;
using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using QuikGraph;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// Graphviz DOT (<c>.dot</c>): a <c>digraph</c> whose nodes and edges carry the same attributes as the GraphML file's,
/// as quoted strings (DOT has no types), with a short <c>label</c> for rendering — the group states of each unit on a
/// node, the event on an edge. The graph attributes known only at the end are a <c>graph [...]</c> statement after
/// the last edge.
/// </summary>
internal sealed class DotGraphWriter : GraphFileWriter
{
    private readonly StreamWriter _text;
    private readonly StringBuilder _line = new();

    public DotGraphWriter(Stream stream, PairConfig config, GraphOf graphOf)
        : base(stream, config, graphOf)
    {
        _text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _line.Append("digraph ").Append(Quote(GraphFileWriter.Token(graphOf))).Append(" {\n  graph [");
        Attributes(GraphAttributes.GraphHead.Select(a => a.Name).Zip(HeadValues()));
        _line.Append("];\n  node [shape=box];\n");
        Flush();
    }

    protected override void WriteNode(string id, PairState state, RunHistory history, bool initial, string? violation)
    {
        _line.Append("  ").Append(Quote(id)).Append(" [");
        var attributes = new List<(string, string)> { (GraphAttributes.Initial, GraphAttributes.Bool(initial)) };
        if (violation is not null)
        {
            attributes.Add((GraphAttributes.Violation, violation));
        }

        attributes.AddRange(Nodes.Select(a => (a.Name, a.Value(state, history))));
        attributes.Add(("label", Label(state)));
        Attributes(attributes);
        _line.Append("];\n");
        Flush();
    }

    protected override void WriteEdge(long number, STaggedEdge<ulong, GraphTransition> edge)
    {
        _line.Append("  ").Append(Quote(Fingerprint.Text(edge.Source))).Append(" -> ").Append(Quote(Fingerprint.Text(edge.Target))).Append(" [");
        var attributes = new List<(string, string)>
        {
            ("id", "e" + Number(number)),
            ("event", edge.Tag.Event),
            ("internal", GraphAttributes.Bool(edge.Tag.Internal)),
            ("rows", GraphAttributes.Rows(edge.Tag.Rows)),
        };
        if (edge.Tag.Violation is { } violation)
        {
            attributes.Add((GraphAttributes.Violation, violation));
        }

        attributes.Add(("label", edge.Tag.Event));
        Attributes(attributes);
        _line.Append("];\n");
        Flush();
    }

    protected override void WriteEnd(bool bounded, bool complete, long transitions)
    {
        _line.Append("  graph [");
        Attributes(GraphAttributes.GraphTail.Select(a => a.Name).Zip(TailValues(bounded, complete, transitions)));
        _line.Append("];\n}\n");
        Flush();
        _text.Flush();
    }

    protected override void Close() => _text.Dispose();

    /// <summary>
    /// A DOT double-quoted string: quotes and backslashes escaped, so that no text ends the string or becomes an escape,
    /// and a line break written as Graphviz's <c>\n</c> (a label's line break).
    /// </summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private void Attributes(IEnumerable<(string Name, string Value)> attributes)
    {
        var first = true;
        foreach (var (name, value) in attributes)
        {
            _line.Append(first ? "" : ", ").Append(name).Append('=').Append(Quote(value));
            first = false;
        }
    }

    // What a rendering shows of a state, so that two boxes differ where their states do in what a reader first looks
    // at: one line per unit (status, group states, failed interfaces, a replacement's startup configuration without
    // failover), then the links when one is down.
    private string Label(PairState state)
    {
        var lines = UnitRoles.Both.Select(role =>
        {
            var unit = state.Unit(role);
            var failed = Nodes.First(a => a.Name == $"{role.Token()}_failed_interfaces").Value(state, default);
            return $"{role.Token()}: {unit.Status.Display()}{string.Concat(Config.GroupIds.Select(g => $", g{g} {unit.Group(g).State.Display()}"))}{(failed.Length == 0 ? "" : $", failed {failed}")}{(unit.StartupFailover ? "" : ", startup without failover")}";
        }).ToList();
        if (state.FailoverLink != LinkStatus.Up || state.StateLink != LinkStatus.Up)
        {
            lines.Add($"failover link {state.FailoverLink.Token()}, state link {state.StateLink.Token()}");
        }

        return string.Join("\n", lines);
    }

    private void Flush()
    {
        _text.Write(_line);
        _line.Clear();
    }
}
