using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// <see cref="StateCanonicalizer"/> on a packed state: the same representative, computed on the key's words without
/// building a snapshot. The interfaces of a class are sorted by their (primary failed, secondary failed, primary heard,
/// secondary heard) tuples, what a unit heard counting only while it hears hellos; then each unit's view is reduced to
/// what its guards read. The properties check that both give the same key on every state of an exploration.
/// </summary>
internal sealed class PackedCanonicalizer
{
    private readonly int[][] _classes;
    private readonly ulong _monitored;

    public PackedCanonicalizer(PairConfig config)
    {
        _monitored = config.MonitoredMasks.Aggregate(0UL, (a, m) => a | m);
        var monitored = _monitored;
        var unmonitored = Enumerable.Range(0, config.Interfaces.Length).Where(i => (monitored & (1UL << i)) == 0).ToArray();
        _classes = [.. config.GroupIds.Select(g => Enumerable.Range(0, config.Interfaces.Length).Where(i => (config.MonitoredMask(g) & (1UL << i)) != 0).ToArray()), unmonitored];
        _classes = [.. _classes.Where(c => c.Length >= 2)];
    }

    public StateKey Canonical(in StateKey key)
    {
        var head = key.Head;
        var primary = key.PrimaryFailed;
        var secondary = key.SecondaryFailed;
        var primaryHeard = PackedHead.Contact(head, 0) == MateContact.Hellos ? key.PrimaryHeard : 0;
        var secondaryHeard = PackedHead.Contact(head, 1) == MateContact.Hellos ? key.SecondaryHeard : 0;
        if ((primary | secondary | primaryHeard | secondaryHeard) != 0)
        {
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

        var answers = PackedHead.MatesAnswer(head);
        var canonicalHead = View(View(head, 0, answers), 1, answers);
        return new StateKey(
            canonicalHead,
            primary,
            secondary,
            Heard(head, 0, answers, primaryHeard, primary, secondary),
            Heard(head, 1, answers, secondaryHeard, secondary, primary));
    }

    /// <summary>The view's groups as the guards read them: the mate's own while it answers, else their guard class.</summary>
    private static ulong View(ulong head, int unit, bool answers) => PackedHead.Contact(head, unit) switch
    {
        MateContact.Hellos when answers => PackedHead.WithViewGroups(head, unit, PackedHead.Group(head, 1 - unit, 1), PackedHead.Group(head, 1 - unit, 2)),
        MateContact.Hellos => PackedHead.WithViewGroups(head, unit, GuardClass(PackedHead.ViewGroup(head, unit, 1)), GuardClass(PackedHead.ViewGroup(head, unit, 2))),
        MateContact.Failed => PackedHead.WithViewGroups(head, unit, GroupState.Failed, GroupState.Failed),
        _ => PackedHead.WithViewGroups(head, unit, GroupState.Disabled, GroupState.Disabled),
    };

    private ulong Heard(ulong head, int unit, bool answers, ulong heard, ulong failed, ulong mateFailed) => PackedHead.Contact(head, unit) switch
    {
        MateContact.Hellos when answers => mateFailed,
        MateContact.Hellos => heard & failed & _monitored,
        _ => 0,
    };

    private static GroupState GuardClass(GroupState state) =>
        state.IsActive() ? GroupState.Active : state == GroupState.Negotiation ? GroupState.Negotiation : GroupState.Disabled;

    private static ulong Set(ulong word, ulong bit, bool on) => on ? word | bit : word & ~bit;
}
