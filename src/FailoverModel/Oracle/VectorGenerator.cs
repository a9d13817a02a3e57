using FailoverModel.Exploration;
using FailoverModel.Pair;

namespace FailoverModel.Oracle;

/// <summary>What a set of test vectors covers, and what the whole tour costs.</summary>
/// <param name="States">Settled states of the graph.</param>
/// <param name="Transitions">Transitions of the graph, self-loops included.</param>
/// <param name="SelfLoops">Of <paramref name="Transitions"/>, those that leave the state as it was.</param>
/// <param name="Covered">Transitions the written cases take (all of them unless the vectors are a shard).</param>
/// <param name="Cases">Test cases written.</param>
/// <param name="Steps">Steps written.</param>
/// <param name="TourCases">Test cases of the whole tour (all shards).</param>
/// <param name="TourSteps">Steps of the whole tour (all shards).</param>
/// <param name="LowerBound">The fewest steps that take every transition (the optimal balancing, before the tour is cut into cases).</param>
public sealed record VectorCoverage(int States, long Transitions, long SelfLoops, long Covered, long Cases, long Steps, long TourCases, long TourSteps, long LowerBound)
{
    /// <summary>The share of transitions covered, in percent.</summary>
    public double Percent => Transitions == 0 ? 100 : 100.0 * Covered / Transitions;

    /// <summary>Steps the tour walks per transition it covers (1 would take each exactly once).</summary>
    public double StepsPerTransition => Transitions == 0 ? 0 : (double)TourSteps / Transitions;

    /// <summary>The fewest steps per transition any set of walks from power-off could take (the optimal balancing).</summary>
    public double LowerBoundPerTransition => Transitions == 0 ? 0 : (double)LowerBound / Transitions;
}

/// <summary>How the tour is cut into test cases and which of them are written.</summary>
/// <param name="MaxCaseSteps">The longest test case before it is cut.</param>
/// <param name="Shard">Which shard to write, from 1 to <paramref name="Shards"/>: case <c>c</c> belongs to shard <c>(c - 1) mod Shards + 1</c>.</param>
/// <param name="Shards">How many shards the cases are dealt into.</param>
public sealed record VectorOptions(int MaxCaseSteps = VectorOptions.DefaultMaxCaseSteps, int Shard = 1, int Shards = 1)
{
    /// <summary>
    /// Short cases let an implementation see more than its first divergence and be replayed in pieces; each cut costs a
    /// path from power-off of at most the graph's depth.
    /// </summary>
    public const int DefaultMaxCaseSteps = 1_000;

    /// <summary>The whole tour, in cases of the default length.</summary>
    public static VectorOptions Whole { get; } = new();

    /// <summary>Whether case <paramref name="case"/> belongs to this shard.</summary>
    public bool Writes(long @case) => (@case - 1) % Shards == Shard - 1;
}

/// <summary>Receives test vectors as they are made: a case begins, then its steps, each with the model's settled result.</summary>
public interface IVectorSink
{
    /// <summary>A test case begins (it starts from power-off).</summary>
    void BeginCase(long @case);

    /// <summary>One step of the case: the event and the model's settled result.</summary>
    void Step(long @case, long step, Event @event, SettledStep result);

    /// <summary>The test case ends.</summary>
    void EndCase(long @case);
}

/// <summary>
/// Test vectors that cover every transition of the settled graph (states with nothing left to do, joined by one event and
/// the settle after it, self-loops included when the graph has them; states identified up to Last Failure Reason, which
/// no guard reads): a transition tour planned by <see cref="Tours.TourPlanner"/> (docs/oracle.md, "Vectors"), cut into
/// test cases at each return to power-off and after <see cref="VectorOptions.MaxCaseSteps"/> steps, the next case
/// reaching the cut along a shortest path from power-off, so every case stands alone. Each expected state is computed
/// by running the events on the model itself, so reasons are exact.
/// </summary>
public static class VectorGenerator
{
    /// <summary>
    /// Plans the tour and writes its test cases (those of <paramref name="options"/>' shard) to <paramref name="sink"/>;
    /// <paramref name="progress"/> sees the transitions covered (of the graph's) every 4,096 steps;
    /// <paramref name="cancellation"/> stops the writing with an <see cref="OperationCanceledException"/>, so that
    /// whoever owns the output can remove it; <paramref name="planning"/> sees the planning phases that take long on a
    /// large graph before the first case is written (name, what is counted, done, total).
    /// </summary>
    public static VectorCoverage Generate(SettledGraph graph, IVectorSink sink, Action<long, long>? progress = null, CancellationToken cancellation = default, VectorOptions? options = null, Action<string, string, long, long>? planning = null) =>
        Walk(graph, Tours.TourPlanner.Plan(graph, planning: planning), sink, progress, cancellation, options);

