using System.Collections.Immutable;
using FailoverModel.Rules;

namespace FailoverModel.Pair;

/// <summary>What one event did: the new snapshot, the messages the units logged, and notes for the reader.</summary>
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
    public bool Changed => !Before.Equals(State);

    /// <summary>The group state changes of this step, in the order they happened.</summary>
    public ImmutableArray<GroupChange> Changes { get; init; } = [];
}

/// <summary>An external event followed by the internal steps that settled the pair.</summary>
public sealed record SettledStep(StepResult External, ImmutableArray<StepResult> Internal)
{
    public PairState State => Internal.IsEmpty ? External.State : Internal[^1].State;

    public IEnumerable<SyslogMessage> Messages => External.Messages.Concat(Internal.SelectMany(s => s.Messages));

    public IEnumerable<string> Notes => External.Notes.Concat(Internal.SelectMany(s => s.Notes));

    public IEnumerable<FailureEvent> Rows => External.Rows.Concat(Internal.SelectMany(s => s.Rows));

    public IEnumerable<GroupChange> Changes => External.Changes.Concat(Internal.SelectMany(s => s.Changes));

    public IEnumerable<StepResult> Steps => Internal.Prepend(External);
}
