using System.Collections.Immutable;
using FailoverModel.Pair;
using QuikGraph;

namespace FailoverModel.Exploration;

/// <summary>
/// The graph of settled snapshots: states in which no internal step is pending, joined by one external event and the
/// settle that follows it. This is what another implementation can be compared with step by step, since ASA's
/// transitional states pass on their own timing. States are numbered in breadth-first order (0 is the initial
/// state); edges are kept as compressed arrays, so a few hundred thousand states with millions of edges fit.
/// </summary>
public sealed class SettledGraph
{
    private readonly Dictionary<PairState, int> _index;
    private readonly int[] _edgeStart;
    private readonly int[] _edgeTarget;
    private readonly int[] _edgeEvent;
    private readonly int[] _parent;
    private readonly int[] _parentEvent;

    private SettledGraph(
        FailoverPair pair,
        IReadOnlyList<Event> alphabet,
        List<PairState> states,
        Dictionary<PairState, int> index,
        int[] edgeStart,
        int[] edgeTarget,
        int[] edgeEvent,
        int[] parent,
        int[] parentEvent,
        bool complete)
    {
        Pair = pair;
        Alphabet = alphabet;
        States = states;
        _index = index;
        _edgeStart = edgeStart;
        _edgeTarget = edgeTarget;
        _edgeEvent = edgeEvent;
        _parent = parent;
        _parentEvent = parentEvent;
        Complete = complete;
    }

    /// <summary>The pair whose settled states and events make the graph.</summary>
    public FailoverPair Pair { get; }

    /// <summary>The events of the graph; an edge names its event by its index here.</summary>
    public IReadOnlyList<Event> Alphabet { get; }

    /// <summary>The settled states, reasons cleared (see <see cref="Explorer.WithoutReasons(PairState)"/>), in breadth-first order.</summary>
    public IReadOnlyList<PairState> States { get; }

    /// <summary>The number of settled states.</summary>
    public int StateCount => States.Count;

    /// <summary>The number of edges (transitions), self-loops included when the graph keeps them.</summary>
    public int EdgeCount => _edgeTarget.Length;

    /// <summary>
    /// Whether steps that leave a state as it was (up to Last Failure Reason) are edges too: the test vectors need them,
    /// since what such a step logs and notes (<c>failover reset</c> with a live mate, <c>write standby</c>) is behaviour an
    /// implementation must match; diagrams and recovery analysis leave them out.
    /// </summary>
    public bool SelfLoops { get; private init; }

    /// <summary>How many of the edges are self-loops (0 unless <see cref="SelfLoops"/>).</summary>
    public long SelfLoopCount { get; private init; }

    /// <summary>False when <c>maxStates</c> stopped the search; edges to states not kept are dropped.</summary>
    public bool Complete { get; }

    /// <summary>Whether the search stopped early because it was cancelled (it is then not complete).</summary>
    public bool Cancelled { get; private init; }

    /// <summary>
    /// Explores the settled graph from <paramref name="from"/> (the pair's initial state by default) with the events of
    /// <paramref name="alphabet"/>, keeping at most <paramref name="maxStates"/> states; <paramref name="progress"/>
    /// sees the states expanded and found every 1,024 states; <paramref name="cancellation"/> stops the search early;
    /// <paramref name="selfLoops"/> keeps the steps that leave a state as it was (see <see cref="SelfLoops"/>).
    /// </summary>
    public static SettledGraph Explore(
        FailoverPair pair,
        IReadOnlyList<Event>? alphabet = null,
        int maxStates = int.MaxValue,
        PairState? from = null,
        Action<int, int>? progress = null,
        CancellationToken cancellation = default,
        bool selfLoops = false) =>
        Explore(pair, alphabet, maxStates, from, progress, cancellation, selfLoops, graph: null);

    /// <summary>Explores the settled graph as <see cref="Explore(FailoverPair, IReadOnlyList{Event}?, int, PairState?, Action{int, int}?, CancellationToken, bool)"/> does, telling <paramref name="graph"/> every state and edge as they are found (<c>explore --graph</c>).</summary>
    internal static SettledGraph Explore(
        FailoverPair pair,
        IReadOnlyList<Event>? alphabet,
        int maxStates,
        PairState? from,
        Action<int, int>? progress,
        CancellationToken cancellation,
        bool selfLoops,
        Graph.IGraphListener? graph) =>
        Explore(pair, alphabet, maxStates, from, progress, cancellation, selfLoops, graph, long.MaxValue);

