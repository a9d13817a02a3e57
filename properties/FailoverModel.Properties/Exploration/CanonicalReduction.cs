using FailoverModel.Exploration;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Properties.Exploration;

/// <summary>
/// Checks that the explorers' reduction is exact: the explorers store one representative for every state with the same
/// canonical form (reasons cleared, the interfaces of a class sorted — the counter abstraction —, stale views cut to
/// what guards read) and step only that representative. That is sound and complete when every state the pair really
/// reaches, with its reasons, interface identities and views as they are, has the same futures as its representative:
/// the same set of (canonical target, table rows, first invariant violated) over its successors. A transition the
/// reduction turns into a self-loop is dropped by the explorers unchecked, so it must violate nothing.
/// Here the pair is stepped without any reduction, from power-off, breadth first, or along a walk (<see cref="CheckState"/>).
/// </summary>
internal sealed class CanonicalReduction
{
    private readonly FailoverPair _pair;
    private readonly IReadOnlyList<Event> _alphabet;
    private readonly StateCodec _codec;
    private readonly Func<PairState, PairState> _reduce;

    /// <param name="config">The pair.</param>
    /// <param name="reduce">The reduction under test; the explorers' own (<see cref="StateCanonicalizer"/>) when null.</param>
    public CanonicalReduction(PairConfig config, Func<PairState, PairState>? reduce = null)
    {
        _pair = new FailoverPair(config);
        _alphabet = EventAlphabet.For(config);
        _codec = new StateCodec(_pair.Initial);
        _reduce = reduce ?? new StateCanonicalizer(config).Canonical;
    }

    /// <summary>Raw states (unreduced snapshot and observer history) stepped.</summary>
    public int RawStates { get; private set; }

    /// <summary>Raw transitions stepped, the representatives' not counted.</summary>
    public long Transitions { get; private set; }

    /// <summary>The canonical states the raw states fall into.</summary>
    public HashSet<StateKey> Classes { get; } = [];

    /// <summary>Whether the last <see cref="Check"/> stepped every reachable raw state.</summary>
    public bool Complete { get; private set; }

    /// <summary>Breadth first over at most <paramref name="maxRawStates"/> raw states: the first state whose futures differ from its representative's, or null.</summary>
    public string? Check(int maxRawStates = int.MaxValue)
    {
        var initial = (_pair.Initial, default(RunHistory));
        var seen = new HashSet<(PairState, RunHistory)> { initial };
        var queue = new Queue<(PairState State, RunHistory History)>([initial]);
        Complete = true;
        while (queue.TryDequeue(out var raw))
        {
            var (disagreement, targets) = CheckState(raw.State, raw.History);
            if (disagreement is not null)
            {
                return disagreement;
            }

            foreach (var target in targets)
            {
                if (seen.Count >= maxRawStates)
                {
                    Complete = false;
                    break;
                }

                if (seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }

    /// <summary>One raw state against its representative: the disagreement or null, and the raw successors (snapshot and history after).</summary>
    public (string? Disagreement, IReadOnlyList<(PairState State, RunHistory History)> Targets) CheckState(PairState state, RunHistory history)
    {
        RawStates++;
        var representative = _reduce(state);
        var key = _codec.Encode(representative, history);
        Classes.Add(key);
        var (futures, targets, loopViolation) = Futures(state, history, key);
        Transitions += targets.Count;
        if (loopViolation is not null)
        {
            return ($"from {state}: {loopViolation}", targets);
        }

        if (representative != state)
        {
            var (expected, _, _) = Futures(representative, history, key);
            if (!futures.SetEquals(expected))
            {
                return ($"{state} has futures its representative {representative} lacks: {string.Join(", ", futures.Except(expected))}; "
                    + $"the representative has: {string.Join(", ", expected.Except(futures))}", targets);
            }
        }

        return (null, targets);
    }

    private StateKey Key(PairState state, RunHistory history) => _codec.Encode(_reduce(state), history);

    /// <summary>The successors as the explorers see them, the raw targets, and a violation on a transition the reduction makes a self-loop.</summary>
    private (HashSet<(StateKey Target, int Rows, short Verdict)> Futures, List<(PairState, RunHistory)> Targets, string? LoopViolation) Futures(PairState state, RunHistory history, StateKey own)
    {
        var futures = new HashSet<(StateKey, int, short)>();
        var targets = new List<(PairState, RunHistory)>();
        var events = _pair.NextInternal(state) is { } next ? _alphabet.Prepend(next) : _alphabet;
        foreach (var @event in events)
        {
            var result = _pair.Apply(state, @event, quiet: true);
            if (!result.Changed)
            {
                continue;
            }

            var nextHistory = RunHistory.Next(_pair.Config, state, result.State, history);
            targets.Add((result.State, nextHistory));
            var violation = SeedInvariants.FirstViolation(new InvariantContext(_pair, state, @event, result.State) { History = history });
            var target = Key(result.State, nextHistory);
            if (target == own)
            {
                if (violation is { } loop)
                {
                    return (futures, targets, $"'{@event}' violates {loop.Invariant.Name} on a step the reduction drops as a self-loop");
                }

                continue;
            }

            var verdict = violation is { } v ? (short)SeedInvariants.All.IndexOf(v.Invariant) : (short)-1;
            futures.Add((target, result.Rows.Aggregate(0, (m, r) => m | (1 << (int)r)), verdict));
        }

        return (futures, targets, null);
    }
}
