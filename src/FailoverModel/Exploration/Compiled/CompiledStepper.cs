using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The successors of a packed state: the next internal step first, then every event of the alphabet that changes the
/// state, each stepped by the <see cref="PackedPair"/>, canonicalized on the packed words and judged by the packed
/// invariants (an invariant with no packed reading is judged on the reference's snapshots). Quiet, and without
/// allocation per transition.
/// </summary>
internal sealed class CompiledStepper
{
    /// <summary>The verdict of a transition on which every invariant holds.</summary>
    public const short Holds = -1;

    private readonly FailoverPair _reference;
    private readonly StateCodec _codec;
    private readonly IReadOnlyList<Event> _alphabet;
    private readonly PackedEvent[] _events;
    private readonly PackedCanonicalizer _canonical;
    private readonly IReadOnlyList<Invariant> _invariants;
    private readonly PackedCheck?[] _checks;
    private readonly PackedTransition _transition;

    public CompiledStepper(FailoverPair reference, IReadOnlyList<Event> alphabet, StateCodec codec, IReadOnlyList<Invariant> invariants, PackedPairFault fault = PackedPairFault.None)
    {
        _reference = reference;
        _codec = codec;
        _alphabet = alphabet;
        Pair = new PackedPair(reference, fault);
        _events = [.. alphabet.Select(e => PackedEvent.Of(reference.Config, e))];
        _canonical = new PackedCanonicalizer(reference.Config);
        _invariants = invariants;
        var packed = new PackedInvariants(Pair);
        _checks = [.. invariants.Select(packed.For)];
        _transition = new PackedTransition(Pair);
    }

    public PackedPair Pair { get; }

    public StateKey Canonical(in StateKey key) => _canonical.Canonical(key);

    public void Expand(in StateKey key, List<PackedSuccessor> into)
    {
        into.Clear();
        var start = new PackedWork(key);
        var next = Pair.NextInternal(start);
        if (next >= 0)
        {
            Add(key, start, Pair.InternalEvents[next], Pair.InternalPacked[next], -1, into);
        }

        for (var e = 0; e < _events.Length; e++)
        {
            Add(key, start, _alphabet[e], _events[e], (short)e, into);
        }
    }

    private void Add(in StateKey key, PackedWork work, Event @event, in PackedEvent packed, short via, List<PackedSuccessor> into)
    {
        Pair.Apply(ref work, packed);
        var raw = work.Key;
        if (raw == key)
        {
            if (work.Logged && @event is CommandEvent)
            {
                into.Add(new PackedSuccessor(@event, via, key, raw, 0, Holds, CommandOnlyLogged: true));
            }

            return;
        }

        var target = _canonical.Canonical(raw);
        if (target == key)
        {
            return;
        }

        into.Add(new PackedSuccessor(@event, via, target, raw, work.Rows, Verdict(key, raw, @event, packed), CommandOnlyLogged: false));
    }

    private short Verdict(in StateKey before, in StateKey after, Event @event, in PackedEvent packed)
    {
        _transition.Set(before, after, packed);
        for (var i = 0; i < _checks.Length; i++)
        {
            var holds = _checks[i] is { } check ? check(_transition) : Reference(before, @event, i) is null;
            if (!holds)
            {
                return (short)i;
            }
        }

        return Holds;
    }

    /// <summary>The violated invariant and its evidence, found on the reference's snapshots (for the counterexample).</summary>
    public (Invariant Invariant, string Evidence) Violation(in StateKey before, Event @event, int index) =>
        Reference(before, @event, index) is { } evidence
            ? (_invariants[index], evidence)
            : throw new InvalidOperationException($"the packed reading of {_invariants[index].Name} found a violation the invariant does not find on '{@event}'");

    /// <summary>The invariant checked on the reference's own step from the decoded state: its evidence, or null when it holds.</summary>
    private string? Reference(in StateKey before, Event @event, int index)
    {
        var state = _codec.Decode(before);
        var history = StateCodec.History(before);
        var result = _reference.Apply(state, @event, quiet: true);
        return _invariants[index].Check(new InvariantContext(_reference, state, @event, result.State) { History = history });
    }
}
