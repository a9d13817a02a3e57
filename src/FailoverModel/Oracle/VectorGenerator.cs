using FailoverModel.Exploration;
using FailoverModel.Pair;

namespace FailoverModel.Oracle;

/// <summary>What a set of test vectors covers.</summary>
public sealed record VectorCoverage(int States, long Transitions, long Covered, long Cases, long Steps)
{
    public double Percent => Transitions == 0 ? 100 : 100.0 * Covered / Transitions;
}

/// <summary>Receives test vectors as they are made: a case begins, then its steps, each with the model's settled result.</summary>
public interface IVectorSink
{
    void BeginCase(long @case);

    void Step(long @case, long step, Event @event, SettledStep result);

    void EndCase(long @case);
}

/// <summary>
/// Test vectors that cover every transition of the settled graph (states with nothing left to do, joined by one event and
/// the settle after it; states identified up to Last Failure Reason, which no guard reads): a transition tour. The tour
/// walks the graph greedily, taking an untaken transition of the current state when there is one, else the shortest way
/// (within a few steps) to a state that has one; when none is near, the test case ends and the next starts from
/// power-off along the shortest path to the first state, in breadth-first order, with an untaken transition. Each
/// expected state is computed by running the events on the model itself, so reasons are exact.
/// </summary>
public static class VectorGenerator
{
    /// <summary>How far the tour looks for an untaken transition before it starts a new test case.</summary>
    public const int NearRadius = 4;

    public static VectorCoverage Generate(SettledGraph graph, IVectorSink sink)
    {
        var pair = graph.Pair;
        var edges = graph.EdgeCount;
        var covered = new bool[edges];
        var cursor = new int[graph.StateCount];
        for (var s = 0; s < graph.StateCount; s++)
        {
            cursor[s] = graph.FirstEdge(s);
        }

        var stamp = new int[graph.StateCount];
        var via = new int[graph.StateCount];
        var generation = 0;
        var queue = new Queue<(int State, int Depth)>();
        var path = new List<int>();
        long remaining = edges, cases = 0, steps = 0, step = 0;
        var nextStart = 0;
        var current = -1;
        PairState concrete = pair.Initial;

        while (remaining > 0)
        {
            if (current < 0)
            {
                while (Untaken(nextStart) < 0)
                {
                    nextStart++;
                }

                if (cases > 0)
                {
                    sink.EndCase(cases);
                }

                cases++;
                step = 0;
                sink.BeginCase(cases);
                concrete = pair.Initial;
                current = 0;
                foreach (var @event in graph.PathTo(nextStart))
                {
                    current = Take(EdgeOf(current, graph.Alphabet.IndexOf(@event)));
                }
            }

            var edge = Untaken(current);
            if (edge >= 0)
            {
                current = Take(edge);
                continue;
            }

            if (NearestUntaken(current) is { } way)
            {
                foreach (var e in way)
                {
                    current = Take(e);
                }

                continue;
            }

            current = -1;
        }

        if (cases > 0)
        {
            sink.EndCase(cases);
        }

        return new VectorCoverage(graph.StateCount, edges, edges - remaining, cases, steps);

        int Untaken(int state)
        {
            var end = graph.FirstEdge(state) + graph.OutDegree(state);
            while (cursor[state] < end && covered[cursor[state]])
            {
                cursor[state]++;
            }

            return cursor[state] < end ? cursor[state] : -1;
        }

        int EdgeOf(int state, int @event)
        {
            var end = graph.FirstEdge(state) + graph.OutDegree(state);
            for (var e = graph.FirstEdge(state); e < end; e++)
            {
                if (graph.EdgeEvent(e) == @event)
                {
                    return e;
                }
            }

            throw new InvalidOperationException($"the settled graph has no edge for {graph.Alphabet[@event]} from state {state}");
        }

        int Take(int e)
        {
            if (!covered[e])
            {
                covered[e] = true;
                remaining--;
            }

            var @event = graph.Alphabet[graph.EdgeEvent(e)];
            var result = pair.Step(concrete, @event);
            concrete = result.State;
            if (!Explorer.WithoutReasons(concrete).Equals(graph.States[graph.EdgeTarget(e)]))
            {
                throw new InvalidOperationException($"replaying {@event} did not reach the state the settled graph holds: the model is not deterministic");
            }

            steps++;
            sink.Step(cases, ++step, @event, result);
            return graph.EdgeTarget(e);
        }

        List<int>? NearestUntaken(int from)
        {
            generation++;
            queue.Clear();
            queue.Enqueue((from, 0));
            stamp[from] = generation;
            while (queue.TryDequeue(out var item))
            {
                if (item.Depth == NearRadius)
                {
                    continue;
                }

                var end = graph.FirstEdge(item.State) + graph.OutDegree(item.State);
                for (var e = graph.FirstEdge(item.State); e < end; e++)
                {
                    var target = graph.EdgeTarget(e);
                    if (stamp[target] == generation)
                    {
                        continue;
                    }

                    stamp[target] = generation;
                    via[target] = e;
                    if (Untaken(target) >= 0)
                    {
                        path.Clear();
                        for (var at = target; at != from; at = EdgeSource(via[at]))
                        {
                            path.Add(via[at]);
                        }

                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue((target, item.Depth + 1));
                }
            }

            return null;
        }

        int EdgeSource(int e) => graph.Edge(e).Source;
    }

    private static int IndexOf(this IReadOnlyList<Event> alphabet, Event @event)
    {
        for (var i = 0; i < alphabet.Count; i++)
        {
            if (alphabet[i].Equals(@event))
            {
                return i;
            }
        }

        return -1;
    }
}
