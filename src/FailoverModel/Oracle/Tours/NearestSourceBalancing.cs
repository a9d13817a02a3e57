using FailoverModel.Exploration;

namespace FailoverModel.Oracle.Tours;

/// <summary>
/// Balances the settled graph without the minimum-cost flow, when it is too large for it (<see cref="TourPlanner.MaxFlowArcs"/>):
/// each arrival owed is sent from the nearest place a repeated path can start, a state that still owes departures or
/// power-off after a restart (always there). Rounds of one <see cref="SourceSearch"/> from all of them at once: each
/// state that owes arrivals takes, nearest first, what its nearest source still owes (power-off gives without end) along
/// that search's tree; a state whose source ran out waits for the next round, which searches again from the sources
/// left. A state that still owes departures at the end starts again from power-off, once for each. Every state is then
/// balanced (the paths leave power-off as often as the restarts enter it, since the debts sum to zero), and no arrival
/// costs more than the way from power-off. On the suites, planned both ways, it repeats at most 0.6 % more than the
/// optimal flow (docs/oracle.md, "The full tour").
/// </summary>
internal static class NearestSourceBalancing
{
    /// <summary>
    /// Rounds before the rest is sent from power-off: each round takes at least one arrival, most take far more; the
    /// bound keeps a graph whose sources run out one at a time from searching without end.
    /// </summary>
    private const int MaxRounds = 256;

    /// <summary>
    /// Writes the repetitions of each transition and the restarts of each state; returns their sums.
    /// <paramref name="progress"/> sees the arrivals settled, of those owed, after each round.
    /// </summary>
    public static (long Repeated, long Resets) Balance(SettledGraph graph, int[] first, int[] surplus, int[] repeats, int[] resets, Action<long, long>? progress = null)
    {
        var states = surplus.Length;
        var supply = new int[states];
        var demand = new int[states];
        long demandLeft = 0;
        for (var s = 1; s < states; s++)
        {
            supply[s] = Math.Max(0, surplus[s]);
            demand[s] = Math.Max(0, -surplus[s]);
            demandLeft += demand[s];
        }

        var owed = demandLeft;
        progress?.Invoke(0, owed);

        var search = new SourceSearch(graph, first);
        var below = new long[states];
        long repeated = 0;
        for (var round = 0; demandLeft > 0; round++)
        {
            // After MaxRounds only power-off is a source: one last round settles every arrival still owed.
            List<int> sources = round < MaxRounds ? [.. Enumerable.Range(1, states - 1).Where(s => supply[s] > 0)] : [];
            var reached = search.Run(sources, offset: null, wanted: demand);
            for (var i = 0; i < reached; i++)
            {
                var v = search.Order[i];
                if (demand[v] == 0)
                {
                    continue;
                }

                var r = search.Root[v];
                var taken = r == 0 ? demand[v] : Math.Min(demand[v], supply[r]);
                below[v] = taken;
                demand[v] -= taken;
                demandLeft -= taken;
                if (r != 0)
                {
                    supply[r] -= taken;
                }
            }

            // The paths taken this round, summed up the search's trees from the farthest state: the tree edge into a
            // state is repeated as often as arrivals were taken in its subtree.
            for (var i = reached - 1; i >= 0; i--)
            {
                var v = search.Order[i];
                if (search.Root[v] != v && below[v] > 0)
                {
                    var e = search.TreeEdge[v];
                    repeats[e] = checked(repeats[e] + (int)below[v]);
                    repeated += below[v];
                    below[search.Parent[v]] += below[v];
                }

                below[v] = 0;
            }

            progress?.Invoke(owed - demandLeft, owed);
        }

        long resetCount = 0;
        for (var s = 1; s < states; s++)
        {
            resets[s] = supply[s];
            resetCount += supply[s];
        }

        return (repeated, resetCount);
    }
}
