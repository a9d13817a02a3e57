using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The compiled next-state function: for each (head, <see cref="InterfaceCounts"/>) met, one row holding the outcome of
/// the next internal step (slot 0) and of every event of the alphabet (slot 1 + its index). A row is filled by stepping
/// the reference pair — whose decisions come from the Stateless machines and the rules — once per slot, on the first
/// state met with that head and those counts; every later state with the same head and counts is stepped from the row,
/// without building a snapshot or allocating. Nothing in the row is decided here: the head after the step is the
/// reference's, and the interface words are carried by the four moves the pair makes (an interface event sets or
/// clears its bit, a replacement clears the unit's word, a unit that hears its mate copies the mate's word, one that
/// runs no failover forgets it); each filled cell is checked to reproduce the reference's successor exactly.
/// </summary>
internal sealed class StepTable
{
    private readonly FailoverPair _pair;
    private readonly IReadOnlyList<Event> _alphabet;
    private readonly StateCodec _codec;
    private readonly int[] _interfaceOf;
    private readonly Dictionary<RowKey, int> _rows = [];
    private readonly List<Event?> _internal = [];
    private readonly Func<StepOutcome, int, StepOutcome>? _corrupt;
    private StepOutcome[] _cells;

    /// <summary>A table stepping <paramref name="alphabet"/> on <paramref name="pair"/>; <paramref name="corrupt"/>, a test seam, rewrites each filled cell (to show the properties catch a wrong table).</summary>
    public StepTable(FailoverPair pair, IReadOnlyList<Event> alphabet, StateCodec codec, Func<StepOutcome, int, StepOutcome>? corrupt = null)
    {
        _pair = pair;
        _alphabet = alphabet;
        _codec = codec;
        _corrupt = corrupt;
        Slots = alphabet.Count + 1;
        _cells = new StepOutcome[Slots * 1024];
        _interfaceOf = [.. alphabet.Select(e => e is InterfaceChange change ? InterfaceIndex(pair.Config, change) : 0)];
    }

    /// <summary>Cells per row: the internal step and each event of the alphabet.</summary>
    public int Slots { get; }

    /// <summary>Rows filled so far (each cost one reference step per slot).</summary>
    public int RowCount => _internal.Count;

    /// <summary>The row of a state, filled from the reference on first use.</summary>
    public int Row(in StateKey key, InterfaceCounts counts)
    {
        var rowKey = new RowKey(key.Head, counts.Primary, counts.Secondary);
        if (_rows.TryGetValue(rowKey, out var row))
        {
            return row;
        }

        row = _internal.Count;
        if ((row + 1) * Slots > _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        Fill(row, key);
        _rows.Add(rowKey, row);
        return row;
    }

    public ref readonly StepOutcome Cell(int row, int slot) => ref _cells[(row * Slots) + slot];

    /// <summary>The event of a slot: the row's internal step, or the alphabet's event.</summary>
    public Event Event(int row, int slot) => slot == 0 ? _internal[row]! : _alphabet[slot - 1];

    private void Fill(int row, in StateKey key)
    {
        var state = _codec.Decode(key);
        var history = StateCodec.History(key);
        var next = _pair.NextInternal(state);
        _internal.Add(next);
        var cells = _cells.AsSpan(row * Slots, Slots);
        cells[0] = next is null ? default : Outcome(key, state, history, next, 0);
        for (var e = 0; e < _alphabet.Count; e++)
        {
            cells[e + 1] = Outcome(key, state, history, _alphabet[e], e + 1);
        }
    }

    private StepOutcome Outcome(in StateKey key, PairState state, RunHistory history, Event @event, int slot)
    {
        var result = _pair.Apply(state, @event, quiet: true);
        var after = result.State;
        var expected = _codec.Encode(after, RunHistory.Next(_pair.Config, state, after, history));
        var flags = OutcomeFlags.Present;
        FailedOp primary, secondary;
        byte iface = 0;
        if (@event is InterfaceChange change)
        {
            flags |= OutcomeFlags.InterfaceEvent;
            iface = (byte)_interfaceOf[slot - 1];
            var op = change.Up ? FailedOp.ClearBit : FailedOp.SetBit;
            (primary, secondary) = change.Unit == UnitRole.Primary ? (op, FailedOp.Keep) : (FailedOp.Keep, op);
        }
        else
        {
            primary = Carried(key.PrimaryFailed, expected.PrimaryFailed, @event);
            secondary = Carried(key.SecondaryFailed, expected.SecondaryFailed, @event);
        }

        var ops = StepOutcome.PackOps(primary, secondary, Heard(after, UnitRole.Primary), Heard(after, UnitRole.Secondary));
        var rows = result.Rows.Aggregate(0, (m, r) => m | (1 << (int)r));
        var outcome = new StepOutcome(expected.Head, flags, (byte)rows, ops, iface);
        if (outcome.Apply(key) != expected)
        {
            throw new InvalidOperationException($"the compiled step of '{@event}' does not reproduce the reference's interface words");
        }

        if (result.Changed && expected == key)
        {
            outcome = outcome with { Flags = outcome.Flags | OutcomeFlags.ChangedBeyondKey };
        }

        if (@event is CommandEvent && !result.Changed && !result.Messages.IsEmpty)
        {
            outcome = outcome with { Flags = outcome.Flags | OutcomeFlags.CommandOnlyLogged };
        }

        return _corrupt is null ? outcome : _corrupt(outcome, slot);
    }

    /// <summary>
    /// A unit's failed interfaces outside interface events: kept, or cleared (a replacement unit). Which one depends on
    /// no interface bit the counts do not fix: a word is zero exactly when every count of the unit is zero.
    /// </summary>
    private static FailedOp Carried(ulong before, ulong after, Event @event) =>
        after == before ? FailedOp.Keep
        : after == 0 ? FailedOp.Clear
        : throw new InvalidOperationException($"'{@event}' changed failed interfaces in a way the compiled step does not carry");

    /// <summary><c>FailoverPair.Listen</c>: a unit not running failover has heard nothing; one whose mate answers hears its word.</summary>
    private static HeardOp Heard(PairState after, UnitRole unit) =>
        after.Unit(unit).Status != UnitStatus.FailoverOn ? HeardOp.Clear
        : FailoverPair.Answers(after, unit) ? HeardOp.CopyMate
        : HeardOp.Keep;

    private static int InterfaceIndex(PairConfig config, InterfaceChange change)
    {
        var slash = change.Interface.IndexOf('/', StringComparison.Ordinal);
        var index = slash < 0 ? -1 : config.InterfaceIndex(change.Interface[..slash], change.Interface[(slash + 1)..]);
        return index >= 0 ? index : throw new ArgumentException($"no interface {change.Interface} in the configuration", nameof(change));
    }

    private readonly record struct RowKey(ulong Head, ulong Primary, ulong Secondary)
    {
        public override int GetHashCode()
        {
            var h = (Head * 0x9E3779B97F4A7C15UL) ^ (Primary * 0xC2B2AE3D27D4EB4FUL) ^ (Secondary * 0x165667B19E3779F9UL);
            return (int)(h ^ (h >> 31));
        }
    }
}
