using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration;

/// <summary>
/// Picks one representative of states that have the same futures, so the explorer stores each behaviour once:
/// <list type="bullet">
/// <item>the Last Failure Reason is only displayed, no guard reads it: it is cleared;</item>
/// <item>the monitored interfaces of one failover group are interchangeable — every guard depends on how many of them
/// failed on each unit and how many failed on both — so the (primary failed, secondary failed) pairs of a group's
/// interfaces are sorted;</item>
/// <item>an interface that is not monitored never counts, so its failure is forgotten.</item>
/// </list>
/// </summary>
public sealed class StateCanonicalizer
{
    private readonly int[][] _classes;
    private readonly ulong _monitored;

    public StateCanonicalizer(PairConfig config)
    {
        _classes = [.. config.GroupIds.Select(g => Enumerable.Range(0, config.Interfaces.Length).Where(i => (config.MonitoredMask[g] & (1UL << i)) != 0).ToArray())];
        _monitored = config.MonitoredMask.Aggregate(0UL, (a, m) => a | m);
    }

    public PairState Canonical(PairState state)
    {
        var primary = state.Primary.FailedInterfaces & _monitored;
        var secondary = state.Secondary.FailedInterfaces & _monitored;
        Span<int> pairs = stackalloc int[PairConfig.MaxInterfaces];
        foreach (var members in _classes)
        {
            if (members.Length < 2)
            {
                continue;
            }

            for (var k = 0; k < members.Length; k++)
            {
                var bit = 1UL << members[k];
                pairs[k] = ((primary & bit) != 0 ? 2 : 0) | ((secondary & bit) != 0 ? 1 : 0);
            }

            pairs[..members.Length].Sort();
            for (var k = 0; k < members.Length; k++)
            {
                var bit = 1UL << members[k];
                primary = (pairs[k] & 2) != 0 ? primary | bit : primary & ~bit;
                secondary = (pairs[k] & 1) != 0 ? secondary | bit : secondary & ~bit;
            }
        }

        return state with
        {
            Primary = Normalize(state.Primary, primary),
            Secondary = Normalize(state.Secondary, secondary),
        };
    }

    private static UnitState Normalize(UnitState unit, ulong failed) => unit with
    {
        FailedInterfaces = failed,
        Group1 = unit.Group1 with { Reason = FailureReason.None },
        Group2 = unit.Group2 with { Reason = FailureReason.None },
    };
}
