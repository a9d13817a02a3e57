using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Rules;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// Tells a <see cref="IGraphListener"/> the settled graph. A settled state's node id is the fingerprint of its key as
/// <see cref="StateCodec"/> encodes it (reasons cleared, as the settled graph keeps it, with no observer history): the
/// settled graph is not reduced, so the key is not canonicalized, and an id equals a reachable graph's id only for a
/// state that is its own representative with an empty history.
/// </summary>
internal sealed class SettledGraphFeed(IGraphListener listener, PairState pairInitial)
{
    private readonly StateCodec _codec = new(pairInitial);
    private PairState? _source;
    private ulong _sourceFingerprint;

    /// <summary>A settled state kept for the first time.</summary>
    public void State(PairState state, bool initial) => listener.State(Id(state), state, default(RunHistory), initial, violation: null);

    /// <summary>An edge between two settled states already told: an external event and the settle that follows it.</summary>
    public void Transition(PairState source, PairState target, Event @event, IEnumerable<FailureEvent> rows)
    {
        if (!ReferenceEquals(source, _source))
        {
            _source = source;
            _sourceFingerprint = Id(source);
        }

        var mask = 0;
        foreach (var row in rows)
        {
            mask |= 1 << (int)row;
        }

        listener.Transition(_sourceFingerprint, Id(target), @event, isInternal: false, mask, violation: null);
    }

    /// <inheritdoc cref="IGraphListener.End"/>
    public void End(bool bounded, long transitions) => listener.End(bounded, transitions);

    /// <summary>The node id of a settled state.</summary>
    public ulong Id(PairState state) => Fingerprint.Of(_codec.Encode(state));
}
