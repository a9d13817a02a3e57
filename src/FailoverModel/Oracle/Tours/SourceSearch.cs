using FailoverModel.Exploration;

namespace FailoverModel.Oracle.Tours;

/// <summary>
/// One breadth-first search over the settled graph from power-off (at distance 0) and from states that owe departures,
/// each entered at its own offset: a state's distance is the least, over the starts, of a start's offset plus the
/// transitions from it. Every transition costs one step, so the search is a queue that a start joins when the front
/// reaches its offset. Each state reached gets its distance, the start it was reached from (its root), its parent and the
/// transition in between (a shortest way from the root), in the order the states were reached.
/// </summary>
internal sealed class SourceSearch
{
    private readonly SettledGraph _graph;
    private readonly int[] _first;

    public SourceSearch(SettledGraph graph, int[] first)
    {
        _graph = graph;
        _first = first;
        var states = first.Length - 1;
        Distance = new int[states];
        Root = new int[states];
        Parent = new int[states];
        TreeEdge = new int[states];
        Order = new int[states];
    }

    public int[] Distance { get; }

    public int[] Root { get; }

    public int[] Parent { get; }

    public int[] TreeEdge { get; }

    public int[] Order { get; }

    /// <summary>
    /// Searches from power-off and <paramref name="starts"/> (in the order of their offsets, 0 for every start when
    /// <paramref name="offset"/> is null; of equal offsets the starts go before power-off); with <paramref name="wanted"/>
    /// it stops once every state with a positive entry there is reached. Returns how many states were reached, in
    /// <see cref="Order"/>.
    /// </summary>
    public int Run(IReadOnlyList<int> starts, int[]? offset, int[]? wanted)
    {
        var states = Distance.Length;
        Array.Fill(Distance, int.MaxValue);
        var pending = 0;
        if (wanted is not null)
        {
            for (var s = 0; s < states; s++)
            {
                pending += wanted[s] > 0 ? 1 : 0;
            }
        }

        int head = 0, tail = 0, next = 0;
        bool powerOffIn = false;
        while (true)
        {
            // A start joins when the front reaches its offset (so the queue stays in order of distance), power-off at 0
            // after the starts of offset 0.
            var front = head < tail ? Distance[Order[head]] : int.MaxValue;
            if (next < starts.Count && Offset(offset, starts[next]) <= front)
            {
                Enter(starts[next], Offset(offset, starts[next]), ref tail, wanted, ref pending);
                next++;
                continue;
            }

            if (!powerOffIn && (next == starts.Count || Offset(offset, starts[next]) > 0))
            {
                powerOffIn = true;
                Enter(0, 0, ref tail, wanted, ref pending);
                continue;
            }

            if (head == tail || (wanted is not null && pending == 0))
            {
                break;
            }

            var v = Order[head++];
            for (var e = _first[v]; e < _first[v + 1]; e++)
            {
                var t = _graph.EdgeTarget(e);
                if (Distance[t] != int.MaxValue)
                {
                    continue;
                }

                Distance[t] = Distance[v] + 1;
                Root[t] = Root[v];
                Parent[t] = v;
                TreeEdge[t] = e;
                Order[tail++] = t;
                if (wanted is not null && wanted[t] > 0 && --pending == 0)
                {
                    break;
                }
            }
        }

        if (wanted is not null && pending > 0)
        {
            throw new InvalidOperationException($"the settled graph has {pending} states owing arrivals that power-off does not reach");
        }

        return tail;
    }

    private static int Offset(int[]? offset, int state) => offset is null ? 0 : offset[state];

    private void Enter(int start, int distance, ref int tail, int[]? wanted, ref int pending)
    {
        // A start already reached at no greater distance keeps that way: its own departures then go unused this search.
        if (Distance[start] != int.MaxValue)
        {
            return;
        }

        Distance[start] = distance;
        Root[start] = start;
        Parent[start] = -1;
        TreeEdge[start] = -1;
        Order[tail++] = start;
        if (wanted is not null && wanted[start] > 0)
        {
            pending--;
        }
    }
}
