using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>One step of the model as an invariant sees it: the snapshot before (null for the initial state), the event, the snapshot after.</summary>
/// <param name="Pair">The pair that took the step (its configuration, and what it would do next).</param>
/// <param name="Before">The snapshot before the step; null for the initial snapshot.</param>
/// <param name="Event">The event or internal step taken; null for the initial snapshot.</param>
/// <param name="After">The snapshot after <see cref="FailoverPair.Apply(PairState, Event)"/> of <paramref name="Event"/> on <paramref name="Before"/>: one step; a settle is several steps, each checked on its own.</param>
public sealed record InvariantContext(FailoverPair Pair, PairState? Before, Event? Event, PairState After)
{
    /// <summary>The pair's configuration.</summary>
    public PairConfig Config => Pair.Config;

    /// <summary>What the observer had seen before this step (see <see cref="RunHistory"/>).</summary>
    public RunHistory History { get; init; }

    /// <summary>What the observer has seen after this step.</summary>
    public RunHistory HistoryAfter => Before is { } before ? RunHistory.Next(Config, before, After, History) : History;

    private bool? _settled;

    /// <summary>True when no internal step is pending after the step: the claims "after settling" apply (asked once, when an invariant needs it).</summary>
    public bool Settled => _settled ??= Pair.NextInternal(After) is null;
}

/// <summary>
/// A safety property of the seed, named as the sentence it checks. <see cref="Check"/> returns null when it holds,
/// else the evidence: what is wrong, in the seed's words, with the state that shows it.
/// </summary>
public abstract class Invariant
{
    /// <summary>The claim as a sentence, in PascalCase (the property and counterexample name).</summary>
    public abstract string Name { get; }

    /// <summary>The seed section or table row the claim comes from.</summary>
    public abstract string Source { get; }

    /// <summary>Checks the claim on one step: null when it holds, else the evidence.</summary>
    /// <param name="step">The step, with the observer's history.</param>
    public abstract string? Check(InvariantContext step);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
