namespace FailoverModel.Exploration;

/// <summary>
/// The breadth-first search both explorers share: the store's states are expanded in chunks, each worker taking a
/// contiguous share of a chunk (the store is only read meanwhile), and the successors merged in the order of their
/// sources, so the states are numbered the same whatever the thread count. It reports progress before each chunk,
/// stops when cancelled, and stores each new target once with its depth, up to the bound.
/// </summary>
/// <typeparam name="TSuccessor">What a worker makes of one transition.</typeparam>
internal sealed class BreadthFirstChunks<TSuccessor>
{
    private const int Size = 4_096;
    private readonly StateStore _store;
    private readonly int _maxStates;
    private readonly Action<int, long>? _progress;
    private readonly Action<int, int, long>? _expanded;
    private readonly CancellationToken _cancellation;
    private readonly List<ushort> _depth = [0];
    private readonly List<TSuccessor>[] _successors = new List<TSuccessor>[Size];
    private int _nextProgress;

    public BreadthFirstChunks(StateStore store, int successorsPerState, int maxStates, Action<int, long>? progress, Action<int, int, long>? expanded, CancellationToken cancellation)
    {
        _store = store;
        _maxStates = maxStates;
        _progress = progress;
        _expanded = expanded;
        _cancellation = cancellation;
        for (var i = 0; i < Size; i++)
        {
            _successors[i] = new List<TSuccessor>(successorsPerState);
        }
    }

    /// <summary>The deepest state stored.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>Whether a new state was left out at the bound.</summary>
    public bool Bounded { get; private set; }

    /// <summary>Reports progress before the chunk starting at <paramref name="first"/>; false when the run is cancelled.</summary>
    public bool Continue(int first, long transitions)
    {
        _expanded?.Invoke(first, _store.Count, transitions);
        if (_cancellation.IsCancellationRequested)
        {
            return false;
        }

        if (_progress is not null && first >= _nextProgress)
        {
            _progress(_store.Count, transitions);
            _nextProgress += 50_000;
        }

        return true;
    }

    /// <summary>Expands the chunk starting at <paramref name="first"/>; returns how many states it holds.</summary>
    public int Expand<TWorker>(TWorker[] workers, int first, Action<TWorker, StateKey, List<TSuccessor>> expand)
    {
        var count = Math.Min(Size, _store.Count - first);
        if (workers.Length == 1)
        {
            for (var k = 0; k < count; k++)
            {
                expand(workers[0], _store[first + k], _successors[k]);
            }

            return count;
        }

        var share = (count + workers.Length - 1) / workers.Length;
        Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, w =>
        {
            for (var k = w * share; k < Math.Min(count, (w + 1) * share); k++)
            {
                expand(workers[w], _store[first + k], _successors[k]);
            }
        });
        return count;
    }

    /// <summary>The successors of the chunk's <paramref name="k"/>-th state, in the order its worker made them.</summary>
    public List<TSuccessor> Successors(int k) => _successors[k];

    /// <summary>Stores <paramref name="target"/> unless it is known or the bound is reached (one probe of the store).</summary>
    public void Store(in StateKey target, int source, short via)
    {
        if (_store.IndexOf(target, out var slot) >= 0)
        {
            return;
        }

        if (_store.Count >= _maxStates)
        {
            Bounded = true;
            return;
        }

        _store.AddNew(target, slot, source, via);
        var d = _depth[source] + 1;
        _depth.Add((ushort)d);
        MaxDepth = Math.Max(MaxDepth, d);
    }
}
