using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Properties.Exploration;

/// <summary>
/// Compares the compiled stepper with the reference pair, transition by transition: for a stored (canonical) state,
/// the successors each gives — event, canonical target, table rows, first invariant violated, "command only logged" —
/// in the explorer's order. The reference side is what the reference explorer computes: decode, apply every event on
/// the snapshot, canonicalize the snapshot, encode.
/// </summary>
internal sealed class CompiledStepAgreement
{
    private readonly FailoverPair _pair;
    private readonly IReadOnlyList<Event> _alphabet;
    private readonly StateCodec _codec;
    private readonly StateCanonicalizer _canonical;
    private readonly CompiledStepper _stepper;
    private readonly List<PackedSuccessor> _compiled = [];

    public CompiledStepAgreement(PairConfig config, PackedPairFault fault = PackedPairFault.None)
    {
        _pair = new FailoverPair(config);
        _alphabet = EventAlphabet.For(config);
        _codec = new StateCodec(_pair.Initial);
        _canonical = new StateCanonicalizer(config);
        _stepper = new CompiledStepper(_pair, _alphabet, _codec, SeedInvariants.All, fault);
    }

    public StateKey Initial => _codec.Encode(_canonical.Canonical(_pair.Initial), default);

    public long Transitions { get; private set; }

    /// <summary>The successors' targets of a state, after checking both sides agree on it; the disagreement otherwise.</summary>
    public (IReadOnlyList<StateKey> Targets, string? Disagreement) Compare(StateKey key)
    {
        _stepper.Expand(key, _compiled);
        var compiled = _compiled.Select(s => Describe(s.Event, s.Target, s.Rows, s.Verdict, s.CommandOnlyLogged)).ToList();
        var reference = Reference(key).ToList();
        Transitions += reference.Count;
        for (var i = 0; i < Math.Max(compiled.Count, reference.Count); i++)
        {
            var c = i < compiled.Count ? compiled[i] : "(none)";
            var r = i < reference.Count ? reference[i].Text : "(none)";
            if (c != r)
            {
                return ([], $"from {_codec.Decode(key)}: compiled {c}, reference {r}");
            }
        }

        return ([.. reference.Select(r => r.Target)], null);
    }

    private IEnumerable<(string Text, StateKey Target)> Reference(StateKey key)
    {
        var state = _codec.Decode(key);
        var history = StateCodec.History(key);
        var events = _pair.NextInternal(state) is { } next ? _alphabet.Prepend(next) : _alphabet;
        foreach (var @event in events)
        {
            var result = _pair.Apply(state, @event, quiet: true);
            if (!result.Changed)
            {
                if (@event is CommandEvent && !result.Messages.IsEmpty)
                {
                    yield return (Describe(@event, key, 0, CompiledStepper.Holds, true), key);
                }

                continue;
            }

            var target = _codec.Encode(_canonical.Canonical(result.State), RunHistory.Next(_pair.Config, state, result.State, history));
            if (target == key)
            {
                continue;
            }

            var violation = SeedInvariants.FirstViolation(new InvariantContext(_pair, state, @event, result.State) { History = history });
            var verdict = violation is { } v ? (short)SeedInvariants.All.IndexOf(v.Invariant) : CompiledStepper.Holds;
            var rows = result.Rows.Aggregate(0, (m, r) => m | (1 << (int)r));
            yield return (Describe(@event, target, rows, verdict, false), target);
        }
    }

    private static string Describe(Event @event, StateKey target, int rows, short verdict, bool onlyLogged) =>
        $"'{@event}' -> {target} rows {rows} verdict {verdict}{(onlyLogged ? " (only logged)" : "")}";

    /// <summary>Breadth-first over every reachable state (at most <paramref name="maxStates"/>): the first disagreement, or null.</summary>
    public string? CheckExploration(int maxStates = int.MaxValue)
    {
        var seen = new HashSet<StateKey> { Initial };
        var queue = new Queue<StateKey>([Initial]);
        while (queue.TryDequeue(out var key))
        {
            var (targets, disagreement) = Compare(key);
            if (disagreement is not null)
            {
                return disagreement;
            }

            foreach (var target in targets)
            {
                if (seen.Count < maxStates && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }
}
