using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Exploration;

/// <summary>
/// The interchangeable interfaces of a configuration, for both canonical forms (<see cref="StateCanonicalizer"/> on
/// snapshots, the compiled explorer's on packed keys): the monitored interfaces of one failover group, and the
/// interfaces no group monitors. Every guard depends on how many of a class failed on each unit, on both, and as each
/// unit last heard its mate report them (and LANTEST on whether any interface is up on both units), so sorting the
/// interfaces of a class by those four bits keeps every future.
/// </summary>
internal sealed class InterfaceClasses
{
    private readonly int[][] _classes;

    public InterfaceClasses(PairConfig config)
    {
        var monitored = config.MonitoredMasks.Aggregate(0UL, (a, m) => a | m);
        Monitored = monitored;
        var unmonitored = Enumerable.Range(0, config.Interfaces.Length).Where(i => (monitored & (1UL << i)) == 0).ToArray();
        int[][] classes = [.. config.GroupIds.Select(g => Enumerable.Range(0, config.Interfaces.Length).Where(i => (config.MonitoredMask(g) & (1UL << i)) != 0).ToArray()), unmonitored];
        _classes = [.. classes.Where(c => c.Length >= 2)];
    }

    /// <summary>The bits of every monitored interface.</summary>
    public ulong Monitored { get; }

    /// <summary>Sorts each class's interfaces by their (primary failed, secondary failed, primary heard, secondary heard) bits.</summary>
    public void Sort(ref ulong primary, ref ulong secondary, ref ulong primaryHeard, ref ulong secondaryHeard)
    {
        if ((primary | secondary | primaryHeard | secondaryHeard) == 0)
        {
            return;
        }

        Span<int> tuples = stackalloc int[PairConfig.MaxInterfaces];
        foreach (var members in _classes)
        {
            for (var k = 0; k < members.Length; k++)
            {
                var bit = 1UL << members[k];
                tuples[k] = ((primary & bit) != 0 ? 8 : 0) | ((secondary & bit) != 0 ? 4 : 0) | ((primaryHeard & bit) != 0 ? 2 : 0) | ((secondaryHeard & bit) != 0 ? 1 : 0);
            }

            tuples[..members.Length].Sort();
            for (var k = 0; k < members.Length; k++)
            {
                var bit = 1UL << members[k];
                primary = Set(primary, bit, (tuples[k] & 8) != 0);
                secondary = Set(secondary, bit, (tuples[k] & 4) != 0);
                primaryHeard = Set(primaryHeard, bit, (tuples[k] & 2) != 0);
                secondaryHeard = Set(secondaryHeard, bit, (tuples[k] & 1) != 0);
            }
        }
    }

    /// <summary>The one state of each class a stale view's guards tell apart: active, negotiating, anything else.</summary>
    public static GroupState GuardClass(GroupState state) =>
        state.IsActive() ? GroupState.Active : state == GroupState.Negotiation ? GroupState.Negotiation : GroupState.Disabled;

    private static ulong Set(ulong word, ulong bit, bool on) => on ? word | bit : word & ~bit;
}
