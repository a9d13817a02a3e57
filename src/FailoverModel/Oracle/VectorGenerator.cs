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
/// the settle after it; states identified up to Last Failure Reason, which no guard reads): a transition tour, planned
/// on the graph as a directed Chinese postman walk (docs/oracle.md). The graph is balanced by repeating transitions
/// along shortest paths from states entered more often than they can be left to states left more often than entered
/// (or, where no such path exists, by starting again from power-off); an Euler circuit of the balanced graph then takes
/// every transition, and is cut into test cases at each return to power-off and after <see cref="MaxCaseSteps"/>
/// steps, the next case reaching the cut along a shortest path from power-off. Each expected state is computed by
/// running the events on the model itself, so reasons are exact.
/// </summary>
public static class VectorGenerator
{
    /// <summary>
    /// The longest test case before it is cut: short cases let an implementation see more than its first divergence and
    /// be replayed in pieces, and each cut costs a path from power-off of at most the graph's depth.
    /// </summary>
    public const int MaxCaseSteps = 1_000;

    /// <summary>
    /// Plans the tour and writes its test cases to <paramref name="sink"/>; <paramref name="progress"/> sees the
    /// transitions covered (of the graph's) every 4,096 steps; <paramref name="cancellation"/> stops the writing with an
    /// <see cref="OperationCanceledException"/>, so that whoever owns the output can remove it.
    /// </summary>
    public static VectorCoverage Generate(SettledGraph graph, IVectorSink sink, Action<long, long>? progress = null, CancellationToken cancellation = default)
    {
        var circuit = Plan(graph);
        var pair = graph.Pair;
        var covered = new bool[graph.EdgeCount];
        long coveredCount = 0, cases = 0, steps = 0, step = 0;
        var open = false;
        var at = 0;
        var concrete = pair.Initial;

        var taken = 0L;
        foreach (var edge in circuit)
        {
            if ((taken++ & 4095) == 0)
            {
                progress?.Invoke(coveredCount, graph.EdgeCount);
                cancellation.ThrowIfCancellationRequested();
            }

            if (edge == Reset)
            {
                Close();
                continue;
            }

            if (open && step >= MaxCaseSteps)
            {
                var resume = at;
                Close();
                Open();
                foreach (var @event in graph.PathTo(resume))
                {
                    Take(EdgeOf(graph, at, @event));
                }
            }

            if (!open)
            {
                Open();
            }

            Take(edge);
            if (at == 0)
            {
                // Back at power-off: the next step may as well start a new case, at no cost.
                Close();
            }
        }

        Close();
        return new VectorCoverage(graph.StateCount, graph.EdgeCount, coveredCount, cases, steps);

        void Open()
        {
            cases++;
            step = 0;
            at = 0;
            open = true;
            concrete = pair.Initial;
            sink.BeginCase(cases);
        }

        void Close()
        {
            if (open)
            {
                sink.EndCase(cases);
                open = false;
            }
        }

        void Take(int e)
        {
            if (!covered[e])
            {
                covered[e] = true;
                coveredCount++;
            }

            var @event = graph.Alphabet[graph.EdgeEvent(e)];
            var result = pair.Step(concrete, @event, quiet: true);
            concrete = result.State;
            at = graph.EdgeTarget(e);
            if (!Explorer.WithoutReasons(concrete).Equals(graph.States[at]))
            {
                throw new InvalidOperationException($"replaying {@event} did not reach the state the settled graph holds: the model is not deterministic");
            }

            steps++;
            sink.Step(cases, ++step, @event, result);
        }
    }

    /// <summary>Marks a return to power-off in a planned walk.</summary>
    public const int Reset = -1;

    /// <summary>
    /// The walk, as edge indices of <paramref name="graph"/> from its initial state, with <see cref="Reset"/> where it
    /// starts again from power-off; every edge occurs at least once. Only flat arrays over states and edges are used, so
    /// millions of transitions are planned in seconds.
    /// </summary>
    public static int[] Plan(SettledGraph graph)
    {
        var states = graph.StateCount;
        var edges = graph.EdgeCount;
        if (edges == 0)
        {
            return [];
        }

        var first = new int[states + 1];
        for (var s = 0; s < states; s++)
        {
            first[s] = graph.FirstEdge(s);
        }

        first[states] = edges;

        // need: how many more times the walk must leave a state than it has transitions out; want: the converse.
        var need = new int[states];
        var want = new int[states];
        for (var e = 0; e < edges; e++)
        {
            need[graph.EdgeTarget(e)]++;
        }

        for (var s = 0; s < states; s++)
        {
            var surplus = need[s] - (first[s + 1] - first[s]);
            need[s] = Math.Max(0, surplus);
            want[s] = Math.Max(0, -surplus);
        }

        var repeats = new int[edges];
        var resets = new int[states];
        long added = Balance(graph, first, need, want, repeats, resets);
        long resetCount = 0;
        foreach (var r in resets)
        {
            resetCount += r;
        }

        return EulerCircuit(graph, first, repeats, resets, checked((int)(edges + added + resetCount)));
    }

