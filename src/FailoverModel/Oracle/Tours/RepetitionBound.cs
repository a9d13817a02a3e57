using FailoverModel.Exploration;

namespace FailoverModel.Oracle.Tours;

/// <summary>
/// A lower bound on the transitions any balancing repeats, by weak duality (docs/oracle.md, "The full tour"). Give every
/// state a potential π ≥ 0, power-off 0, that rises by at most one along a transition. A repeated path from a state that
/// owes departures to one that owes arrivals then costs at least the difference of their potentials, and a restart (a
/// path to power-off, free) at least minus the potential it leaves; so every balancing repeats at least Σ π × arrivals
/// owed − Σ π × departures owed. The potentials are the distances of a <see cref="SourceSearch"/> from power-off and from
/// the states owing departures, each entered at an offset: offsets 0 give the nearest-source bound (each arrival from the
/// nearest place a path can start). A source nearer to more arrivals owed than it owes departures cannot serve them all,
/// so its offset is raised by one and the search runs again (ascent along a subgradient of the bound); the best bound of
/// the rounds is kept. Each round is one search over the graph.
/// </summary>
internal static class RepetitionBound
{
    /// <summary>Searches of the ascent: on the built-in configuration's full tour each takes under a second and the bound still rises slowly after 100.</summary>
    public const int Rounds = 128;

    /// <summary>The bound; <paramref name="progress"/> sees the rounds done, of <paramref name="rounds"/>.</summary>
    public static long Of(SettledGraph graph, int[] first, int[] surplus, int rounds = Rounds, Action<long, long>? progress = null)
    {
        var states = surplus.Length;
        var sources = Enumerable.Range(1, states - 1).Where(s => surplus[s] > 0).ToArray();
        var offset = new int[states];
        var served = new long[states];
        var search = new SourceSearch(graph, first);
        var best = 0L;
        for (var round = 0; round < rounds; round++)
        {
            Array.Sort(sources, (a, b) => offset[a].CompareTo(offset[b]));
            search.Run(sources, offset, wanted: null);
            var bound = 0L;
            Array.Clear(served);
            for (var v = 1; v < states; v++)
            {
                bound -= (long)surplus[v] * search.Distance[v];
                if (surplus[v] < 0)
                {
                    served[search.Root[v]] -= surplus[v];
                }
            }

            best = Math.Max(best, bound);
            progress?.Invoke(round + 1, rounds);
            var raised = false;
            foreach (var u in sources)
            {
                if (search.Root[u] == u && served[u] > surplus[u])
                {
                    offset[u]++;
                    raised = true;
                }
            }

            if (!raised)
            {
                // No source is short: the bound cannot rise, the rounds left are done.
                progress?.Invoke(rounds, rounds);
                break;
            }
        }

        return best;
    }
}