    /// <summary>
    /// What the graph holds for each state: the snapshot with its two units' configurations (a running and a startup
    /// revision set per space, counted as if no other state shared them), its index entry and its parent. An estimate
    /// from above, so that a budget in bytes holds.
    /// </summary>
    internal static long StateBytes(Topology.PairConfig config) => 512 + (2 * (88 + (16L * config.Spaces)));

    /// <summary>What the graph holds for each edge while it grows: its target and event, in lists up to twice as long as they are full.</summary>
    internal const long EdgeBytes = 16;

    /// <summary>
    /// Explores the settled graph holding at most <paramref name="maxBytes"/> (<see cref="StateBytes"/> a state,
    /// <see cref="EdgeBytes"/> an edge): the whole graph, or a <see cref="SettledGraphTooLargeException"/> as soon as
    /// it would hold more. Cancellation is looked at after each state.
    /// </summary>
    internal static SettledGraph Explore(
        FailoverPair pair,
        IReadOnlyList<Event>? alphabet,
        int maxStates,
        PairState? from,
        Action<int, int>? progress,
        CancellationToken cancellation,
        bool selfLoops,
        Graph.IGraphListener? graph,
        long maxBytes)
    {
        var stateBytes = StateBytes(pair.Config);
        alphabet ??= EventAlphabet.For(pair.Config);
        var initial = Explorer.WithoutReasons(pair.Run([], from ?? pair.Initial));
        var states = new List<PairState> { initial };
        var index = new Dictionary<PairState, int> { [initial] = 0 };
        var graphFeed = graph is null ? null : new Graph.SettledGraphFeed(graph, pair.Initial); // graph file
        graphFeed?.State(initial, initial: true); // graph file
        var starts = new List<int>();
        var targets = new List<int>();
        var events = new List<int>();
        var parent = new List<int> { -1 };
        var parentEvent = new List<int> { -1 };
        var complete = true;
        var cancelled = false;
        long loops = 0;
        for (var s = 0; s < states.Count; s++)
        {
            if ((s & 1023) == 0)
            {
                progress?.Invoke(s, states.Count);
            }

            // Looked at for every state: one of a configuration with many contexts may take a second to expand.
            if (cancellation.IsCancellationRequested)
            {
                // The states not expanded keep no edges: the graph is cut there, as a bound cuts it.
                cancelled = true;
                complete = false;
                for (; s < states.Count; s++)
                {
                    starts.Add(targets.Count);
                }

                break;
            }

            starts.Add(targets.Count);
            var state = states[s];
            for (var e = 0; e < alphabet.Count; e++)
            {
                var held = (stateBytes * states.Count) + (EdgeBytes * targets.Count);
                if (held > maxBytes)
                {
                    throw new SettledGraphTooLargeException(states.Count, targets.Count, stateBytes, held, maxBytes);
                }

                var step = pair.Step(state, alphabet[e], quiet: true);
                var target = Explorer.WithoutReasons(step.State);
                if (target.Equals(state))
                {
                    if (selfLoops)
                    {
                        graphFeed?.Transition(state, state, alphabet[e], step.Rows); // graph file
                        targets.Add(s);
                        events.Add(e);
                        loops++;
                    }

                    continue;
                }

                if (!index.TryGetValue(target, out var t))
                {
                    if (states.Count >= maxStates)
                    {
                        complete = false;
                        continue;
                    }

                    t = states.Count;
                    index[target] = t;
                    states.Add(target);
                    parent.Add(s);
                    parentEvent.Add(e);
                    graphFeed?.State(target, initial: false); // graph file
                }

                graphFeed?.Transition(state, states[t], alphabet[e], step.Rows); // graph file
                targets.Add(t);
                events.Add(e);
            }
        }

        starts.Add(targets.Count);
        if (!cancelled)
        {
            graphFeed?.End(!complete, targets.Count); // graph file
        }

        progress?.Invoke(states.Count, states.Count);
        return new SettledGraph(pair, alphabet, states, index, [.. starts], [.. targets], [.. events], [.. parent], [.. parentEvent], complete) { Cancelled = cancelled, SelfLoops = selfLoops, SelfLoopCount = loops };
    }

