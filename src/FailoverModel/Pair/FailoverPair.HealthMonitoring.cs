using System.Numerics;
using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// Unit health monitoring (ASA configuration guide, "Failover Health Monitoring"): what each unit hears of its mate.
/// A unit hears its mate's hellos while the mate runs failover and the failover link is up; every message refreshes the
/// unit's <see cref="MateView"/> at once. When hellos stop, the view goes stale: the unit still believes what it last
/// heard until its unit holdtime runs out (<see cref="UnitHoldtimeExpired"/>); it then sends LANTEST on every data
/// interface and the failover link, and "if the ASA does not receive a response on the failover link, but it does
/// receive a response on a data interface, then the unit does not failover. The failover link is marked as failed. ... If
/// the ASA does not receive a response on any interface, then the standby unit switches to active mode and classifies
/// the other unit as failed."
/// </summary>
public sealed partial class FailoverPair
{
    /// <summary>
    /// How the pair monitors unit health. Only <see cref="Cisco"/> is the model; the others are the deliberately broken
    /// variants the invariants must catch.
    /// </summary>
    /// <param name="Lantest">The outcome a unit concludes from the true outcome of its LANTEST.</param>
    /// <param name="TimesOut">Whether a unit ever times out a silent mate.</param>
    internal sealed record HealthMonitoring(Func<MateContact, MateContact> Lantest, bool TimesOut)
    {
        public static readonly HealthMonitoring Cisco = new(outcome => outcome, TimesOut: true);
    }

    /// <summary>
    /// How <paramref name="unit"/> can hear its mate right now: hellos on the failover link, LANTEST answers on a data
    /// interface only, or nothing. A data interface answers only where it is up on both units; a unit that does not run
    /// failover neither sends hellos nor answers LANTEST.
    /// </summary>
    internal MateContact Reach(PairState state, UnitRole unit)
    {
        var mate = state.Unit(unit.Mate());
        if (mate.Status != UnitStatus.FailoverOn)
        {
            return MateContact.Failed;
        }

        if (state.FailoverLink == LinkStatus.Up)
        {
            return MateContact.Hellos;
        }

        return (state.Unit(unit).FailedInterfaces | mate.FailedInterfaces) != Config.AllInterfacesMask ? MateContact.DataInterfaces : MateContact.Failed;
    }

    /// <summary>True when the mate answers on the failover link, so that an exchange with it completes.</summary>
    internal static bool Answers(PairState state, UnitRole unit) =>
        state.FailoverLink == LinkStatus.Up && state.Unit(unit.Mate()).Status == UnitStatus.FailoverOn && state.Unit(unit).Status == UnitStatus.FailoverOn;

    /// <summary>
    /// Every unit that runs failover and hears its mate's hellos takes in what they say; a unit that does not run failover
    /// listens to nothing (it shows its mate as "Not Detected", seed, "Replace the Failed Unit with a New Unit").
    /// </summary>
    private void Listen(StepBuilder step)
    {
        foreach (var unit in UnitRoles.Both)
        {
            var me = step.Unit(unit);
            var view = me.Status != UnitStatus.FailoverOn
                ? MateView.NotDetected
                : Answers(step.State, unit) && !(_deviations.NeverClearsAFailedFailoverLink && me.View.Contact == MateContact.DataInterfaces) ? MateView.Heard(step.Unit(unit.Mate())) : me.View;
            if (view != me.View)
            {
                step.Set(unit, me with { View = view });
            }
        }
    }

