using System.Collections.Immutable;
using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;
using QuikGraph;

namespace FailoverModel.Exploration.Graph;

/// <summary>Which graph a file holds: the settled graph the recovery analysis uses, or every reachable state with the internal steps.</summary>
internal enum GraphOf
{
    Settled,
    Reachable,
}

/// <summary>The formats of a graph file, chosen by the file's extension.</summary>
internal enum GraphFormat
{
    GraphML,
    Dot,
    JsonLines,
}

/// <summary>What an edge of a graph file carries: the event's text, whether it is internal, the table rows, the invariant violated.</summary>
internal readonly record struct GraphTransition(string Event, bool Internal, int Rows, string? Violation);

/// <summary>
/// A graph file written as the exploration tells it (<see cref="IGraphListener"/>): every node and edge goes to the
/// stream at once and nothing of the graph is kept, so a graph larger than memory is written when the disk holds it.
/// Each edge is a QuikGraph <see cref="STaggedEdge{TVertex, TTag}"/> over fingerprints, as QuikGraph's graphs hold
/// edges. The order of nodes and edges is the exploration's, which is the same on every run whatever the thread
/// count, so the file is the same byte for byte.
/// </summary>
internal abstract class GraphFileWriter : IGraphListener, IDisposable
{
    private readonly Dictionary<Event, string> _eventText = [];
    private bool _violated;
    private bool _disposed;

    protected GraphFileWriter(Stream stream, PairConfig config, GraphOf graphOf)
    {
        Stream = stream;
        Config = config;
        Of = graphOf;
        Nodes = GraphAttributes.Nodes(config);
    }

    protected Stream Stream { get; }

    protected PairConfig Config { get; }

    protected GraphOf Of { get; }

    /// <summary>The node attributes, in the order every format writes them.</summary>
    protected ImmutableArray<NodeAttribute> Nodes { get; }

    /// <summary>The nodes written so far.</summary>
    public long States { get; private set; }

    /// <summary>The edges written so far.</summary>
    public long Edges { get; private set; }

    /// <summary>Whether <see cref="End"/> was told (a file without its end is an exploration cut short).</summary>
    public bool Ended { get; private set; }

    /// <summary>The format named by a path's extension (<c>.graphml</c>, <c>.dot</c>, <c>.jsonl</c>, any case), or null.</summary>
    public static GraphFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".graphml" => GraphFormat.GraphML,
        ".dot" => GraphFormat.Dot,
        ".jsonl" => GraphFormat.JsonLines,
        _ => null,
    };

    /// <summary>The extensions <see cref="FormatOf"/> knows, for messages.</summary>
    public const string Extensions = ".graphml, .dot, .jsonl";

    /// <summary>The token of a <see cref="GraphOf"/> as files and options write it.</summary>
    public static string Token(GraphOf graphOf) => graphOf == GraphOf.Reachable ? "reachable" : "settled";

    /// <summary>A writer of <paramref name="format"/> onto <paramref name="stream"/>; it writes the header at once.</summary>
    public static GraphFileWriter Create(GraphFormat format, Stream stream, PairConfig config, GraphOf graphOf) => format switch
    {
        GraphFormat.GraphML => new GraphMLWriter(stream, config, graphOf),
        GraphFormat.Dot => new DotGraphWriter(stream, config, graphOf),
        _ => new JsonLinesGraphWriter(stream, config, graphOf),
    };

    public void State(ulong fingerprint, PairState state, RunHistory history, bool initial, string? violation)
    {
        WriteNode(Fingerprint.Text(fingerprint), state, history, initial, violation);
        _violated |= violation is not null;
        States++;
    }

    public void Transition(ulong source, ulong target, Event @event, bool isInternal, int rows, string? violation)
    {
        if (!_eventText.TryGetValue(@event, out var text))
        {
            _eventText[@event] = text = @event.ToString();
        }

        WriteEdge(Edges, new STaggedEdge<ulong, GraphTransition>(source, target, new GraphTransition(text, isInternal, rows, violation)));
        _violated |= violation is not null;
        Edges++;
    }

    public void End(bool bounded, long transitions)
    {
        WriteEnd(bounded, complete: !bounded && !_violated, transitions);
        Ended = true;
    }

    /// <summary>Closes the format's writer once; the stream stays open, since it is the output file's to close.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Close();
        }
    }

    /// <summary>Releases the format's writer, flushing what it buffers into the stream.</summary>
    protected abstract void Close();

    protected abstract void WriteNode(string id, PairState state, RunHistory history, bool initial, string? violation);

    protected abstract void WriteEdge(long number, STaggedEdge<ulong, GraphTransition> edge);

    /// <summary>Writes the graph attributes known only at the end (<see cref="GraphAttributes.GraphTail"/>) and closes the graph.</summary>
    protected abstract void WriteEnd(bool bounded, bool complete, long transitions);

    /// <summary>The values of <see cref="GraphAttributes.GraphTail"/>, in its order.</summary>
    protected IEnumerable<string> TailValues(bool bounded, bool complete, long transitions) =>
        [GraphAttributes.Bool(bounded), GraphAttributes.Bool(complete), Number(States), Number(Edges), Number(transitions)];

    /// <summary>The values of <see cref="GraphAttributes.GraphHead"/>, in its order.</summary>
    protected IEnumerable<string> HeadValues() => [Token(Of), Config.Name];

    protected static string Number(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
