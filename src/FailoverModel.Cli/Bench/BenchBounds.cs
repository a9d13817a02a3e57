namespace FailoverModel.Cli.Bench;

/// <summary>
/// How far each workload of <c>bench</c> goes. Every exploration is bounded by a number of states, and the two engines
/// of a ratio run to the same bound, so a run ends in a known time on a two-core machine whatever the model's state
/// count has grown to (the per-unit views tripled it) and a ratio compares the same amount of work.
/// </summary>
/// <param name="Exploration">States of the built-in exploration with every invariant, for the compiled and the reference explorer and the floor.</param>
/// <param name="CsCheck">States of the relation without interface events, for CsCheck (one thread and every core) and the compiled explorer.</param>
/// <param name="Large">States of the large configuration (64 monitored interfaces).</param>
/// <param name="Settled">States of the settled graph with every event.</param>
/// <param name="Vectors">States of the settled graph without interface events whose vectors <c>oracle check</c> reads.</param>
/// <param name="RandomRuns">Random runs of 60 events for random checking.</param>
/// <param name="GrowthSeries">The growth table's one-group series, explored to the end: one to this many monitored interfaces.</param>
/// <param name="Growth">States of each cell of the growth table's grid.</param>
public sealed record BenchBounds(int Exploration, int CsCheck, int Large, int Settled, int Vectors, int RandomRuns, int GrowthSeries, int Growth)
{
    /// <summary><c>bench --quick</c>: about five minutes on two shared cores.</summary>
    public static BenchBounds Quick { get; } = new(100_000, 100_000, 50_000, 100_000, 5_000, 500, 2, 20_000);

    /// <summary>
    /// <c>bench</c>: ten times the quick bounds where the cost is linear, about half an hour on two shared cores. CsCheck's
    /// bound stays below the 211,392 canonical states of the relation without interface events, where the compiled
    /// explorer completes: above it, the ratio would set a complete exploration against a bounded one.
    /// </summary>
    public static BenchBounds Full { get; } = new(1_000_000, 200_000, 500_000, 1_000_000, 20_000, 5_000, 4, 200_000);
}
