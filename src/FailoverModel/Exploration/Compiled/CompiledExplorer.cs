using System.Collections.Immutable;
using System.Diagnostics;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The explorer on packed states: the same breadth-first search as <see cref="Explorer"/> — same alphabet, same
/// canonical keys in the same store, same invariants, witnesses and shortest counterexamples — with each transition
/// stepped by the <see cref="PackedPair"/> instead of the reference pair over snapshots: no snapshot is built and nothing is
/// allocated per transition. The properties check the two agree on every transition of whole explorations. One thread.
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

    /// <summary>
    /// Explores from the initial snapshot, stopping at the first violation or when <paramref name="cancellation"/> is
    /// cancelled, with the same result <see cref="Explorer.Explore"/> gives.
    /// </summary>
    public ExplorationResult Explore(
        int maxStates = int.MaxValue,
        IReadOnlyList<Invariant>? invariants = null,
        Action<int, long>? progress = null,
        Action<int, int, long>? expanded = null,
        CancellationToken cancellation = default)
    {
        invariants ??= SeedInvariants.All;
        var clock = Stopwatch.StartNew();
        var codec = new StateCodec(Pair.Initial);
        var stepper = new CompiledStepper(Pair, Alphabet, codec, invariants);
        var store = new StateStore();
        store.Add(codec.Encode(_canonical.Canonical(Pair.Initial), default), -1, -2);
        var depth = new List<ushort> { 0 };
        var paths = new ShortestPaths(Pair, Alphabet, codec, store, _canonical.Canonical);
        var witnesses = new Dictionary<string, (int Source, Event Event)>();
        var witnessTargets = new Dictionary<string, StateKey>();
        var commandWitness = Alphabet.Select(e => e is CommandEvent c ? $"command {c.Command}" : null).ToArray();
        long transitions = 0;
        long checks = 0;
        var complete = true;
        var cancelled = false;
        Counterexample? violation = null;
        var maxDepth = 0;

        if (SeedInvariants.FirstViolation(new InvariantContext(Pair, null, null, Pair.Initial), invariants) is { } atStart)
        {
            violation = new Counterexample(atStart.Invariant, atStart.Evidence, []);
        }

        var successors = new List<PackedSuccessor>(Alphabet.Count + 1);
        var nextProgress = 0;
        for (var s = 0; s < store.Count && violation is null; s++)
        {
            if ((s & 4095) == 0)
            {
                expanded?.Invoke(s, store.Count, transitions);
                if (cancellation.IsCancellationRequested)
                {
                    cancelled = true;
                    complete = false;
                    break;
                }

                if (progress is not null && s >= nextProgress)
                {
                    progress(store.Count, transitions);
                    nextProgress += 50_000;
                }
            }

            var key = store[s];
            stepper.Expand(key, successors);
            foreach (var successor in successors)
            {
                var @event = successor.Event;
                if (successor.CommandOnlyLogged)
                {
                    witnesses.TryAdd(commandWitness[successor.Via]!, (s, @event));
                    continue;
                }

                transitions++;
                checks += invariants.Count;
                if (successor.Verdict != CompiledStepper.Holds)
                {
                    var (invariant, evidence) = stepper.Violation(key, @event, successor.Verdict);
                    violation = new Counterexample(invariant, evidence, paths.PathThrough(s, @event, successor.Target));
                    break;
                }

                Witness(witnesses, witnessTargets, s, @event, successor, successor.Via < 0 ? null : commandWitness[successor.Via]);
                if (store.Contains(successor.Target))
                {
                    continue;
                }

                if (store.Count >= maxStates)
                {
                    complete = false;
                    continue;
                }

                store.Add(successor.Target, s, successor.Via);
                var d = depth[s] + 1;
                depth.Add((ushort)d);
                maxDepth = Math.Max(maxDepth, d);
            }
        }

        expanded?.Invoke(store.Count, store.Count, transitions);
        progress?.Invoke(store.Count, transitions);
        var found = witnesses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new Witness(w.Key, witnessTargets.TryGetValue(w.Key, out var target) ? paths.PathThrough(w.Value.Source, w.Value.Event, target) : [.. paths.Path(w.Value.Source).Events, w.Value.Event]));
        LastBytesPerState = store.BytesPerState + 2;
        LastStore = KeepStore ? store : null;
        return new ExplorationResult(store.Count, transitions, maxDepth, complete && violation is null, checks, violation, [.. found], clock.Elapsed) { Cancelled = cancelled };
    }

    /// <summary>The witnesses a transition shows: each group state on each unit after it, its table rows, its command.</summary>
    private void Witness(Dictionary<string, (int, Event)> witnesses, Dictionary<string, StateKey> targets, int source, Event @event, in PackedSuccessor successor, string? command)
    {
        for (var unit = 0; unit < 2; unit++)
        {
            for (var g = 1; g <= Pair.Config.GroupCount; g++)
            {
                var name = Explorer.GroupStateWitness[(int)PackedHead.Group(successor.Raw.Head, unit, g)];
                if (witnesses.TryAdd(name, (source, @event)))
                {
                    targets[name] = successor.Target;
                }
            }
        }

        for (var row = 1; row < 8; row++)
        {
            if ((successor.Rows & (1 << row)) != 0 && witnesses.TryAdd(Explorer.RowWitness[row], (source, @event)))
            {
                targets[Explorer.RowWitness[row]] = successor.Target;
            }
        }

        if (command is not null)
        {
            witnesses.TryAdd(command, (source, @event));
        }
    }
}
