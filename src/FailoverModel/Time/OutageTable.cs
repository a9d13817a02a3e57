using System.Collections.Immutable;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Time;

/// <summary>One line of the outage table: a fault, and how long the traffic it hits is down, over every phase of the polls.</summary>
/// <param name="Row">The failure-event table row the fault exercises, or null for a command.</param>
/// <param name="Fault">The fault as scenario text.</param>
/// <param name="Traffic">Whose traffic is measured, in words.</param>
/// <param name="BestMs">The shortest outage over the phases tried.</param>
/// <param name="TypicalMs">The mean outage over the phases tried.</param>
/// <param name="WorstMs">The longest outage over the phases tried.</param>
/// <param name="SettledMs">The longest time until the pair has nothing left to do.</param>
public sealed record OutageLine(FailureEventRow? Row, string Fault, string Traffic, long BestMs, long TypicalMs, long WorstMs, long SettledMs);

/// <summary>
/// The number a network engineer puts in a design document: for each failure event of the seed's table, how long the
/// affected traffic is down under the configured timers. Each fault is injected into the running pair (both units
/// booted together, group 1 on the primary) at a hundred evenly spaced phases of the longest poll period and one
/// millisecond after and before each poll, and
/// the model is run on its clock until the traffic flows again; best, mean and worst are reported. A fault's traffic is
/// the failover group it hits: after a unit failure, until the group is active on the mate; after an interface
/// failure, until the group is active on a unit where that interface works.
/// </summary>
public static class OutageTable
{
    public const int Phases = 100;

    public static ImmutableArray<OutageLine> Measure(PairConfig config)
    {
        var timed = new TimedPair(new FailoverPair(config));
        var running = Settled(timed, timed.Initial, new PowerOn(UnitRole.Primary, BothUnits: true));
        var active = running.State.ActiveOn(FailoverGroupId.One) == ActiveOn.Secondary ? UnitRole.Secondary : UnitRole.Primary;
        var lines = ImmutableArray.CreateBuilder<OutageLine>();
        var row = FailureEventTable.Rows.ToDictionary(r => r.Event);
        bool Group1ActiveOn(PairState s, UnitRole unit) => s.ActiveOn(FailoverGroupId.One) == ActiveOnValues.Of(unit);
        bool Group1Active(PairState s) => s.ActiveOn(FailoverGroupId.One) != ActiveOn.None;

        lines.Add(Line(timed, running, row[FailureEvent.UnitFailure], new PowerOff(active), "group 1", s => Group1ActiveOn(s, active.Mate())));
        lines.Add(Line(timed, running, row[FailureEvent.UnitFailure], new Crash(active), "group 1", s => Group1ActiveOn(s, active.Mate())));
        if (FirstMonitored(config, FailoverGroupId.One) is { } ifc)
        {
            var index = config.InterfaceIndex(ifc.Name);
            bool Serves(PairState s) => s.ActiveOn(FailoverGroupId.One) is ActiveOn.Primary or ActiveOn.Secondary
                && !s.Unit(s.ActiveOn(FailoverGroupId.One) == ActiveOn.Primary ? UnitRole.Primary : UnitRole.Secondary).IsInterfaceFailed(index);
            lines.Add(Line(timed, running, row[FailureEvent.InterfaceFailureOnActiveGroup], new InterfaceChange(active, ifc.Name, Up: false), $"group 1 on {ifc.Name}", Serves));
            lines.Add(Line(timed, running, row[FailureEvent.InterfaceFailureOnStandbyGroup], new InterfaceChange(active.Mate(), ifc.Name, Up: false), $"group 1 on {ifc.Name}", Serves));
            var failed = Settled(timed, running, new InterfaceChange(active, ifc.Name, Up: false));
            lines.Add(Line(timed, failed, row[FailureEvent.FormerlyActiveGroupRecovers], new InterfaceChange(active, ifc.Name, Up: true), $"group 1 on {ifc.Name}", Serves));
        }

        var cut = Settled(timed, timed.Initial, new LinkChange(LinkKind.Failover, Up: false));
        lines.Add(Line(timed, cut, row[FailureEvent.FailoverLinkFailedAtStartup], new PowerOn(UnitRole.Primary, BothUnits: true), "group 1 (from power-on)", Group1Active));
        if (config.StateLink is not null && !config.StateLinkIsFailoverLink)
        {
            lines.Add(Line(timed, running, row[FailureEvent.StatefulFailoverLinkFailed], new LinkChange(LinkKind.State, Up: false), "group 1", Group1Active));
        }

        lines.Add(Line(timed, running, row[FailureEvent.FailoverLinkFailedDuringOperation], new LinkChange(LinkKind.Failover, Up: false), "group 1", Group1Active));
        lines.Add(Line(timed, running, null, new CommandEvent(active, null, new NoFailoverActive(FailoverGroupId.One)), "group 1", s => Group1ActiveOn(s, active.Mate())));
        return lines.ToImmutable();
    }

    private static OutageLine Line(TimedPair timed, TimedState from, FailureEventRow? row, Event fault, string traffic, Func<PairState, bool> flows)
    {
        var t = timed.Config.Timers;
        long best = long.MaxValue, worst = 0, total = 0, settled = 0;
        var runs = 0;

        // The mean is taken over a uniform grid of the longest poll period; the extremes also over one millisecond after
        // and before each poll, where a fault just misses or just makes a poll.
        long period = Math.Max(t.UnitPollMs, t.InterfacePollMs);
        var grid = Enumerable.Range(0, Phases).Select(k => (Phase: period * k / Phases, Uniform: true));
        var edges = ((long[])[1, t.UnitPollMs - 1, t.InterfacePollMs - 1]).Select(p => (Phase: p, Uniform: false));
        foreach (var (phase, uniform) in grid.Concat(edges))
        {
            var start = timed.Wait(from, phase, [], new OutageMeter(timed.Config.GroupCount));
            var (end, steps, _) = timed.Step(start, fault);
            var restored = steps.FirstOrDefault(s => flows(s.Result.State));
            var outage = restored is null ? end.NowMs - start.NowMs : restored.AtMs - start.NowMs;
            if (restored is null && !flows(end.State))
            {
                throw new InvalidOperationException($"after '{fault}' the traffic of {traffic} does not flow again");
            }

            best = Math.Min(best, outage);
            worst = Math.Max(worst, outage);
            settled = Math.Max(settled, end.NowMs - start.NowMs);
            if (uniform)
            {
                total += outage;
                runs++;
            }
        }

        return new OutageLine(row, fault.ToString(), traffic, best, total / runs, worst, settled);
    }

    private static TimedState Settled(TimedPair timed, TimedState from, Event @event) => timed.Step(from, @event).State;

    private static InterfaceConfig? FirstMonitored(PairConfig config, FailoverGroupId group) =>
        config.Interfaces.FirstOrDefault(i => i.Monitored && config.GroupOfContext(i.Context) == group);
}
