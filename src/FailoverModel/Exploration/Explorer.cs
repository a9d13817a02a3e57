using System.Collections.Immutable;
using FailoverModel.Pair;
using QuikGraph;

namespace FailoverModel.Exploration;

/// <summary>The reachable part of the pair's state graph from the initial snapshot.</summary>
/// <param name="Parent">For every state but the initial one, the edge it was first reached by (a shortest path tree).</param>
/// <param name="Depth">The longest shortest path, in steps.</param>
/// <param name="Complete">False when <c>maxStates</c> stopped the search early.</param>
public sealed record ExplorationResult(
    PairState Initial,
    AdjacencyGraph<PairState, TaggedEdge<PairState, Event>> Graph,
    IReadOnlyDictionary<PairState, TaggedEdge<PairState, Event>> Parent,
    int Depth,
    bool Complete)
{
    /// <summary>The events from the initial state to <paramref name="state"/> along the shortest path found.</summary>
    public ImmutableArray<Event> PathTo(PairState state)
    {
        var path = new List<Event>();
        while (Parent.TryGetValue(state, out var edge))
        {
            path.Add(edge.Tag);
            state = edge.Source;
        }

        path.Reverse();
        return [.. path];
    }
}

/// <summary>
/// Breadth-first exploration of every reachable snapshot. A state's successors are its next internal step (the one
/// settle would take) and every external event of the alphabet that changes it, so faults and commands land between
/// any two internal steps: a fault in the middle of a Bulk Sync is reachable.
/// </summary>
public sealed class Explorer(FailoverPair pair, IReadOnlyList<Event> alphabet)
{
    /// <summary>
    /// The Last Failure Reason is what a unit displays about its past; no guard reads it. States that differ only in it
    /// have the same futures, so the explorer keeps one of them: the one with every reason <c>None</c>.
    /// </summary>
    public static PairState WithoutReasons(PairState state) =>
        state with { Primary = WithoutReasons(state.Primary), Secondary = WithoutReasons(state.Secondary) };

    public Explorer(FailoverPair pair)
        : this(pair, EventAlphabet.For(pair.Config))
    {
    }

    public FailoverPair Pair { get; } = pair;

    public IReadOnlyList<Event> Alphabet { get; } = alphabet;

    /// <summary>The successors of a snapshot, internal step first, each with the event that leads there; reasons are cleared.</summary>
    public IEnumerable<(Event Event, StepResult Result)> Successors(PairState state)
    {
        if (Pair.NextInternal(state) is { } next)
        {
            var result = Pair.Apply(state, next);
            yield return (next, result with { State = WithoutReasons(result.State) });
        }

        foreach (var @event in Alphabet)
        {
            var result = Pair.Apply(state, @event);
            if (result.Changed)
            {
                var target = WithoutReasons(result.State);
                if (!target.Equals(state))
                {
                    yield return (@event, result with { State = target });
                }
            }
        }
    }

    private static UnitState WithoutReasons(UnitState unit) => unit with
    {
        Group1 = unit.Group1 with { Reason = Machines.FailureReason.None },
        Group2 = unit.Group2 with { Reason = Machines.FailureReason.None },
    };

    /// <summary>Explores from the pair's initial snapshot; <paramref name="visit"/> sees each new state once, with the step that found it.</summary>
    public ExplorationResult Explore(int maxStates = int.MaxValue, Action<PairState, StepResult?>? visit = null)
    {
        var graph = new AdjacencyGraph<PairState, TaggedEdge<PairState, Event>>(allowParallelEdges: true);
        var parent = new Dictionary<PairState, TaggedEdge<PairState, Event>>();
        var depth = new Dictionary<PairState, int> { [Pair.Initial] = 0 };
        var queue = new Queue<PairState>();
        graph.AddVertex(Pair.Initial);
        queue.Enqueue(Pair.Initial);
        visit?.Invoke(Pair.Initial, null);
        var maxDepth = 0;
        var complete = true;
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (@event, result) in Successors(state))
            {
                var target = result.State;
                var isNew = !depth.ContainsKey(target);
                if (isNew)
                {
                    if (depth.Count >= maxStates)
                    {
                        complete = false;
                        continue;
                    }

                    depth[target] = depth[state] + 1;
                    maxDepth = Math.Max(maxDepth, depth[target]);
                    graph.AddVertex(target);
                }

                var edge = new TaggedEdge<PairState, Event>(state, target, @event);
                graph.AddEdge(edge);
                if (isNew)
                {
                    parent[target] = edge;
                    queue.Enqueue(target);
                    visit?.Invoke(target, result);
                }
            }
        }

        return new ExplorationResult(Pair.Initial, graph, parent, maxDepth, complete);
    }
}
