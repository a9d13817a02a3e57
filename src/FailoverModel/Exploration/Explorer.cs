using FailoverModel.Topology;
using System.Collections.Immutable;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;

namespace FailoverModel.Exploration;

/// <summary>A violated invariant, the evidence and the shortest event sequence from power-off that reaches it.</summary>
public sealed record Counterexample(Invariant Invariant, string Evidence, ImmutableArray<Event> Path);

/// <summary>The shortest path to the first state showing something (a group state, a table row, a command taking effect).</summary>
public sealed record Witness(string What, ImmutableArray<Event> Path);

/// <summary>What exploration found.</summary>
public sealed record ExplorationResult(
    int States,
    long Transitions,
    int Depth,
    bool Complete,
    long InvariantChecks,
    Counterexample? Violation,
    ImmutableArray<Witness> Witnesses,
    TimeSpan Elapsed)
{
    /// <summary>Whether the exploration stopped early because it was cancelled (it is then not complete).</summary>
    public bool Cancelled { get; init; }
}

/// <summary>
/// Breadth-first exploration of every reachable snapshot, with every invariant checked on every transition. A state's
/// successors are its next internal step (the one settle would take) and every external event of the alphabet that
/// changes it, so faults and commands land between any two internal steps: a fault in the middle of a Bulk Sync is
/// reachable. States are stored once each, as their canonical representative; edges are not stored.
/// </summary>
public sealed class Explorer(FailoverPair pair, IReadOnlyList<Event> alphabet)
{
    private readonly StateCanonicalizer _canonical = new(pair.Config);

    /// <summary>An explorer over the pair's configuration and its usual alphabet (<c>EventAlphabet</c>: faults, links, interfaces, failover commands).</summary>
    public Explorer(FailoverPair pair)
        : this(pair, EventAlphabet.For(pair.Config))
    {
    }

    /// <summary>The pair whose snapshots are stepped: the reference model.</summary>
    public FailoverPair Pair { get; } = pair;

    /// <summary>The external events tried at every state.</summary>
    public IReadOnlyList<Event> Alphabet { get; } = alphabet;

    /// <summary>The state with every Last Failure Reason cleared (each unit's own, and its mate's as last heard); no guard reads it.</summary>
    public static PairState WithoutReasons(PairState state) =>
        state with { Primary = WithoutReasons(state.Primary), Secondary = WithoutReasons(state.Secondary) };

    /// <summary>The representative the explorer stores for a snapshot: reasons cleared, interchangeable interfaces sorted, a stale view reduced to what guards read (the same futures, so the same verdicts).</summary>
    public PairState Canonical(PairState state) => _canonical.Canonical(state);

    /// <summary>The successors of a snapshot, internal step first, each with the event that leads there (not canonical).</summary>
    public IEnumerable<(Event Event, StepResult Result)> Successors(PairState state)
    {
        if (Pair.NextInternal(state) is { } next)
        {
            yield return (next, Pair.Apply(state, next, quiet: true));
        }

        foreach (var @event in Alphabet)
        {
            var result = Pair.Apply(state, @event, quiet: true);
            if (result.Changed)
            {
                yield return (@event, result);
            }
        }
    }

