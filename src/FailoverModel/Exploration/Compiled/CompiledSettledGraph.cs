using System.Runtime.InteropServices;
using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// <see cref="SettledGraph.Explore(FailoverPair, IReadOnlyList{Event}?, int, PairState?, Action{int, int}?, CancellationToken, bool)"/> on packed states: the same graph, state for state and edge for edge in the same
/// breadth-first order, with each event and the settle after it stepped by the <see cref="PackedPair"/> on every core
/// and the states kept as whole keys in a <see cref="StateStore"/> (the settled graph is not reduced, and its edges need
/// each state's number). Only the snapshots the graph hands out are decoded, once each, at the end.
/// </summary>
internal static class CompiledSettledGraph
{
    private const int ChunkSize = 4_096;

    public static SettledGraph Explore(FailoverPair pair, IReadOnlyList<Event> alphabet, int maxStates = int.MaxValue, Action<int, int>? progress = null, CancellationToken cancellation = default, int threads = 0)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var codec = new StateCodec(pair.Initial);
        var workers = Enumerable.Range(0, threads).Select(_ => new Settler(pair.Clone(), alphabet)).ToArray();
        var store = new StateStore();
        store.Add(codec.Encode(Explorer.WithoutReasons(pair.Run([], pair.Initial))), -1, -1);
        var starts = new List<int>();
        var targets = new List<int>();
        var events = new List<int>();
        var successors = Enumerable.Range(0, ChunkSize).Select(_ => new List<(int Event, StateKey Target)>(alphabet.Count)).ToArray();
        var complete = true;
        var cancelled = false;
        for (int first = 0, count; first < store.Count; first += count)
        {
            progress?.Invoke(first, store.Count);
            if (cancellation.IsCancellationRequested)
            {
                cancelled = true;
                complete = false;
                break;
            }

            count = Math.Min(ChunkSize, store.Count - first);
            var share = (count + threads - 1) / threads;
            var from = first;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
            {
                for (var k = w * share; k < Math.Min(count, (w + 1) * share); k++)
                {
                    workers[w].Successors(store[from + k], successors[k]);
                }
            });

            for (var k = 0; k < count; k++)
            {
                starts.Add(targets.Count);
                foreach (var (e, target) in CollectionsMarshal.AsSpan(successors[k]))
                {
                    var t = store.IndexOf(target, out var slot);
                    if (t < 0)
                    {
                        if (store.Count >= maxStates)
                        {
                            complete = false;
                            continue;
                        }

                        t = store.AddNew(target, slot, first + k, (short)e);
                    }

                    targets.Add(t);
                    events.Add(e);
                }
            }
        }

        // States not expanded (cancelled) keep no edges: the graph is cut there, as a bound cuts it.
        while (starts.Count < store.Count)
        {
            starts.Add(targets.Count);
        }

        starts.Add(targets.Count);
        progress?.Invoke(store.Count, store.Count);
        var states = new List<PairState>(store.Count);
        var parent = new int[store.Count];
        var parentEvent = new int[store.Count];
        for (var i = 0; i < store.Count; i++)
        {
            states.Add(codec.Decode(store[i]));
            parent[i] = store.Parent(i);
            parentEvent[i] = store.Via(i);
        }

        return SettledGraph.FromParts(pair, alphabet, states, [.. starts], [.. targets], [.. events], parent, parentEvent, complete, cancelled);
    }

    /// <summary>One worker: its packed pair, the alphabet packed, and the settle after each event.</summary>
    private sealed class Settler(FailoverPair pair, IReadOnlyList<Event> alphabet)
    {
        private static readonly ulong History = ((1UL << RunHistory.Bits) - 1) << PackedHead.HistoryShift;
        private readonly PackedPair _pair = new(pair);
        private readonly PackedEvent[] _events = [.. alphabet.Select(e => PackedEvent.Of(pair.Config, e))];

        /// <summary>The targets of every event that changes <paramref name="key"/>, in the alphabet's order.</summary>
        public void Successors(in StateKey key, List<(int Event, StateKey Target)> into)
        {
            into.Clear();
            for (var e = 0; e < _events.Length; e++)
            {
                var work = new PackedWork(key);
                _pair.Apply(ref work, _events[e]);
                for (var steps = 0; _pair.NextInternal(work) is var next and >= 0; steps++)
                {
                    if (steps == FailoverPair.MaxSettleSteps)
                    {
                        throw new InvalidOperationException($"the pair did not settle within {FailoverPair.MaxSettleSteps} internal steps");
                    }

                    _pair.Apply(ref work, _pair.InternalPacked[next]);
                }

                var target = work.Key;
                target = target with { Head = target.Head & ~History };
                if (target != key)
                {
                    into.Add((e, target));
                }
            }
        }
    }
}
