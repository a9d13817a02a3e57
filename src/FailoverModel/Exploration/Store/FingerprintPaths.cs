using System.Collections.Immutable;
using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Store;

/// <summary>
/// The events of a shortest path to a state the fingerprint store holds, rebuilt from the parent log's chain of
/// fingerprints: replayed on the reference pair from power-off, at each step the first event (the internal step
/// first) whose canonical result has the next fingerprint, as <see cref="ShortestPaths"/> does with whole keys.
/// </summary>
internal sealed class FingerprintPaths(FailoverPair pair, IReadOnlyList<Event> alphabet, StateCodec codec, Func<PairState, PairState> canonical)
{
    /// <summary>The path through the chain (the initial state's fingerprint first), the state it ends in and the history there.</summary>
    public (List<Event> Events, PairState End, RunHistory History) Replay(IReadOnlyList<ulong> chain)
    {
        var events = new List<Event>();
        var current = pair.Initial;
        RunHistory history = default;
        foreach (var wanted in chain.Skip(1))
        {
            var (@event, reached, next) = Reach(current, history, key => Fingerprint.Of(key) == wanted);
            events.Add(@event);
            current = reached;
            history = next;
        }

        return (events, current, history);
    }

    /// <summary>The path through the chain and on by <paramref name="last"/> (null: the internal step) to <paramref name="target"/>, the event mapped as the store saw it.</summary>
    public ImmutableArray<Event> PathThrough(IReadOnlyList<ulong> chain, Event? last, StateKey? target)
    {
        var (events, end, history) = Replay(chain);
        last ??= pair.NextInternal(end) ?? throw new InvalidOperationException("the internal step of a stored state is gone on replay");
        return [.. events, last is InterfaceChange && target is { } key ? Reach(end, history, k => k == key).Event : last];
    }

    private (Event Event, PairState Reached, RunHistory History) Reach(PairState from, RunHistory history, Func<StateKey, bool> wanted)
    {
        var candidates = pair.NextInternal(from) is { } next ? alphabet.Prepend(next) : alphabet;
        foreach (var @event in candidates)
        {
            var result = pair.Apply(from, @event, quiet: true);
            var after = RunHistory.Next(pair.Config, from, result.State, history);
            if (wanted(codec.Encode(canonical(result.State), after)))
            {
                return (@event, result.State, after);
            }
        }

        throw new InvalidOperationException("no event reaches the stored state again: the canonical form is not a symmetry of the model");
    }
}
