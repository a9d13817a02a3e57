using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The explorer on packed states: the same breadth-first search as <see cref="Explorer"/> — same alphabet, same
/// canonical keys in the same store, same invariants, witnesses and shortest counterexamples — with each transition
/// stepped by the <see cref="PackedPair"/> instead of the reference pair over snapshots: no snapshot is built and nothing is
/// allocated per transition. The properties check the two agree on every transition of whole explorations. Expansion runs on every core, the merge into the store on one.
/// </summary>
public sealed class CompiledExplorer(FailoverPair pair, IReadOnlyList<Event> alphabet)
{
    private readonly StateCanonicalizer _canonical = new(pair.Config);

    /// <summary>The compiled explorer over the pair's configuration and its usual alphabet (<c>EventAlphabet</c>: faults, links, interfaces, failover commands).</summary>
    public CompiledExplorer(FailoverPair pair)
        : this(pair, EventAlphabet.For(pair.Config))
    {
    }

    /// <summary>The pair whose rules and machines step the packed states (the reference the agreement properties compare with).</summary>
    public FailoverPair Pair { get; } = pair;

    /// <summary>The external events tried at every state.</summary>
    public IReadOnlyList<Event> Alphabet { get; } = alphabet;

    /// <summary>Keep the last exploration's store (<see cref="LastStore"/>), for the benchmark's floor.</summary>
    public bool KeepStore { get; init; }

    /// <summary>The states of the last exploration, when <see cref="KeepStore"/> is set.</summary>
    internal StateStore? LastStore { get; private set; }

    /// <summary>Bytes per stored state of the last exploration (the benchmark reports it).</summary>
    public double LastBytesPerState { get; private set; }

    /// <summary>Told every state and transition as they are explored, for a graph file (<c>explore --graph</c>).</summary>
    internal Graph.IGraphListener? GraphListener { get; init; }

    /// <summary>
    /// Explores from the initial snapshot, stopping at the first violation or when <paramref name="cancellation"/> is
    /// cancelled, with the same result <see cref="Explorer.Explore"/> gives. States are expanded
    /// <paramref name="threads"/> at a time (0: every core) in chunks of the breadth-first order and their successors
    /// merged in that order, so the result is the same whatever the thread count.
    /// </summary>
    public ExplorationResult Explore(
        int maxStates = int.MaxValue,
        IReadOnlyList<Invariant>? invariants = null,
        Action<int, long>? progress = null,
        Action<int, int, long>? expanded = null,
        CancellationToken cancellation = default,
        int threads = 0)
    {
        invariants ??= SeedInvariants.All;
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var codec = new StateCodec(Pair.Initial);
        var steppers = Enumerable.Range(0, threads).Select(_ => new CompiledStepper(Pair.Clone(), Alphabet, codec, invariants)).ToArray();
        var store = new StateStore();
        store.Add(codec.Encode(_canonical.Canonical(Pair.Initial), default), -1, -2);
        var paths = new ShortestPaths(Pair, Alphabet, codec, store, _canonical.Canonical);
        var seen = new WitnessesSeen<int>(Alphabet, Pair.Config.GroupCount);
        long transitions = 0;
        long checks = 0;
        var cancelled = false;
        Counterexample? violation = null;

        if (SeedInvariants.FirstViolation(new InvariantContext(Pair, null, null, Pair.Initial), invariants) is { } atStart)
        {
            violation = new Counterexample(atStart.Invariant, atStart.Evidence, []);
        }

        var graphFeed = GraphListener is null ? null : new Graph.ReachableGraphFeed(GraphListener, codec); // graph file
        graphFeed?.Initial(store[0], violation?.Invariant.Name); // graph file

        var chunks = new BreadthFirstChunks<PackedSuccessor>(store, Alphabet.Count + 1, maxStates, progress, expanded, cancellation);
        for (int first = 0, count; first < store.Count && violation is null; first += count)
        {
            if (!chunks.Continue(first, transitions))
            {
                cancelled = true;
                break;
            }

            count = chunks.Expand(steppers, first, static (stepper, key, into) => stepper.Expand(key, into));
            for (var k = 0; k < count && violation is null; k++)
            {
                var s = first + k;
                foreach (ref readonly var successor in CollectionsMarshal.AsSpan(chunks.Successors(k)))
                {
                    if (successor.CommandOnlyLogged)
                    {
                        seen.Command(successor.Via, s, successor.Event);
                        continue;
                    }

                    transitions++;
                    checks += invariants.Count;
                    if (successor.Verdict != CompiledStepper.Holds)
                    {
                        var (invariant, evidence) = steppers[0].Violation(store[s], successor.Event, successor.Verdict);
                        graphFeed?.Transition(store[s], successor.Target, successor.Event, successor.Via, successor.Rows, isNew: !store.Contains(successor.Target), kept: true, invariant.Name); // graph file
                        violation = new Counterexample(invariant, evidence, paths.PathThrough(s, successor.Event, successor.Target));
                        break;
                    }

                    seen.Transition(s, successor);
                    var storedBefore = store.Count; // graph file
                    chunks.Store(successor.Target, s, successor.Via);
                    graphFeed?.Transition(store[s], successor.Target, successor.Event, successor.Via, successor.Rows, isNew: store.Count > storedBefore, kept: store.Count > storedBefore || store.Contains(successor.Target), violation: null); // graph file
                }
            }
        }

        if (!cancelled)
        {
            graphFeed?.End(chunks.Bounded, transitions); // graph file
        }

        expanded?.Invoke(store.Count, store.Count, transitions);
        progress?.Invoke(store.Count, transitions);
        var found = seen.Witnesses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new Witness(w.Key, w.Value.Target is { } target ? paths.PathThrough(w.Value.Source, w.Value.Event, target) : [.. paths.Path(w.Value.Source).Events, w.Value.Event]));
        LastBytesPerState = store.BytesPerState + 2;
        LastStore = KeepStore ? store : null;
        return new ExplorationResult(store.Count, transitions, chunks.MaxDepth, !cancelled && !chunks.Bounded && violation is null, checks, violation, [.. found], clock.Elapsed) { Cancelled = cancelled };
    }
}
