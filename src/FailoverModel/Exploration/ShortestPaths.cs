using System.Collections.Immutable;
using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration;

/// <summary>
/// The events from the initial state to a stored state, for counterexamples and witnesses. States are stored as
/// canonical representatives, and interface symmetry may map the event that reached a representative to another
/// interface on the way there, so the path is replayed on the reference pair: at each step, the first event (the
/// internal step first) whose result has the stored key. Both explorers store the same keys, so both use this.
/// </summary>
internal sealed class ShortestPaths(FailoverPair pair, IReadOnlyList<Event> alphabet, StateCodec codec, StateStore store, Func<PairState, PairState> canonical)
{
    public (List<Event> Events, PairState End) Path(int state)
    {
        var chain = new List<int>();
        for (var at = state; store.Parent(at) >= 0; at = store.Parent(at))
        {
            chain.Add(at);
        }

        chain.Reverse();
        var path = new List<Event>();
        var current = pair.Initial;
        foreach (var target in chain)
        {
            var (@event, reached) = Reach(current, StateCodec.History(store[path.Count == 0 ? 0 : chain[path.Count - 1]]), store[target]);
            path.Add(@event);
            current = reached;
        }

        return (path, current);
    }

    /// <summary>The path to a stored state and on to a successor the merge saw, its last event mapped the same way.</summary>
    public ImmutableArray<Event> PathThrough(int state, Event last, StateKey target)
    {
        var (events, end) = Path(state);
        return [.. events, last is InterfaceChange ? Reach(end, StateCodec.History(store[state]), target).Event : last];
    }

    private (Event Event, PairState Reached) Reach(PairState from, RunHistory history, StateKey wanted)
    {
        var candidates = pair.NextInternal(from) is { } next ? alphabet.Prepend(next) : alphabet;
        foreach (var @event in candidates)
        {
            var result = pair.Apply(from, @event, quiet: true);
            if (codec.Encode(canonical(result.State), RunHistory.Next(pair.Config, from, result.State, history)) == wanted)
            {
                return (@event, result.State);
            }
        }

        throw new InvalidOperationException("no event reaches the stored state again: the canonical form is not a symmetry of the model");
    }
}
