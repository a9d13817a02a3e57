using System.Collections.Immutable;
using FailoverModel.Rules;

namespace FailoverModel.Pair;

/// <summary>What one event did: the new snapshot, the messages the units logged, and notes for the reader.</summary>
/// <param name="Event">The event applied.</param>
/// <param name="Before">The snapshot before the event.</param>
/// <param name="State">The snapshot after the event.</param>
/// <param name="Messages">The syslog messages the units logged during the event (the 104xxx and 105xxx failover messages).</param>
/// <param name="Notes">Why an event changed nothing, or what a command did beyond the snapshot (warnings ASA prints).</param>
/// <param name="Rows">The failure-event table rows this step exercised.</param>
public sealed record StepResult(
    Event Event,
    PairState Before,
    PairState State,
    ImmutableArray<SyslogMessage> Messages,
    ImmutableArray<string> Notes,
    ImmutableArray<FailureEvent> Rows)
{
    /// <summary>Whether the event changed the snapshot at all.</summary>
    public bool Changed => !Before.Equals(State);

    /// <summary>The group state changes of this step, in the order they happened.</summary>
    public ImmutableArray<GroupChange> Changes { get; init; } = [];
}

/// <summary>An external event followed by the internal steps that settled the pair.</summary>
public sealed record SettledStep(StepResult External, ImmutableArray<StepResult> Internal)
{
    /// <summary>The settled snapshot: after the last internal step, or after the event when it enabled none.</summary>
    public PairState State => Internal.IsEmpty ? External.State : Internal[^1].State;

    /// <summary>Every syslog message of the event and its internal steps, in order.</summary>
    public IEnumerable<SyslogMessage> Messages => External.Messages.Concat(Internal.SelectMany(s => s.Messages));

    /// <summary>Every note of the event and its internal steps, in order.</summary>
    public IEnumerable<string> Notes => External.Notes.Concat(Internal.SelectMany(s => s.Notes));

    /// <summary>The failure-event table rows the event and its internal steps exercised.</summary>
    public IEnumerable<FailureEvent> Rows => External.Rows.Concat(Internal.SelectMany(s => s.Rows));

    /// <summary>Every group state change of the event and its internal steps, in the order they happened.</summary>
    public IEnumerable<GroupChange> Changes => External.Changes.Concat(Internal.SelectMany(s => s.Changes));

    /// <summary>The event's step followed by each internal step.</summary>
    public IEnumerable<StepResult> Steps => Internal.Prepend(External);
}