    /// <summary>
    /// Explores from the initial snapshot, stopping at the first violation or when <paramref name="cancellation"/> is
    /// cancelled; <paramref name="progress"/> sees the counts of states expanded, states found and transitions after
    /// every chunk. States are expanded <paramref name="threads"/> at a time in chunks of the breadth-first order
    /// and their successors merged in that order, so the result is the same whatever the thread count.
    /// </summary>
    public ExplorationResult Explore(
        int maxStates = int.MaxValue,
        IReadOnlyList<Invariant>? invariants = null,
        Action<int, long>? progress = null,
        int threads = 0,
        Action<int, int, long>? expanded = null,
        CancellationToken cancellation = default)
    {
        invariants ??= SeedInvariants.All;
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codec = new StateCodec(Pair.Initial);
        var store = new StateStore();
        store.Add(codec.Encode(Canonical(Pair.Initial), default), -1, -2);
        var witnesses = new Dictionary<string, (int Source, Event Event)>();
        var witnessTargets = new Dictionary<string, StateKey>();
        long transitions = 0;
        long checks = 0;
        Counterexample? violation = null;
        var paths = new ShortestPaths(Pair, Alphabet, codec, store, Canonical);

        var start = new InvariantContext(Pair, null, null, Pair.Initial);
        if (SeedInvariants.FirstViolation(start, invariants) is { } atStart)
        {
            violation = new Counterexample(atStart.Invariant, atStart.Evidence, []);
        }

        var workers = Enumerable.Range(0, threads).Select(_ => new Worker(Pair.Clone(), this, codec, invariants)).ToArray();
        var cancelled = false;
        var chunks = new BreadthFirstChunks<Successor>(store, Alphabet.Count + 1, maxStates, progress, expanded, cancellation);
        for (int first = 0, count; first < store.Count && violation is null; first += count)
        {
            if (!chunks.Continue(first, transitions))
            {
                cancelled = true;
                break;
            }

            count = chunks.Expand(workers, first, static (worker, key, into) => worker.Expand(key, into));
            for (var k = 0; k < count && violation is null; k++)
            {
                var s = first + k;
                foreach (var successor in chunks.Successors(k))
                {
                    if (successor.CommandOnlyLogged)
                    {
                        // A command that only logs (write standby replicating an identical configuration) still took effect.
                        witnesses.TryAdd(CommandWitness(successor.Event), (s, successor.Event));
                        continue;
                    }

                    transitions++;
                    checks += invariants.Count;
                    if (successor.Violation is { } broken)
                    {
                        violation = new Counterexample(broken.Invariant, broken.Evidence, paths.PathThrough(s, successor.Event, successor.Target));
                        break;
                    }

                    Witness(witnesses, s, successor, Pair.Config.GroupCount, witnessTargets);
                    chunks.Store(successor.Target, s, successor.Via);
                }
            }
        }

        progress?.Invoke(store.Count, transitions);
        var found = witnesses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new Witness(w.Key, witnessTargets.TryGetValue(w.Key, out var target) ? paths.PathThrough(w.Value.Source, w.Value.Event, target) : [.. paths.Path(w.Value.Source).Events, w.Value.Event]));
        LastBytesPerState = store.BytesPerState + 2;
        return new ExplorationResult(store.Count, transitions, chunks.MaxDepth, !cancelled && !chunks.Bounded && violation is null, checks, violation, [.. found], clock.Elapsed) { Cancelled = cancelled };
    }

    /// <summary>Bytes per stored state of the last exploration (the benchmark reports it).</summary>
    public double LastBytesPerState { get; private set; }

    /// <summary>One successor of an expanded state, as the merge needs it.</summary>
    private readonly record struct Successor(Event Event, short Via, StateKey Target, PairState State, ImmutableArray<FailureEvent> Rows, (Invariant Invariant, string Evidence)? Violation, bool CommandOnlyLogged);

    /// <summary>Expands states on one thread, with its own pair (a pair steps one snapshot at a time).</summary>
    private sealed class Worker(FailoverPair pair, Explorer explorer, StateCodec codec, IReadOnlyList<Invariant> invariants)
    {
        public void Expand(StateKey key, List<Successor> into)
        {
            into.Clear();
            var state = codec.Decode(key);
            var history = StateCodec.History(key);
            if (pair.NextInternal(state) is { } next)
            {
                Add(state, history, key, next, -1, pair.Apply(state, next, quiet: true), into);
            }

            var alphabet = explorer.Alphabet;
            for (var e = 0; e < alphabet.Count; e++)
            {
                var result = pair.Apply(state, alphabet[e], quiet: true);
                if (result.Changed)
                {
                    Add(state, history, key, alphabet[e], (short)e, result, into);
                }
                else if (alphabet[e] is CommandEvent && !result.Messages.IsEmpty)
                {
                    into.Add(new Successor(alphabet[e], (short)e, key, state, [], null, CommandOnlyLogged: true));
                }
            }
        }

        private void Add(PairState state, RunHistory history, StateKey key, Event @event, short via, StepResult result, List<Successor> into)
        {
            var target = codec.Encode(explorer.Canonical(result.State), RunHistory.Next(pair.Config, state, result.State, history));
            if (target == key)
            {
                return;
            }

            var violation = SeedInvariants.FirstViolation(new InvariantContext(pair, state, @event, result.State) { History = history }, invariants);
            into.Add(new Successor(@event, via, target, result.State, result.Rows, violation, CommandOnlyLogged: false));
        }
    }

    /// <summary>Every group state, every table row and every command that takes effect is a witness the explorer must reach.</summary>
    public static IEnumerable<string> RequiredWitnesses(Topology.PairConfig config) =>
        [
            .. Machines.GroupStates.All.Select(s => $"group state {s.Display()}"),
            // Row 6 needs a Stateful Failover link of its own.
            .. FailureEventTable.Rows.Where(r => r.Event != FailureEvent.StatefulFailoverLinkFailed || (config.StateLink is not null && !config.StateLinkIsFailoverLink))
                .Select(r => $"table row {r.Number}"),
            .. EventAlphabet.For(config).OfType<CommandEvent>().Select(c => $"command {c.Command}").Distinct(),
        ];

    // Witness names, made once: the explorer records witnesses on every transition.
    internal static readonly string[] GroupStateWitness = [.. Enum.GetValues<Machines.GroupState>().Select(s => $"group state {s.Display()}")];
    internal static readonly string[] RowWitness = [.. Enumerable.Range(0, 8).Select(r => $"table row {r}")];
    private readonly Dictionary<Event, string> _commandWitness = [];

    private void Witness(Dictionary<string, (int, Event)> witnesses, int source, Successor successor, int groups, Dictionary<string, StateKey> targets)
    {
        foreach (var unit in Topology.UnitRoles.Both)
        {
            foreach (var g in Pair.Config.GroupIds)
            {
                var name = GroupStateWitness[(int)successor.State.GroupState(unit, g)];
                if (witnesses.TryAdd(name, (source, successor.Event)))
                {
                    targets[name] = successor.Target;
                }
            }
        }

        foreach (var row in successor.Rows)
        {
            if (witnesses.TryAdd(RowWitness[(int)row], (source, successor.Event)))
            {
                targets[RowWitness[(int)row]] = successor.Target;
            }
        }

        if (successor.Event is CommandEvent)
        {
            witnesses.TryAdd(CommandWitness(successor.Event), (source, successor.Event));
        }
    }

    private string CommandWitness(Event @event)
    {
        if (!_commandWitness.TryGetValue(@event, out var name))
        {
            _commandWitness[@event] = name = $"command {((CommandEvent)@event).Command}";
        }

        return name;
    }

    private static UnitState WithoutReasons(UnitState unit) => unit with
    {
        Group1 = unit.Group1 with { Reason = Machines.FailureReason.None },
        Group2 = unit.Group2 with { Reason = Machines.FailureReason.None },
        View = unit.View with { Reason1 = Machines.FailureReason.None, Reason2 = Machines.FailureReason.None },
    };
}
