using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Graph;

/// <summary>
/// What an exploration tells a graph file as it goes, in exploration order: each state once, when it is first kept
/// (the initial state first), and each transition between two kept states after both ends were told. States are
/// named by their fingerprint (<see cref="Store.Fingerprint"/>), the identity the fingerprint store keeps, so a file
/// is written without holding the graph. A transition to a state a bound left out is not told: the counts given to
/// <see cref="End"/> say how many there were.
/// </summary>
internal interface IGraphListener
{
    /// <summary>A state kept for the first time.</summary>
    /// <param name="fingerprint">The state's fingerprint: its node id.</param>
    /// <param name="state">The state (reasons cleared; canonical in the reachable graph).</param>
    /// <param name="history">What the invariants' observer carries with the state (default in the settled graph).</param>
    /// <param name="initial">Whether it is the exploration's first state.</param>
    /// <param name="violation">The invariant violated on reaching it, or null.</param>
    void State(ulong fingerprint, PairState state, RunHistory history, bool initial, string? violation);

    /// <summary>A transition between two states already told.</summary>
    /// <param name="source">The fingerprint of the state it leaves.</param>
    /// <param name="target">The fingerprint of the state it reaches.</param>
    /// <param name="event">The event: an external event of the alphabet or an internal step.</param>
    /// <param name="isInternal">Whether the event is an internal step (a timer or a message the pair sends itself).</param>
    /// <param name="rows">The failure-event table rows the transition realises, bit n for row n.</param>
    /// <param name="violation">The invariant the transition violates, or null.</param>
    void Transition(ulong source, ulong target, Event @event, bool isInternal, int rows, string? violation);

    /// <summary>The exploration ended with every state it kept told.</summary>
    /// <param name="bounded">Whether a bound left states out (the graph is then a part of the whole).</param>
    /// <param name="transitions">The transitions the exploration counted from the states it kept, those to states left out included.</param>
    void End(bool bounded, long transitions);
}
