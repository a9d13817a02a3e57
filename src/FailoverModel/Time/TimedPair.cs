using System.Collections.Immutable;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Time;

/// <summary>
/// A snapshot with its simulated time: the pair's state, the clock, and the internal step the pair will take next with
/// the time it is due. <see cref="PairState"/> itself stays untimed, so the explorer's graph stays finite.
/// </summary>
/// <param name="State">The pair's snapshot.</param>
/// <param name="NowMs">The simulated clock, in milliseconds since both units were off.</param>
/// <param name="Pending">The internal step the pair takes next, or null when it is settled.</param>
/// <param name="DueMs">When <paramref name="Pending"/> falls due.</param>
/// <param name="PrimarySilentSinceMs">
/// Since when the primary's unit holdtime has been running (its mate answering less than it believes), or -1. Both
/// units' holdtimes run at once: each is counted from its own start, not from the moment its timeout became the pair's
/// next step.
/// </param>
/// <param name="SecondarySilentSinceMs">The same for the secondary.</param>
/// <param name="PrimaryReloadingSinceMs">
/// Since when the primary has been reloading (a software failure restarts it at once), or -1: the reload is counted from
/// the failure, not from the moment its completion became the pair's next step (after the mate's takeover).
/// </param>
/// <param name="SecondaryReloadingSinceMs">The same for the secondary.</param>
/// <param name="PrimaryInterfaceSinceMs">
/// Since when the primary's interface holdtime has been running (a monitored interface failed and not yet acted on),
/// or -1: each unit monitors its own interfaces, so the two units' interface holdtimes run side by side.
/// </param>
/// <param name="SecondaryInterfaceSinceMs">The same for the secondary.</param>
public sealed record TimedState(PairState State, long NowMs, Event? Pending, long DueMs, long PrimarySilentSinceMs = -1, long SecondarySilentSinceMs = -1, long PrimaryReloadingSinceMs = -1, long SecondaryReloadingSinceMs = -1, long PrimaryInterfaceSinceMs = -1, long SecondaryInterfaceSinceMs = -1)
{
    /// <summary>Since when the unit's interface holdtime has been running, or -1.</summary>
    /// <param name="unit">The unit.</param>
    public long InterfaceSinceMs(UnitRole unit) => unit == UnitRole.Primary ? PrimaryInterfaceSinceMs : SecondaryInterfaceSinceMs;

    /// <summary>Since when the unit's holdtime has been running, or -1.</summary>
    /// <param name="unit">The unit.</param>
    public long SilentSinceMs(UnitRole unit) => unit == UnitRole.Primary ? PrimarySilentSinceMs : SecondarySilentSinceMs;

    /// <summary>Since when the unit has been reloading, or -1.</summary>
    /// <param name="unit">The unit.</param>
    public long ReloadingSinceMs(UnitRole unit) => unit == UnitRole.Primary ? PrimaryReloadingSinceMs : SecondaryReloadingSinceMs;
}

/// <summary>One step taken on the clock: what happened and when.</summary>
public sealed record TimedStep(StepResult Result, long AtMs);

/// <summary>
/// How long each failover group had no active unit since the last external event (ASA passes a group's traffic only
/// where it is active, so this is the traffic outage).
/// </summary>
public sealed class OutageMeter(int groups)
{
    private readonly long[] _outage = new long[groups];

    /// <summary>Each failover group's outage (by <see cref="FailoverGroupId.Index"/>), in milliseconds.</summary>
    public ImmutableArray<long> Outage => [.. _outage];

    /// <summary>One failover group's outage, in milliseconds.</summary>
    /// <param name="group">The failover group.</param>
    public long Of(FailoverGroupId group) => _outage[group.Index];

    internal void Reset() => Array.Clear(_outage);

    /// <summary>The pair stayed in <paramref name="state"/> from <paramref name="fromMs"/> to <paramref name="toMs"/>.</summary>
    internal void Stayed(PairState state, long fromMs, long toMs)
    {
        for (var i = 0; i < _outage.Length; i++)
        {
            var g = FailoverGroupId.Of(i + 1);
            if (toMs > fromMs && state.ActiveOn(g) == ActiveOn.None)
            {
                _outage[g.Index] += toMs - fromMs;
            }
        }
    }
}

/// <summary>
/// The pair on a simulated clock. Internal steps are taken in the untimed model's fixed order, each when its timer
/// (<see cref="FailoverTimers"/>) runs out, counted from the moment it became the next step; a step that stays next
/// while other events happen keeps its deadline. Because the order is the untimed model's, every timed run is a path of
/// the explorer's graph, where external events may fall between any two internal steps: the timer regions of a timed
/// automaton collapse to "before the next internal step" and the explorer already covers them (a property checks it).
/// </summary>
/// <param name="pair">The untimed pair whose steps are timed.</param>
/// <param name="due">When each step falls due; <see cref="FailoverTimers.Due"/> when null.</param>
/// <param name="quiet">Steps keep no notes (the oracle's checker and lock-step, which compare states and messages only).</param>
public sealed class TimedPair(FailoverPair pair, Func<PairConfig, PairState, Event, long, long>? due = null, bool quiet = false)
{
    /// <summary>When a step falls due; other timers than <see cref="FailoverTimers.Due"/> are the seam of the deliberately broken variants.</summary>
    private readonly Func<PairConfig, PairState, Event, long, long> _due = due ?? FailoverTimers.Due;

    /// <summary>The untimed pair.</summary>
    public FailoverPair Pair { get; } = pair;

