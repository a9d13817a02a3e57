using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// Where a <c>show</c> command is typed and what it can read: the pair's snapshot, the unit (and the context, for
/// commands entered inside one), the history the units remember and the simulated time.
/// </summary>
public sealed record ShowContext(PairConfig Config, PairState State, UnitRole Unit, string? Context = null, FailoverHistory? History = null, long NowMs = 0)
{
    /// <summary>The history the units remember; empty when none was given.</summary>
    public FailoverHistory Memory => History ?? new FailoverHistory();
}