    /// <summary>True when <paramref name="unit"/> has heard its mate and now hears less than it believes: its holdtime runs.</summary>
    /// <summary>
    /// Whether the unit's own interface monitoring has a failed monitored interface still to act on (a failover group
    /// step for an interface failure is enabled for it): each unit monitors its own interfaces, so its interface
    /// holdtime runs from its own failure, alongside the mate's.
    /// </summary>
    internal bool InterfaceCheckRuns(PairState state, UnitRole unit)
    {
        if (!ProtocolRules.StepsItsGroups(state.Unit(unit).Status))
        {
            return false;
        }

        foreach (var group in Config.GroupIds)
        {
            var own = Conditions(state, unit, group);
            var mate = Conditions(state, unit.Mate(), group);
            if (IsEnabled(state, unit, group, GroupTrigger.InterfaceFailureOnActiveGroup, own, mate)
                || IsEnabled(state, unit, group, GroupTrigger.InterfaceFailureOnStandbyGroup, own, mate))
            {
                return true;
            }
        }

        return false;
    }

    internal bool HoldtimeRuns(PairState state, UnitRole unit)
    {
        var me = state.Unit(unit);
        return _monitoring.TimesOut
            && me.Status == UnitStatus.FailoverOn
            && me.View.Contact is MateContact.Hellos or MateContact.DataInterfaces
            && Reach(state, unit) > me.View.Contact;
    }

    /// <summary>The unit's holdtime ran out: LANTEST decides whether the mate is alive (failover link marked failed) or failed.</summary>
    private void HoldtimeExpires(StepBuilder step, UnitRole unit)
    {
        if (!HoldtimeRuns(step.State, unit))
        {
            step.Note($"{unit.Token()} has no unit holdtime running");
            return;
        }

        var me = step.Unit(unit);
        var outcome = _monitoring.Lantest(Reach(step.State, unit));
        if (me.View.Contact == MateContact.Hellos)
        {
            step.Log(unit, SyslogId.LostFailoverCommunications, null, Config.FailoverLink.Name);
        }

        if (outcome == MateContact.DataInterfaces)
        {
            // Table row 7: "Each unit marks the failover interface as failed."
            step.Set(unit, me with { View = me.View with { Contact = MateContact.DataInterfaces } });
            step.Row(FailureEvent.FailoverLinkFailedDuringOperation);
            return;
        }

        // Table row 1, the survivor's side: "Mark active as failed"; every group of the mate is shown Failed. The reason
        // code says what the unit saw (ASA syslog messages guide, 103001): 1, no hello on a failover link that is up; 4,
        // the failover link down and no data interface answering the tests.
        var code = step.State.FailoverLink == LinkStatus.Up ? "1" : "4";
        step.Log(unit, SyslogId.NoResponseFromOtherFirewall, null, code);
        step.Set(unit, me with { View = me.View with { Contact = MateContact.Failed, Group1 = GroupState.Failed, Group2 = GroupState.Failed } });
        step.Row(FailureEvent.UnitFailure);
    }

    /// <summary>
    /// Failed monitored interfaces of the group on the unit, as the unit judges them. An interface the mate's last hello
    /// reported failed too is "Unknown" and does not count toward the policy (ASA configuration guide, "Interface
    /// Monitoring": "If the other unit interface also fails all the network tests, then both interfaces go into the
    /// Unknown state").
    /// </summary>
    internal int FailedMonitored(PairState state, UnitRole unit, FailoverGroupId group)
    {
        var me = state.Unit(unit);
        var failed = me.FailedInterfaces & Config.MonitoredMask(group);
        if (me.View.HearsHellos)
        {
            failed &= ~me.View.FailedInterfaces;
        }

        return BitOperations.PopCount(failed);
    }

    /// <summary>
    /// The mate's failed monitored interfaces of the group as <paramref name="unit"/> knows them; a mate declared failed
    /// answers on no interface, so it counts every one as failed.
    /// </summary>
    internal int MateFailedMonitored(PairState state, UnitRole unit, FailoverGroupId group)
    {
        var me = state.Unit(unit);
        return me.View.Contact switch
        {
            MateContact.Failed => Config.MonitoredCount(group) + 1,
            MateContact.Hellos => BitOperations.PopCount(me.View.FailedInterfaces & Config.MonitoredMask(group) & ~me.FailedInterfaces),
            // Only hellos carry interface states; a unit that hears none compares with nothing.
            _ => 0,
        };
    }
}
