using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// Collects what one step does to the snapshot. A quiet builder (the explorer's) drops the notes, which are text for
/// people: their interpolations are not even formatted (see <see cref="NoteHandler"/>). Lists are made on first use.
/// </summary>
internal sealed class StepBuilder(Event @event, PairState before, bool quiet = false)
{
    private readonly PairState _before = before;
    private List<SyslogMessage>? _messages;
    private List<string>? _notes;
    private List<FailureEvent>? _rows;
    private List<GroupChange>? _changes;

    public PairState State { get; set; } = before;

    public bool Quiet { get; } = quiet;

    public IReadOnlyList<GroupChange> Changes => (IReadOnlyList<GroupChange>?)_changes ?? [];

    public UnitState Unit(UnitRole role) => State.Unit(role);

    public void Set(UnitRole role, UnitState unit) => State = State.With(role, unit);

    /// <summary>Logs a message of the syslog catalogue, its holes filled by <paramref name="values"/> in order.</summary>
    public void Log(UnitRole unit, SyslogId id, FailoverGroupId? group, params ReadOnlySpan<string> values) =>
        (_messages ??= []).Add(new SyslogMessage(unit, (int)id, SyslogCatalogue.Of(id).Format(unit, group, values), group));

    public void Note(string note)
    {
        if (!Quiet)
        {
            (_notes ??= []).Add(note);
        }
    }

    public void Note([InterpolatedStringHandlerArgument("")] ref NoteHandler note)
    {
        if (!Quiet)
        {
            (_notes ??= []).Add(note.ToStringAndClear());
        }
    }

    public void Changed(GroupChange change) => (_changes ??= []).Add(change);

    public void Row(FailureEvent row)
    {
        _rows ??= [];
        if (!_rows.Contains(row))
        {
            _rows.Add(row);
        }
    }

    public StepResult Build() => new(@event, _before, State, ToImmutable(_messages), ToImmutable(_notes), ToImmutable(_rows)) { Changes = ToImmutable(_changes) };

    private static ImmutableArray<T> ToImmutable<T>(List<T>? list) => list is null ? [] : [.. list];

    /// <summary>Formats a note only when the builder keeps notes.</summary>
    [InterpolatedStringHandler]
    internal ref struct NoteHandler
    {
        private DefaultInterpolatedStringHandler _inner;
        private readonly bool _active;

        public NoteHandler(int literalLength, int formattedCount, StepBuilder builder, out bool shouldAppend)
        {
            _active = !builder.Quiet;
            shouldAppend = _active;
            _inner = _active ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

        public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

        public string ToStringAndClear() => _active ? _inner.ToStringAndClear() : string.Empty;
    }
}
