using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The first transition that shows each witness (each group state on each unit, each table row, each command of the
/// alphabet), kept by the compiled explorer. A transition is looked at in a few array reads: the named witness is
/// recorded only the first time it is seen, which is what <see cref="Explorer"/>'s dictionary of names keeps too.
/// </summary>
/// <typeparam name="TSource">How the explorer names the state a witness was seen from: its index in the exact store, or its fingerprint and level.</typeparam>
internal sealed class WitnessesSeen<TSource>(IReadOnlyList<Event> alphabet, int groups)
{
    private readonly bool[] _groupState = new bool[PackedHead.GroupStateValues];
    private readonly bool[] _row = new bool[8];
    private readonly bool[] _command = new bool[alphabet.Count];
    private readonly string?[] _commandName = [.. alphabet.Select(e => e is CommandEvent c ? $"command {c.Command}" : null)];

    /// <summary>Each witness by name: the state it was seen from, the event, and the target when the witness is a state reached.</summary>
    public Dictionary<string, (TSource Source, Event Event, StateKey? Target)> Witnesses { get; } = [];

    /// <summary>A command of the alphabet that only logged (changed nothing) still witnesses the command.</summary>
    public void Command(short via, TSource source, Event @event)
    {
        if (via >= 0 && _commandName[via] is { } name && !_command[via])
        {
            _command[via] = true;
            Witnesses.TryAdd(name, (source, @event, null));
        }
    }

    /// <summary>What a transition shows: each group state on each unit after it, its table rows, its command.</summary>
    public void Transition(TSource source, in PackedSuccessor successor)
    {
        for (var unit = 0; unit < 2; unit++)
        {
            for (var g = 1; g <= groups; g++)
            {
                var state = (int)PackedHead.Group(successor.Raw.Head, unit, g);
                if (!_groupState[state])
                {
                    _groupState[state] = true;
                    Witnesses.TryAdd(Explorer.GroupStateWitness[state], (source, successor.Event, successor.Target));
                }
            }
        }

        for (var row = 1; row < 8; row++)
        {
            if ((successor.Rows & (1 << row)) != 0 && !_row[row])
            {
                _row[row] = true;
                Witnesses.TryAdd(Explorer.RowWitness[row], (source, successor.Event, successor.Target));
            }
        }

        Command(successor.Via, source, successor.Event);
    }

    /// <summary>A witness seen before a checkpoint, taken back on resume: it is not recorded again.</summary>
    public void Restore(string name, TSource source, Event @event, StateKey? target)
    {
        Witnesses[name] = (source, @event, target);
        var state = Array.IndexOf(Explorer.GroupStateWitness, name);
        if (state >= 0)
        {
            _groupState[state] = true;
        }

        var row = Array.IndexOf(Explorer.RowWitness, name);
        if (row >= 0)
        {
            _row[row] = true;
        }

        var command = Array.IndexOf(_commandName, name);
        if (command >= 0)
        {
            _command[command] = true;
        }
    }
}
