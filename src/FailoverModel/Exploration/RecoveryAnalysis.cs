using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace FailoverModel.Exploration;

/// <summary>What the recovery analysis found on the settled graph.</summary>
/// <param name="States">Settled states analysed.</param>
/// <param name="HealthyStates">Settled states in which the pair is healthy (both units up, nothing failed, each group on its preferred unit).</param>
/// <param name="StronglyConnectedComponents">Strongly connected components of the settled graph.</param>
/// <param name="TrapStates">Settled states from which no sequence of restorations and commands reaches a healthy state.</param>
/// <param name="Deadlocks">Settled states that no event changes.</param>
public sealed record RecoveryReport(int States, int HealthyStates, int StronglyConnectedComponents, IReadOnlyList<int> TrapStates, IReadOnlyList<int> Deadlocks);

/// <summary>
/// Shows that the pair never gets stuck: from every settled state, restorations (power on, replace, interface and link
/// recovery) and commands alone lead back to a healthy pair — both units running failover, links and interfaces up,
/// nothing failed, every group active on its preferred unit.
/// </summary>
public static class RecoveryAnalysis
{
    /// <summary>Events that repair or command, never a fault.</summary>
    public static bool IsRestoration(Event e) => e switch
    {
        PowerOn or Replace => true,
        InterfaceChange { Up: true } => true,
        LinkChange { Up: true } => true,
        CommandEvent { Command: not DisableFailover } => true,
        _ => false,
    };

    /// <summary>A healthy pair: both units run failover, every link is up, no interface has failed, and every group is active on its preferred unit and failed on neither.</summary>
    public static bool IsHealthy(PairConfig config, PairState s) =>
        s.Primary.Status == UnitStatus.FailoverOn && s.Secondary.Status == UnitStatus.FailoverOn
        && s.FailoverLink == LinkStatus.Up && s.StateLink != LinkStatus.Down
        && s.Primary.FailedInterfaces == 0 && s.Secondary.FailedInterfaces == 0
        && config.GroupIds.All(g => s.ActiveOn(g) == ActiveOnValues.Of(FailoverPair.PreferredUnit(s, g))
            && s.GroupState(UnitRole.Primary, g) != GroupState.Failed && s.GroupState(UnitRole.Secondary, g) != GroupState.Failed);

    /// <summary>Whether restorations and commands alone lead from every settled state back to a healthy pair (trap states and deadlocks if not).</summary>
    public static RecoveryReport Analyse(SettledGraph graph)
    {
        var config = graph.Pair.Config;

        // Restoration edges, plus one edge from every healthy state to a virtual goal: whatever reaches the goal recovers.
        var goal = graph.StateCount;
        var restorations = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: true);
        restorations.AddVertexRange(Enumerable.Range(0, graph.StateCount + 1));
        var healthy = 0;
        var deadlocks = new List<int>();
        for (var s = 0; s < graph.StateCount; s++)
        {
            if (graph.OutDegree(s) == 0)
            {
                deadlocks.Add(s);
            }

            foreach (var (e, t) in graph.OutEdges(s))
            {
                if (IsRestoration(graph.Alphabet[e]))
                {
                    restorations.AddEdge(new SEdge<int>(s, t));
                }
            }

            if (IsHealthy(config, graph.States[s]))
            {
                healthy++;
                restorations.AddEdge(new SEdge<int>(s, goal));
            }
        }

        var backwards = new ReversedBidirectionalGraph<int, SEdge<int>>(restorations);
        var search = new BreadthFirstSearchAlgorithm<int, SReversedEdge<int, SEdge<int>>>(backwards);
        search.Compute(goal);
        var traps = Enumerable.Range(0, graph.StateCount).Where(s => search.VerticesColors[s] != GraphColor.Black).ToList();

        var components = graph.ToQuikGraph().StronglyConnectedComponents(new Dictionary<int, int>(graph.StateCount));
        return new RecoveryReport(graph.StateCount, healthy, components, traps, deadlocks);
    }
}
