using System.Numerics;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// Everything the rules and the invariants read of the four interface words of a state, as counts: for each unit and
/// group, the monitored interfaces failed as the unit judges them (those its mate's last hello also reported failed are
/// "Unknown" and left out, <see cref="FailoverPair.FailedMonitored"/>), the mate's as the unit heard them
/// (<see cref="FailoverPair.MateFailedMonitored"/>), the unit's failed ones its mate does not share and all its failed
/// ones (what the threshold invariant counts from the true states); and whether some data interface is up on both units
/// (LANTEST, <see cref="FailoverPair.Reach"/>). Two states with the same head and the same counts take the same step:
/// that is what lets the step table answer for millions of states from a few thousand reference steps. It is a claim
/// about the reference, so the table checks it on every entry it fills and the properties on every transition.
/// </summary>
internal readonly record struct InterfaceCounts(ulong Primary, ulong Secondary)
{
    private const int CountBits = 7;
    private const int GroupBits = 4 * CountBits;
    private const int ReachBit = PairConfig.MaxGroups * GroupBits;

    public static InterfaceCounts Of(ulong[] monitored, ulong all, in StateKey key)
    {
        var some = (key.PrimaryFailed | key.SecondaryFailed) != all ? 1UL << ReachBit : 0;
        return new(
            Unit(monitored, PackedHead.Contact(key.Head, 0) == MateContact.Hellos, key.PrimaryFailed, key.SecondaryFailed, key.PrimaryHeard),
            Unit(monitored, PackedHead.Contact(key.Head, 1) == MateContact.Hellos, key.SecondaryFailed, key.PrimaryFailed, key.SecondaryHeard) | some);
    }

    private static ulong Unit(ulong[] monitored, bool hears, ulong failed, ulong mateFailed, ulong heard)
    {
        var counts = 0UL;
        for (var g = 1; g < monitored.Length; g++)
        {
            var mask = monitored[g];
            var mine = failed & mask;
            var judged = (ulong)BitOperations.PopCount(hears ? mine & ~heard : mine);
            var mates = hears ? (ulong)BitOperations.PopCount(heard & mask & ~failed) : 0;
            var notShared = (ulong)BitOperations.PopCount(mine & ~mateFailed);
            var all = (ulong)BitOperations.PopCount(mine);
            counts |= (judged | (mates << CountBits) | (notShared << (2 * CountBits)) | (all << (3 * CountBits))) << ((g - 1) * GroupBits);
        }

        return counts;
    }
}
