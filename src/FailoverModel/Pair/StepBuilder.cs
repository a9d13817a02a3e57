using System.Collections.Immutable;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>Collects what one step does to the snapshot.</summary>
internal sealed class StepBuilder(Event @event, PairState before)
{
    private readonly PairState _before = before;
    private readonly List<SyslogMessage> _messages = [];
    private readonly List<string> _notes = [];
    private readonly List<FailureEvent> _rows = [];
    private readonly List<GroupChange> _changes = [];

    public PairState State { get; set; } = before;

    public UnitState Unit(UnitRole role) => State.Unit(role);

    public void Set(UnitRole role, UnitState unit) => State = State.With(role, unit);

    public void Log(UnitRole unit, int id, string text, int? group = null) => _messages.Add(new SyslogMessage(unit, id, text, group));

    /// <summary>Logs a failover message, which ASA prefixes with the unit's designation.</summary>
    public void LogFailover(UnitRole unit, int id, string text, int? group = null) => Log(unit, id, $"({unit.Display()}) {text}", group);

    public void Note(string note) => _notes.Add(note);

    public void Changed(GroupChange change) => _changes.Add(change);

    public IReadOnlyList<GroupChange> Changes => _changes;

    public void Row(FailureEvent row)
    {
        if (!_rows.Contains(row))
        {
            _rows.Add(row);
        }
    }

    public StepResult Build() => new(@event, _before, State, [.. _messages], [.. _notes], [.. _rows]) { Changes = [.. _changes] };
}
