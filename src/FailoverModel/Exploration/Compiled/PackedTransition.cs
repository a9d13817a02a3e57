using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// One transition as the packed invariants read it: the state before (canonical, as stored), the raw state after (views
/// as the step left them, not yet canonical), the event, and whether the pair is settled after it (asked of the packed
/// pair once, when an invariant needs it). One instance is reused for every transition of an exploration.
/// </summary>
internal sealed class PackedTransition(PackedPair pair)
{
    private bool? _settled;

    public StateKey Before { get; private set; }

    public StateKey After { get; private set; }

    public PackedEvent Event { get; private set; }

    public bool Settled => _settled ??= pair.NextInternal(new PackedWork(After)) < 0;

    public void Set(in StateKey before, in StateKey after, in PackedEvent @event)
    {
        Before = before;
        After = after;
        Event = @event;
        _settled = null;
    }
}
