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
    private readonly InterfaceClasses _classes;

    public PackedCanonicalizer(PairConfig config) => _classes = new InterfaceClasses(config);

    public StateKey Canonical(in StateKey key)
    {
        var head = key.Head;
        var primary = key.PrimaryFailed;
        var secondary = key.SecondaryFailed;
        var primaryHeard = PackedHead.Contact(head, 0) == MateContact.Hellos ? key.PrimaryHeard : 0;
        var secondaryHeard = PackedHead.Contact(head, 1) == MateContact.Hellos ? key.SecondaryHeard : 0;
        _classes.Sort(ref primary, ref secondary, ref primaryHeard, ref secondaryHeard);

        var answers = PackedHead.MatesAnswer(head);
        var canonicalHead = View(View(head, 0, answers), 1, answers);
        return new StateKey(
            canonicalHead,
            primary,
            secondary,
            Heard(head, 0, answers, primaryHeard, secondary),
            Heard(head, 1, answers, secondaryHeard, primary));
    }

    /// <summary>The view's groups as the guards read them: the mate's own while it answers, else their guard class.</summary>
    private static ulong View(ulong head, int unit, bool answers) => PackedHead.Contact(head, unit) switch
    {
        MateContact.Hellos when answers => PackedHead.WithViewGroups(head, unit, PackedHead.Group(head, 1 - unit, 1), PackedHead.Group(head, 1 - unit, 2)),
        MateContact.Hellos => PackedHead.WithViewGroups(head, unit, InterfaceClasses.GuardClass(PackedHead.ViewGroup(head, unit, 1)), InterfaceClasses.GuardClass(PackedHead.ViewGroup(head, unit, 2))),
        MateContact.Failed => PackedHead.WithViewGroups(head, unit, GroupState.Failed, GroupState.Failed),
        _ => PackedHead.WithViewGroups(head, unit, GroupState.Disabled, GroupState.Disabled),
    };

    private ulong Heard(ulong head, int unit, bool answers, ulong heard, ulong mateFailed) => PackedHead.Contact(head, unit) switch
    {
        MateContact.Hellos when answers => mateFailed,
        MateContact.Hellos => heard & _classes.Monitored,
        _ => 0,
    };

}
