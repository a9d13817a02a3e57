using System.Text.Json;
using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;
using QuikGraph;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// JSON Lines (<c>.jsonl</c>), for streaming readers: one object per line, its <c>type</c> first. The first line
/// (<c>graph</c>) names the graph and declares every attribute with its type; then one line per node and per edge in
/// exploration order; the last line (<c>end</c>) says whether the graph is bounded and complete and gives the counts.
/// A file without its <c>end</c> line was cut short. Booleans are JSON booleans, every other attribute a string.
/// </summary>
internal sealed class JsonLinesGraphWriter : GraphFileWriter
{
    private readonly Utf8JsonWriter _json;

    public JsonLinesGraphWriter(Stream stream, PairConfig config, GraphOf graphOf)
        : base(stream, config, graphOf)
    {
        _json = new Utf8JsonWriter(stream, Pair.PairStateJson.Options);
        _json.WriteStartObject();
        _json.WriteString("type", "graph");
        foreach (var ((name, _), value) in GraphAttributes.GraphHead.Zip(HeadValues()))
        {
            _json.WriteString(name, value);
        }

        _json.WriteStartObject("node_attributes");
        _json.WriteString(GraphAttributes.Initial, "boolean");
        _json.WriteString(GraphAttributes.Violation, "string");
        foreach (var attribute in Nodes)
        {
            _json.WriteString(attribute.Name, GraphAttributes.GraphMLType(attribute.Type));
        }

        _json.WriteEndObject();
        _json.WriteStartObject("edge_attributes");
        foreach (var (name, type) in GraphAttributes.Edge)
        {
            _json.WriteString(name, GraphAttributes.GraphMLType(type));
        }

        _json.WriteString(GraphAttributes.Violation, "string");
        _json.WriteEndObject();
        EndLine();
    }

    protected override void WriteNode(string id, PairState state, RunHistory history, bool initial, string? violation)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "node");
        _json.WriteString("id", id);
        _json.WriteBoolean(GraphAttributes.Initial, initial);
        if (violation is not null)
        {
            _json.WriteString(GraphAttributes.Violation, violation);
        }

        foreach (var attribute in Nodes)
        {
            var value = attribute.Value(state, history);
            if (attribute.Type == GraphAttributeType.Boolean)
            {
                _json.WriteBoolean(attribute.Name, value == "true");
            }
            else
            {
                _json.WriteString(attribute.Name, value);
            }
        }

        EndLine();
    }

    protected override void WriteEdge(long number, STaggedEdge<ulong, GraphTransition> edge)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "edge");
        _json.WriteString("id", "e" + Number(number));
        _json.WriteString("source", Fingerprint.Text(edge.Source));
        _json.WriteString("target", Fingerprint.Text(edge.Target));
        _json.WriteString("event", edge.Tag.Event);
        _json.WriteBoolean("internal", edge.Tag.Internal);
        _json.WriteString("rows", GraphAttributes.Rows(edge.Tag.Rows));
        if (edge.Tag.Violation is { } violation)
        {
            _json.WriteString(GraphAttributes.Violation, violation);
        }

        EndLine();
    }

    protected override void WriteEnd(bool bounded, bool complete, long transitions)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "end");
        _json.WriteBoolean("bounded", bounded);
        _json.WriteBoolean("complete", complete);
        _json.WriteNumber("states", States);
        _json.WriteNumber("edges", Edges);
        _json.WriteNumber("transitions", transitions);
        EndLine();
    }

    protected override void Close() => _json.Dispose();

    private void EndLine()
    {
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        Stream.WriteByte((byte)'\n');
    }
}
