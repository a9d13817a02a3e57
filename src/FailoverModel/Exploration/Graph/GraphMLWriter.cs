using System.Text;
using System.Xml;
using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;
using QuikGraph;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// GraphML (<c>.graphml</c>), the interchange format of yEd, Gephi, NetworkX and igraph: every attribute declared as a
/// typed <c>&lt;key&gt;</c> in the header; the graph attributes known only at the end (bounded, complete, counts) are
/// <c>&lt;data&gt;</c> elements after the last edge, which GraphML allows anywhere in the graph.
/// </summary>
internal sealed class GraphMLWriter : GraphFileWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private readonly XmlWriter _xml;

    public GraphMLWriter(Stream stream, PairConfig config, GraphOf graphOf)
        : base(stream, config, graphOf)
    {
        _xml = XmlWriter.Create(stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("graphml", Namespace);
        _xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        _xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{Namespace} {Namespace}/1.0/graphml.xsd");
        foreach (var (name, type) in GraphAttributes.GraphHead.Concat(GraphAttributes.GraphTail))
        {
            Key("g_" + name, "graph", name, type);
        }

        Key("n_" + GraphAttributes.Initial, "node", GraphAttributes.Initial, GraphAttributeType.Boolean);
        Key("n_" + GraphAttributes.Violation, "node", GraphAttributes.Violation, GraphAttributeType.String);
        foreach (var attribute in Nodes)
        {
            Key("n_" + attribute.Name, "node", attribute.Name, attribute.Type);
        }

        foreach (var (name, type) in GraphAttributes.Edge)
        {
            Key("e_" + name, "edge", name, type);
        }

        Key("e_" + GraphAttributes.Violation, "edge", GraphAttributes.Violation, GraphAttributeType.String);
        _xml.WriteStartElement("graph", Namespace);
        _xml.WriteAttributeString("id", GraphFileWriter.Token(graphOf));
        _xml.WriteAttributeString("edgedefault", "directed");
        foreach (var ((name, _), value) in GraphAttributes.GraphHead.Zip(HeadValues()))
        {
            Data("g_" + name, value);
        }
    }

    protected override void WriteNode(string id, PairState state, RunHistory history, bool initial, string? violation)
    {
        _xml.WriteStartElement("node", Namespace);
        _xml.WriteAttributeString("id", id);
        Data("n_" + GraphAttributes.Initial, GraphAttributes.Bool(initial));
        if (violation is not null)
        {
            Data("n_" + GraphAttributes.Violation, violation);
        }

        foreach (var attribute in Nodes)
        {
            Data("n_" + attribute.Name, attribute.Value(state, history));
        }

        _xml.WriteEndElement();
    }

    protected override void WriteEdge(long number, STaggedEdge<ulong, GraphTransition> edge)
    {
        _xml.WriteStartElement("edge", Namespace);
        _xml.WriteAttributeString("id", "e" + Number(number));
        _xml.WriteAttributeString("source", Fingerprint.Text(edge.Source));
        _xml.WriteAttributeString("target", Fingerprint.Text(edge.Target));
        Data("e_event", edge.Tag.Event);
        Data("e_internal", GraphAttributes.Bool(edge.Tag.Internal));
        Data("e_rows", GraphAttributes.Rows(edge.Tag.Rows));
        if (edge.Tag.Violation is { } violation)
        {
            Data("e_" + GraphAttributes.Violation, violation);
        }

        _xml.WriteEndElement();
    }

    protected override void WriteEnd(bool bounded, bool complete, long transitions)
    {
        foreach (var ((name, _), value) in GraphAttributes.GraphTail.Zip(TailValues(bounded, complete, transitions)))
        {
            Data("g_" + name, value);
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        Stream.WriteByte((byte)'\n');
    }

    protected override void Close() => _xml.Dispose();

    private void Key(string id, string domain, string name, GraphAttributeType type)
    {
        _xml.WriteStartElement("key", Namespace);
        _xml.WriteAttributeString("id", id);
        _xml.WriteAttributeString("for", domain);
        _xml.WriteAttributeString("attr.name", name);
        _xml.WriteAttributeString("attr.type", GraphAttributes.GraphMLType(type));
        _xml.WriteEndElement();
    }

    private void Data(string key, string value)
    {
        _xml.WriteStartElement("data", Namespace);
        _xml.WriteAttributeString("key", key);
        _xml.WriteString(value);
        _xml.WriteEndElement();
    }
}
