using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration;

/// <summary>
/// Picks one representative of states that have the same futures, so the explorer stores each behaviour once:
/// <list type="bullet">
/// <item>the Last Failure Reason (a unit's own, and its mate's as last heard) is only displayed, no guard reads it: it is
/// cleared;</item>
/// <item>the interfaces of one class — the monitored interfaces of one failover group, or the interfaces no group
/// monitors — are interchangeable: every guard depends on how many of a group's monitored interfaces failed on each
/// unit, on both, and as each unit last heard its mate report them, and LANTEST on whether any interface is up on both
/// units; so the (primary failed, secondary failed, primary heard, secondary heard) tuples of a class are sorted;</item>
/// <item>a unit's view of its mate is read by guards only as far as they need it. A fresh view (the mate answers) is
/// the mate's own state, so it is derived again from the representative. A stale one (hellos stopped, not yet timed out)
/// is read only for whether the mate had each group active or negotiating, and for which monitored interfaces the mate
/// last reported failed: the "Unknown" rule discounts those this unit has failed too, now or after a later failure of
/// its own, so all of them are kept (an earlier reduction kept only those already shared, and lost the futures in which
/// the unit's own interface fails while the view is stale; <c>CanonicalReductionProperties</c> found it). Without hellos (LANTEST answers only, the mate
/// declared failed, nothing heard) no guard reads the groups or interfaces last heard: they are cleared to what the
/// contact alone implies.</item>
/// </list>
/// </summary>
internal sealed class StateCanonicalizer
{
    private readonly InterfaceClasses _classes;

    public StateCanonicalizer(PairConfig config) => _classes = new InterfaceClasses(config);

    public PairState Canonical(PairState state)
    {
        var primary = state.Primary.FailedInterfaces;
        var secondary = state.Secondary.FailedInterfaces;
        var primaryHeard = state.Primary.View.HearsHellos ? state.Primary.View.FailedInterfaces : 0;
        var secondaryHeard = state.Secondary.View.HearsHellos ? state.Secondary.View.FailedInterfaces : 0;
        _classes.Sort(ref primary, ref secondary, ref primaryHeard, ref secondaryHeard);

        var canonical = state with
        {
            Primary = Normalize(state.Primary, primary, primaryHeard),
            Secondary = Normalize(state.Secondary, secondary, secondaryHeard),
        };
        return canonical with
        {
            Primary = canonical.Primary with { View = View(canonical, UnitRole.Primary) },
            Secondary = canonical.Secondary with { View = View(canonical, UnitRole.Secondary) },
        };
    }

    private MateView View(PairState state, UnitRole unit)
    {
        var me = state.Unit(unit);
        var view = me.View;
        if (view.Contact == MateContact.Hellos && FailoverPair.Answers(state, unit))
        {
            var heard = MateView.Heard(state.Unit(unit.Mate()));
            return heard with { Reason1 = FailureReason.None, Reason2 = FailureReason.None };
        }

        return view.Contact switch
        {
            MateContact.Hellos => new MateView(MateContact.Hellos, InterfaceClasses.GuardClass(view.Group1), InterfaceClasses.GuardClass(view.Group2), FailureReason.None, FailureReason.None, view.FailedInterfaces & _classes.Monitored),
            MateContact.Failed => new MateView(MateContact.Failed, GroupState.Failed, GroupState.Failed, FailureReason.None, FailureReason.None, 0),
            _ => new MateView(view.Contact, GroupState.Disabled, GroupState.Disabled, FailureReason.None, FailureReason.None, 0),
        };
    }

    private static UnitState Normalize(UnitState unit, ulong failed, ulong heard) => unit with
    {
        FailedInterfaces = failed,
        Group1 = unit.Group1 with { Reason = FailureReason.None },
        Group2 = unit.Group2 with { Reason = FailureReason.None },
        View = unit.View with { Reason1 = FailureReason.None, Reason2 = FailureReason.None, FailedInterfaces = heard },
    };
}
