using FailoverModel.Exploration.Store;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// Tells a <see cref="IGraphListener"/> the reachable graph from the explorer's stored keys: a key's fingerprint is its
/// node id, its decoded state and the observer's history its attributes. The explorer calls it with what its merge
/// already knows (whether the target is new, whether the bound kept it), so the graph costs nothing when no file is asked for.
/// </summary>
internal sealed class ReachableGraphFeed(IGraphListener listener, StateCodec codec)
{
    private StateKey _source;
    private ulong _sourceFingerprint;

    /// <summary>The initial state, with the invariant it already violates, if any.</summary>
    public void Initial(in StateKey key, string? violation) =>
        listener.State(Fingerprint.Of(key), codec.Decode(key), StateCodec.History(key), initial: true, violation);

    /// <summary>
    /// One transition of the merge: the target is told first when it is new, and nothing is told when the bound left
    /// it out (<paramref name="kept"/> false).
    /// </summary>
    /// <param name="source">The key of the state expanded.</param>
    /// <param name="target">The canonical key the transition reaches.</param>
    /// <param name="event">The event.</param>
    /// <param name="via">The alphabet index of the event, negative for the internal step.</param>
    /// <param name="rows">The failure-event table rows, bit n for row n.</param>
    /// <param name="isNew">Whether the merge stored the target just now.</param>
    /// <param name="kept">Whether the store holds the target (false when the bound left it out).</param>
    /// <param name="violation">The invariant the transition violates, or null.</param>
    public void Transition(in StateKey source, in StateKey target, Event @event, short via, int rows, bool isNew, bool kept, string? violation)
    {
        if (!kept)
        {
            return;
        }

        var to = Fingerprint.Of(target);
        if (isNew)
        {
            listener.State(to, codec.Decode(target), StateCodec.History(target), initial: false, violation);
        }

        listener.Transition(SourceFingerprint(source), to, @event, isInternal: via < 0, rows, violation);
    }

    /// <inheritdoc cref="IGraphListener.End"/>
    public void End(bool bounded, long transitions) => listener.End(bounded, transitions);

    // A state's successors are merged one after the other: its fingerprint is computed once, not per transition.
    private ulong SourceFingerprint(in StateKey source)
    {
        if (_sourceFingerprint == 0 || source != _source)
        {
            _source = source;
            _sourceFingerprint = Fingerprint.Of(source);
        }

        return _sourceFingerprint;
    }
}
