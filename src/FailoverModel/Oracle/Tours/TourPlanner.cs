using FailoverModel.Exploration;
using Google.OrTools.Graph;

namespace FailoverModel.Oracle.Tours;

/// <summary>
/// A planned transition tour: the walk, as edge indices of the settled graph with <see cref="TourPlanner.Reset"/> where
/// it starts (again) from power-off, and what it costs.
/// </summary>
/// <param name="Walk">A <see cref="TourPlanner.Reset"/> first, then every edge at least once, self-loops exactly once.</param>
/// <param name="Repeated">Transitions taken again only to get from a state entered more often than it is left to one left more often than entered.</param>
/// <param name="Resets">Returns to power-off the plan makes instead (each starts a new test case and costs no step).</param>
/// <param name="FlowArcs">Arcs of the balancing flow between distinct states (0 when the graph needed no balancing).</param>
/// <param name="LowerBound">
/// The fewest steps any set of walks from power-off taking every transition can have: the walk's own length when the
/// balancing is the optimal flow (<paramref name="Optimal"/>), else a bound that does not need the flow.
/// </param>
/// <param name="Optimal">Whether the balancing is the minimum-cost flow (else each arrival owed is sent from the nearest source, <see cref="TourPlanner.MaxFlowArcs"/>).</param>
internal sealed record TourPlan(int[] Walk, long Repeated, long Resets, long FlowArcs, long LowerBound, bool Optimal)
{
    /// <summary>Steps of the walk before it is cut into cases.</summary>
    public long Steps => Walk.LongLength - Resets - 1;
}

/// <summary>
/// Plans a transition tour of the settled graph as a directed Chinese postman walk with free restarts (docs/oracle.md,
/// "Vectors"). A walk that takes every transition must leave each state as often as it enters it; a state entered
/// more often than it has transitions out (power-off, say, entered from every combination of failed interfaces) owes
/// departures, a state left more often than entered owes arrivals. The cheapest set of repeated transitions that
/// settles every debt is a minimum-cost flow: from each state that owes departures, as many units as it owes, to the
/// states that owe arrivals, along transitions of cost 1, or by starting again from power-off at (almost) no cost.
/// An Euler circuit of the balanced graph (Hierholzer's algorithm, from power-off) then takes every transition, and
/// its length is the optimum. The flow is solved by OR-Tools' cost-scaling minimum-cost flow; a graph too large for it
/// is balanced from the nearest sources (<see cref="NearestSourceBalancing"/>, not optimal) and its lower bound certified
/// by potentials (<see cref="RepetitionBound"/>).
/// </summary>
internal static class TourPlanner
{
    /// <summary>Marks a return to power-off in a planned walk.</summary>
    public const int Reset = -1;

    /// <summary>A transition's cost in the flow; a restart costs 1, so of two equally long ways the one without a restart is taken.</summary>
    private const long StepCost = 1_000;

    /// <summary>
    /// The largest balancing flow handed to the solver, in arcs between distinct states: OR-Tools holds about a hundred
    /// bytes an arc and its time grows faster than the arcs (docs/oracle.md, "The full tour"); a larger graph is
    /// balanced from the nearest sources instead (<see cref="NearestSourceBalancing"/>), and the lower bound is <see cref="RepetitionBound"/>.
    /// </summary>
    public const long MaxFlowArcs = 5_000_000;

    /// <param name="graph">The settled graph, self-loops included.</param>
    /// <param name="maxFlowArcs">The largest flow solved optimally.</param>
    /// <param name="planning">Sees each planning phase that takes long on a large graph: its name, what it counts, how many are done, of how many.</param>
    public static TourPlan Plan(SettledGraph graph, long maxFlowArcs = MaxFlowArcs, Action<string, string, long, long>? planning = null)
    {
        var states = graph.StateCount;
        var edges = graph.EdgeCount;
        if (edges == 0)
        {
            return new TourPlan([Reset], 0, 0, 0, 0, Optimal: true);
        }

        var first = new int[states + 1];
        for (var s = 0; s < states; s++)
        {
            first[s] = graph.FirstEdge(s);
        }

        first[states] = edges;

        // surplus: how many more times the walk enters a state than it has transitions out (positive: owes departures).
        var surplus = new int[states];
        for (var e = 0; e < edges; e++)
        {
            surplus[graph.EdgeTarget(e)]++;
        }

        var owed = 0L;
        for (var s = 0; s < states; s++)
        {
            surplus[s] -= first[s + 1] - first[s];
            owed += Math.Max(0, surplus[s]);
        }

        var repeats = new int[edges];
        var resets = new int[states];
        long repeated = 0, resetCount = 0, arcs = 0, lowerBound = edges;
        var optimal = true;
        if (owed > 0)
        {
            arcs = DistinctArcs(graph, first);
            if (arcs <= maxFlowArcs)
            {
                planning?.Invoke("balancing the tour (minimum-cost flow)", "flow arcs", 0, arcs);
                (repeated, resetCount) = Balance(graph, first, surplus, owed, arcs, repeats, resets);
                lowerBound += repeated;
            }
            else
            {
                (repeated, resetCount) = NearestSourceBalancing.Balance(graph, first, surplus, repeats, resets, (done, total) => planning?.Invoke("balancing the tour", "arrivals owed", done, total));
                lowerBound += RepetitionBound.Of(graph, first, surplus, progress: (done, total) => planning?.Invoke("bounding the tour", "rounds", done, total));
                optimal = false;
            }
        }

        return new TourPlan(EulerCircuit(graph, first, repeats, resets, checked((int)(edges + repeated + resetCount))), repeated, resetCount, arcs, lowerBound, optimal);
    }