    /// <summary>A graph built elsewhere (the compiled settled graph): its states in breadth-first order, the edges of each state contiguous.</summary>
    internal static SettledGraph FromParts(FailoverPair pair, IReadOnlyList<Event> alphabet, List<PairState> states, int[] edgeStart, int[] edgeTarget, int[] edgeEvent, int[] parent, int[] parentEvent, bool complete, bool cancelled)
    {
        var index = new Dictionary<PairState, int>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            index.Add(states[i], i);
        }

        return new SettledGraph(pair, alphabet, states, index, edgeStart, edgeTarget, edgeEvent, parent, parentEvent, complete) { Cancelled = cancelled };
    }

    /// <summary>The index of a settled state (its reasons are ignored), or -1 when the graph does not hold it.</summary>
    public int IndexOf(PairState state) => _index.TryGetValue(Explorer.WithoutReasons(state), out var i) ? i : -1;

    /// <summary>The edges leaving state <paramref name="state"/>: the alphabet index of the event and the target state.</summary>
    public IEnumerable<(int Event, int Target)> OutEdges(int state)
    {
        for (var i = _edgeStart[state]; i < _edgeStart[state + 1]; i++)
        {
            yield return (_edgeEvent[i], _edgeTarget[i]);
        }
    }

    /// <summary>How many edges leave state <paramref name="state"/>.</summary>
    public int OutDegree(int state) => _edgeStart[state + 1] - _edgeStart[state];

    /// <summary>The first edge index of <paramref name="state"/>; edges of a state are contiguous, so edge ids are stable.</summary>
    public int FirstEdge(int state) => _edgeStart[state];

    /// <summary>Edge <paramref name="edge"/>: its source state, the alphabet index of its event and its target state.</summary>
    public (int Source, int Event, int Target) Edge(int edge)
    {
        var source = Array.BinarySearch(_edgeStart, edge);
        if (source < 0)
        {
            source = ~source - 1;
        }
        else
        {
            // Several states may have no edges and share a start: the owner is the last of them.
            while (source + 1 < _edgeStart.Length && _edgeStart[source + 1] == edge)
            {
                source++;
            }
        }

        return (source, _edgeEvent[edge], _edgeTarget[edge]);
    }

    /// <summary>The alphabet index of the event of edge <paramref name="edge"/>.</summary>
    public int EdgeEvent(int edge) => _edgeEvent[edge];

    /// <summary>The state edge <paramref name="edge"/> leads to.</summary>
    public int EdgeTarget(int edge) => _edgeTarget[edge];

    /// <summary>The events of a shortest path from the initial state to <paramref name="state"/>.</summary>
    public ImmutableArray<Event> PathTo(int state)
    {
        var path = new List<Event>();
        while (_parent[state] >= 0)
        {
            path.Add(Alphabet[_parentEvent[state]]);
            state = _parent[state];
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>The graph as QuikGraph vertices and edges (state and alphabet indices), for QuikGraph's algorithms.</summary>
    public AdjacencyGraph<int, STaggedEdge<int, int>> ToQuikGraph()
    {
        var graph = new AdjacencyGraph<int, STaggedEdge<int, int>>(allowParallelEdges: true, StateCount, EdgeCount / Math.Max(1, StateCount) + 1);
        graph.AddVertexRange(Enumerable.Range(0, StateCount));
        for (var s = 0; s < StateCount; s++)
        {
            foreach (var (e, t) in OutEdges(s))
            {
                graph.AddEdge(new STaggedEdge<int, int>(s, t, e));
            }
        }

        return graph;
    }
}

/// <summary>
/// The settled graph would hold more than its budget in bytes (<see cref="SettledGraph.StateBytes"/> a state,
/// <see cref="SettledGraph.EdgeBytes"/> an edge): the search stopped there, with what it had found.
/// </summary>
internal sealed class SettledGraphTooLargeException(int states, long edges, long stateBytes, long bytes, long budget)
    : Exception($"the settled graph would hold more than {budget:N0} bytes: {states:N0} states found ({stateBytes:N0} bytes each) and {edges:N0} transitions, and the search not done")
{
    public int States { get; } = states;

    public long Edges { get; } = edges;

    public long StateBytes { get; } = stateBytes;

    public long Bytes { get; } = bytes;

    public long Budget { get; } = budget;
}