    /// <summary>Writes the test cases of a tour already planned (the tests plan one balanced from the nearest sources).</summary>
    internal static VectorCoverage Generate(SettledGraph graph, Tours.TourPlan plan, IVectorSink sink, VectorOptions? options = null) =>
        Walk(graph, plan, sink, null, default, options);

    /// <summary>
    /// Plans the tour and cuts it into test cases as <see cref="Generate(SettledGraph, IVectorSink, Action{long, long}?, CancellationToken, VectorOptions?, Action{string, string, long, long}?)"/> does, without running or writing a step: what
    /// the whole tour costs (<c>oracle vectors --plan-only</c>), and the balancing flow's size. The planner takes every
    /// transition by construction, so all are covered.
    /// </summary>
    internal static (VectorCoverage Coverage, Tours.TourPlan Plan) Plan(SettledGraph graph, VectorOptions? options = null, CancellationToken cancellation = default, Action<string, string, long, long>? planning = null)
    {
        var plan = Tours.TourPlanner.Plan(graph, planning: planning);
        var c = Walk(graph, plan, null, null, cancellation, options);
        return (c with { Covered = c.Transitions, Cases = c.TourCases, Steps = c.TourSteps }, plan);
    }

    private static VectorCoverage Walk(SettledGraph graph, Tours.TourPlan plan, IVectorSink? sink, Action<long, long>? progress, CancellationToken cancellation, VectorOptions? options)
    {
        options ??= VectorOptions.Whole;
        var pair = graph.Pair;
        var covered = new bool[graph.EdgeCount];
        long coveredCount = 0, cases = 0, steps = 0, tourCases = 0, tourSteps = 0, step = 0;
        var open = false;
        var writing = false;
        var at = 0;
        var concrete = pair.Initial;

        var taken = 0L;
        foreach (var edge in plan.Walk)
        {
            if ((taken++ & 4095) == 0)
            {
                progress?.Invoke(coveredCount, graph.EdgeCount);
                cancellation.ThrowIfCancellationRequested();
            }

            if (edge == Tours.TourPlanner.Reset)
            {
                Close();
                continue;
            }

            if (open && step >= options.MaxCaseSteps)
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
        return new VectorCoverage(graph.StateCount, graph.EdgeCount, graph.SelfLoopCount, coveredCount, cases, steps, tourCases, tourSteps, plan.LowerBound);

        void Open()
        {
            tourCases++;
            step = 0;
            at = 0;
            open = true;
            writing = sink is not null && options.Writes(tourCases);
            if (writing)
            {
                cases++;
                concrete = pair.Initial;
                sink!.BeginCase(tourCases);
            }
        }

        void Close()
        {
            if (open && writing)
            {
                sink!.EndCase(tourCases);
            }

            open = false;
        }

        void Take(int e)
        {
            tourSteps++;
            step++;
            at = graph.EdgeTarget(e);
            if (!writing)
            {
                return;
            }

            if (!covered[e])
            {
                covered[e] = true;
                coveredCount++;
            }

            var @event = graph.Alphabet[graph.EdgeEvent(e)];
            var result = pair.Step(concrete, @event, quiet: true);
            concrete = result.State;
            if (!Explorer.WithoutReasons(concrete).Equals(graph.States[at]))
            {
                throw new InvalidOperationException($"replaying {@event} did not reach the state the settled graph holds: the model is not deterministic");
            }

            steps++;
            sink!.Step(tourCases, step, @event, result);
        }
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