    /// <summary>The pair's configuration, its timers included.</summary>
    public PairConfig Config => Pair.Config;

    /// <summary>Both units powered off at time 0.</summary>
    public TimedState Initial => Schedule(new TimedState(Pair.Initial, 0, null, 0));

    /// <summary>A timed state for <paramref name="state"/> at <paramref name="nowMs"/>, its next step scheduled afresh.</summary>
    public TimedState At(PairState state, long nowMs) => Schedule(new TimedState(state, nowMs, null, 0));

    /// <summary>Applies an external event at the current time, without settling.</summary>
    public (TimedState State, StepResult Result) Apply(TimedState t, Event @event)
    {
        var result = Pair.Apply(t.State, @event, quiet);
        return (Schedule(t with { State = result.State }), result);
    }

    /// <summary>Lets <paramref name="durationMs"/> pass, taking every internal step that falls due meanwhile.</summary>
    public TimedState Wait(TimedState t, long durationMs, List<TimedStep> steps, OutageMeter meter)
    {
        var until = t.NowMs + durationMs;
        while (t.Pending is not null && t.DueMs <= until)
        {
            t = Fire(t, steps, meter);
        }

        meter.Stayed(t.State, t.NowMs, until);
        return t with { NowMs = until };
    }

    /// <summary>Takes internal steps, each when it falls due, until none is pending.</summary>
    public TimedState Settle(TimedState t, List<TimedStep> steps, OutageMeter meter)
    {
        var count = 0;
        while (t.Pending is not null)
        {
            if (++count > FailoverPair.MaxSettleSteps)
            {
                throw new InvalidOperationException($"the pair did not settle within {FailoverPair.MaxSettleSteps} internal steps, last: {t.Pending}");
            }

            t = Fire(t, steps, meter);
        }

        return t;
    }

    /// <summary>Takes the pending internal step when it falls due (the scenario statement <c>advance</c>).</summary>
    public TimedState Next(TimedState t, List<TimedStep> steps, OutageMeter meter) =>
        t.Pending is null ? t : Fire(t, steps, meter);

    /// <summary>An external event and the settle after it: the steps taken, the time they took and each group's outage.</summary>
    public (TimedState State, List<TimedStep> Steps, OutageMeter Meter) Step(TimedState t, Event @event)
    {
        var meter = new OutageMeter(Config.GroupCount);
        var (applied, result) = Apply(t, @event);
        var steps = new List<TimedStep> { new(result, t.NowMs) };
        return (Settle(applied, steps, meter), steps, meter);
    }

    private TimedState Fire(TimedState t, List<TimedStep> steps, OutageMeter meter)
    {
        var at = Math.Max(t.NowMs, t.DueMs);
        meter.Stayed(t.State, t.NowMs, at);
        var result = Pair.Apply(t.State, t.Pending!, quiet);
        steps.Add(new TimedStep(result, at));
        return Schedule(t with { State = result.State, NowMs = at });
    }

    private TimedState Schedule(TimedState t)
    {
        t = t with
        {
            PrimarySilentSinceMs = SilentSince(t, UnitRole.Primary),
            SecondarySilentSinceMs = SilentSince(t, UnitRole.Secondary),
            PrimaryReloadingSinceMs = ReloadingSince(t, UnitRole.Primary),
            SecondaryReloadingSinceMs = ReloadingSince(t, UnitRole.Secondary),
            PrimaryInterfaceSinceMs = InterfaceSince(t, UnitRole.Primary),
            SecondaryInterfaceSinceMs = InterfaceSince(t, UnitRole.Secondary),
        };
        var next = Pair.NextInternal(t.State);
        if (next is null)
        {
            return t with { Pending = null, DueMs = 0 };
        }

        // A step that was already next keeps its deadline, unless it has just fired (then it starts over). A unit's
        // holdtime is counted from when the unit's mate fell silent, its interface holdtime from when its own interface
        // failed, a reload from the failure that started it.
        if (next.Equals(t.Pending) && t.DueMs > t.NowMs)
        {
            return t;
        }

        var since = next switch
        {
            UnitHoldtimeExpired h => t.SilentSinceMs(h.Unit),
            UnitStep { Trigger: Machines.UnitTrigger.ReloadCompletes } r when t.ReloadingSinceMs(r.Unit) >= 0 => t.ReloadingSinceMs(r.Unit),
            GroupStep { Trigger: Machines.GroupTrigger.InterfaceFailureOnActiveGroup or Machines.GroupTrigger.InterfaceFailureOnStandbyGroup } g when t.InterfaceSinceMs(g.Unit) >= 0 => t.InterfaceSinceMs(g.Unit),
            _ => t.NowMs,
        };
        return t with { Pending = next, DueMs = _due(Config, t.State, next, since) };
    }

    private long InterfaceSince(TimedState t, UnitRole unit)
    {
        if (!Pair.InterfaceCheckRuns(t.State, unit))
        {
            return -1;
        }

        var known = t.InterfaceSinceMs(unit);
        return known >= 0 ? known : t.NowMs;
    }

    private static long ReloadingSince(TimedState t, UnitRole unit)
    {
        if (t.State.Unit(unit).Status != Machines.UnitStatus.Reloading)
        {
            return -1;
        }

        var known = t.ReloadingSinceMs(unit);
        return known >= 0 ? known : t.NowMs;
    }

    private long SilentSince(TimedState t, UnitRole unit)
    {
        if (!Pair.HoldtimeRuns(t.State, unit))
        {
            return -1;
        }

        var known = t.SilentSinceMs(unit);
        return known >= 0 ? known : t.NowMs;
    }
}