    /// <summary>
    /// Repeats transitions until every state is entered as often as it is left: in rounds, a breadth-first search from
    /// all states that must be left more often at once pairs each with the nearest state that must be entered more
    /// often and repeats the path between them. A state from which no such state can be reached is reset to power-off,
    /// which then owes the departures instead. Returns the number of repeated transitions.
    /// </summary>
    private static long Balance(SettledGraph graph, int[] first, int[] need, int[] want, int[] repeats, int[] resets)
    {
        var states = need.Length;
        var origin = new int[states];
        var via = new int[states];
        var queue = new int[states];
        long added = 0;
        while (true)
        {
            Array.Fill(origin, -1);
            int head = 0, tail = 0;
            for (var s = 0; s < states; s++)
            {
                if (need[s] > 0)
                {
                    origin[s] = s;
                    queue[tail++] = s;
                }
            }

            if (tail == 0)
            {
                return added;
            }

            var paired = false;
            while (head < tail)
            {
                var s = queue[head++];
                var o = origin[s];
                for (var e = first[s]; e < first[s + 1] && need[o] > 0; e++)
                {
                    var x = graph.EdgeTarget(e);
                    if (origin[x] >= 0)
                    {
                        continue;
                    }

                    origin[x] = o;
                    via[x] = e;
                    queue[tail++] = x;
                    if (want[x] > 0)
                    {
                        want[x]--;
                        need[o]--;
                        paired = true;
                        for (var a = x; a != o; a = graph.Edge(via[a]).Source)
                        {
                            repeats[via[a]]++;
                            added++;
                        }
                    }
                }
            }

            if (!paired)
            {
                var moved = 0;
                for (var s = 1; s < states; s++)
                {
                    resets[s] += need[s];
                    moved += need[s];
                    need[s] = 0;
                }

                // Every state is reachable from power-off, so departures owed there always find a state to go to.
                need[0] += moved > 0 ? moved : throw new InvalidOperationException("the settled graph cannot be balanced: power-off reaches no state that is left more often than entered");
            }
        }
    }

    /// <summary>Hierholzer's algorithm over the balanced multigraph, from power-off; iterative, so depth is no limit.</summary>
    private static int[] EulerCircuit(SettledGraph graph, int[] first, int[] repeats, int[] resets, int length)
    {
        var states = resets.Length;
        var cursor = new int[states];
        Array.Copy(first, cursor, states);
        var stackState = new int[length + 1];
        var stackEdge = new int[length + 1];
        var circuit = new int[length];
        var written = length;
        var top = 1;
        stackState[0] = 0;
        stackEdge[0] = Reset;
        while (top > 0)
        {
            var v = stackState[top - 1];
            while (cursor[v] < first[v + 1] && repeats[cursor[v]] < 0)
            {
                cursor[v]++;
            }

            if (cursor[v] < first[v + 1])
            {
                // repeats counts down through -1: the transition itself, then each repetition.
                var e = cursor[v];
                repeats[e]--;
                stackState[top] = graph.EdgeTarget(e);
                stackEdge[top++] = e;
            }
            else if (resets[v] > 0)
            {
                resets[v]--;
                stackState[top] = 0;
                stackEdge[top++] = Reset;
            }
            else
            {
                top--;
                if (top > 0)
                {
                    circuit[--written] = stackEdge[top];
                }
            }
        }

        if (written != 0)
        {
            throw new InvalidOperationException($"the balanced settled graph has no Euler circuit: {written} transitions left over");
        }

        return circuit;
    }

    private static int EdgeOf(SettledGraph graph, int state, Event @event)
    {
        var end = graph.FirstEdge(state) + graph.OutDegree(state);
        for (var e = graph.FirstEdge(state); e < end; e++)
        {
            if (graph.Alphabet[graph.EdgeEvent(e)].Equals(@event))
            {
                return e;
            }
        }

        throw new InvalidOperationException($"the settled graph has no edge for {@event} from state {state}");
    }
}
