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
    TimeSpan Elapsed);

/// <summary>
/// Breadth-first exploration of every reachable snapshot, with every invariant checked on every transition. A state's
/// successors are its next internal step (the one settle would take) and every external event of the alphabet that
/// changes it, so faults and commands land between any two internal steps: a fault in the middle of a Bulk Sync is
/// reachable. States are stored once each, as their canonical representative; edges are not stored.
/// </summary>
public sealed class Explorer(FailoverPair pair, IReadOnlyList<Event> alphabet)
{
    private readonly StateCanonicalizer _canonical = new(pair.Config);

    public Explorer(FailoverPair pair)
        : this(pair, EventAlphabet.For(pair.Config))
    {
    }

    public FailoverPair Pair { get; } = pair;

    public IReadOnlyList<Event> Alphabet { get; } = alphabet;

    /// <summary>The state with every Last Failure Reason cleared; no guard reads it.</summary>
    public static PairState WithoutReasons(PairState state) =>
        state with { Primary = WithoutReasons(state.Primary), Secondary = WithoutReasons(state.Secondary) };

    public PairState Canonical(PairState state) => _canonical.Canonical(state);

    /// <summary>The successors of a snapshot, internal step first, each with the event that leads there (not canonical).</summary>
    public IEnumerable<(Event Event, StepResult Result)> Successors(PairState state) => Successors(state, null, 0);

    private IEnumerable<(Event Event, StepResult Result)> Successors(PairState state, Dictionary<string, (int, Event)>? witnessCommands, int source)
    {
        if (Pair.NextInternal(state) is { } next)
        {
            yield return (next, Pair.Apply(state, next));
        }

        foreach (var @event in Alphabet)
        {
            var result = Pair.Apply(state, @event);
            if (result.Changed)
            {
                yield return (@event, result);
            }
            else if (witnessCommands is not null && @event is CommandEvent command && !result.Messages.IsEmpty)
            {
                // A command that only logs (write standby replicating an identical configuration) still took effect.
                witnessCommands.TryAdd($"command {command.Command}", (source, @event));
            }
        }
    }

    /// <summary>Explores from the initial snapshot, stopping at the first violation; <paramref name="progress"/> sees the state count now and then.</summary>
    public ExplorationResult Explore(
        int maxStates = int.MaxValue,
        IReadOnlyList<Invariant>? invariants = null,
        Action<int, long>? progress = null)
    {
        invariants ??= SeedInvariants.All;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Canonical forms only decide whether a state was seen; the state kept and stepped is the one the path reached,
        // so every path the explorer reports replays event for event.
        var index = new HashSet<PairState> { Canonical(Pair.Initial) };
        var states = new List<PairState> { Pair.Initial };
        var parent = new List<int> { -1 };
        var via = new List<Event?> { null };
        var depth = new List<int> { 0 };
        var witnesses = new Dictionary<string, (int Source, Event Event)>();
        long transitions = 0;
        long checks = 0;
        var complete = true;
        Counterexample? violation = null;

        var start = new InvariantContext(Pair, null, null, Pair.Initial);
        if (SeedInvariants.FirstViolation(start, invariants) is { } atStart)
        {
            violation = new Counterexample(atStart.Invariant, atStart.Evidence, []);
        }

        for (var s = 0; s < states.Count && violation is null; s++)
        {
            var state = states[s];
            var canonicalState = Canonical(state);
            if (progress is not null && s % 50_000 == 0)
            {
                progress(states.Count, transitions);
            }

            foreach (var (@event, result) in Successors(state, witnessCommands: witnesses, source: s))
            {
                var target = Canonical(result.State);
                if (target.Equals(canonicalState))
                {
                    continue;
                }

                transitions++;
                checks += invariants.Count;
                if (SeedInvariants.FirstViolation(new InvariantContext(Pair, state, @event, result.State), invariants) is { } broken)
                {
                    violation = new Counterexample(broken.Invariant, broken.Evidence, [.. Path(s), @event]);
                    break;
                }

                Witness(witnesses, s, @event, result, Pair.Config.GroupCount);
                if (index.Contains(target))
                {
                    continue;
                }

                if (states.Count >= maxStates)
                {
                    complete = false;
                    continue;
                }

                index.Add(target);
                states.Add(result.State);
                parent.Add(s);
                via.Add(@event);
                depth.Add(depth[s] + 1);
            }
        }

        progress?.Invoke(states.Count, transitions);
        var found = witnesses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new Witness(w.Key, [.. Path(w.Value.Source), w.Value.Event]));
        return new ExplorationResult(states.Count, transitions, depth.Max(), complete && violation is null, checks, violation, [.. found], clock.Elapsed);

        IEnumerable<Event> Path(int state)
        {
            var path = new List<Event>();
            while (parent[state] >= 0)
            {
                path.Add(via[state]!);
                state = parent[state];
            }

            path.Reverse();
            return path;
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

    private static void Witness(Dictionary<string, (int, Event)> witnesses, int source, Event @event, StepResult result, int groups)
    {
        foreach (var unit in Topology.UnitRoles.Both)
        {
            for (var g = 1; g <= groups; g++)
            {
                witnesses.TryAdd($"group state {result.State.GroupState(unit, g).Display()}", (source, @event));
            }
        }

        foreach (var row in result.Rows)
        {
            witnesses.TryAdd($"table row {(int)row}", (source, @event));
        }

        if (@event is CommandEvent command)
        {
            witnesses.TryAdd($"command {command.Command}", (source, @event));
        }
    }

    private static UnitState WithoutReasons(UnitState unit) => unit with
    {
        Group1 = unit.Group1 with { Reason = Machines.FailureReason.None },
        Group2 = unit.Group2 with { Reason = Machines.FailureReason.None },
    };
}