    /// <summary>
    /// The flow needs one arc per distinct pair of states joined by a transition, and none for a self-loop (it is taken
    /// in place and changes no state's balance): they are counted first, so the solver reserves exactly what it holds.
    /// </summary>
    private static long DistinctArcs(SettledGraph graph, int[] first)
    {
        var states = first.Length - 1;
        var seen = new int[states];
        Array.Fill(seen, -1);
        var distinct = 0L;
        for (var s = 0; s < states; s++)
        {
            for (var e = first[s]; e < first[s + 1]; e++)
            {
                var t = graph.EdgeTarget(e);
                if (t != s && seen[t] != s)
                {
                    seen[t] = s;
                    distinct++;
                }
            }
        }

        return distinct;
    }

    /// <summary>
    /// Solves the balancing as a minimum-cost flow over the distinct state pairs joined by a transition (parallel
    /// transitions to the same state cost the same, so one arc stands for them) and a restart arc from every state to
    /// power-off; writes the repetitions of each transition and the restarts of each state.
    /// </summary>
    private static (long Repeated, long Resets) Balance(SettledGraph graph, int[] first, int[] surplus, long owed, long distinct, int[] repeats, int[] resets)
    {
        var states = surplus.Length;
        var seen = new int[states];
        Array.Fill(seen, -1);
        var flow = new MinCostFlow(states, checked((int)(distinct + states - 1)));
        var arcEdge = new int[distinct];
        var arcs = 0;
        for (var s = 0; s < states; s++)
        {
            for (var e = first[s]; e < first[s + 1]; e++)
            {
                var t = graph.EdgeTarget(e);
                if (t == s || seen[t] == s)
                {
                    continue;
                }

                seen[t] = s;
                flow.AddArcWithCapacityAndUnitCost(s, t, owed, StepCost);
                arcEdge[arcs++] = e;
            }
        }

        var firstReset = arcs;
        for (var s = 1; s < states; s++)
        {
            flow.AddArcWithCapacityAndUnitCost(s, 0, owed, 1);
        }

        for (var s = 0; s < states; s++)
        {
            flow.SetNodeSupply(s, surplus[s]);
        }

        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"balancing the settled graph: the minimum-cost flow ended {status}");
        }

        long repeated = 0, resetCount = 0;
        for (var a = 0; a < firstReset; a++)
        {
            var f = flow.Flow(a);
            repeats[arcEdge[a]] = checked((int)f);
            repeated += f;
        }

        for (var s = 1; s < states; s++)
        {
            var f = flow.Flow(firstReset + s - 1);
            resets[s] = checked((int)f);
            resetCount += f;
        }

        return (repeated, resetCount);
    }

    /// <summary>
    /// Hierholzer's algorithm over the balanced multigraph, from power-off; iterative, so depth is no limit. The stack and
    /// the circuit share one array: every transition is either on the stack (growing from the front) or already in the
    /// circuit (filled from the back), so they never meet, and the stack's bottom, the start from power-off, stays in
    /// front as a <see cref="Reset"/>. A stacked state is the target of its stacked transition (power-off for a reset).
    /// </summary>
    private static int[] EulerCircuit(SettledGraph graph, int[] first, int[] repeats, int[] resets, int length)
    {
        var states = resets.Length;
        var cursor = new int[states];
        Array.Copy(first, cursor, states);
        var walk = new int[length + 1];
        var written = length + 1;
        var top = 1;
        walk[0] = Reset;
        while (top > 0)
        {
            var below = walk[top - 1];
            var v = below == Reset ? 0 : graph.EdgeTarget(below);
            while (cursor[v] < first[v + 1] && repeats[cursor[v]] < 0)
            {
                cursor[v]++;
            }

            if (cursor[v] < first[v + 1])
            {
                // repeats counts down through -1: the transition itself, then each repetition.
                var e = cursor[v];
                repeats[e]--;
                walk[top++] = e;
            }
            else if (resets[v] > 0)
            {
                resets[v]--;
                walk[top++] = Reset;
            }
            else
            {
                top--;
                if (top > 0)
                {
                    walk[--written] = walk[top];
                }
            }
        }

        if (written != 1)
        {
            // Every state is reachable from power-off and the flow balances every state, so the balanced graph is
            // Eulerian: a circuit that misses transitions is a fault of the planner, not of the input.
            throw new InvalidOperationException($"the balanced settled graph has no Euler circuit: {written - 1} transitions left over");
        }

        return walk;
    }
}
