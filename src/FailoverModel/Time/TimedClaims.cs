using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Time;

/// <summary>One thing a timed run does: an external event (settled or not, as the scenario statement <c>step</c>) or a wait.</summary>
internal abstract record TimedAction;

internal sealed record ActEvent(Event Event, bool Settle) : TimedAction
{
    public override string ToString() => Settle ? Event.ToString() : $"step\n{Event}";
}

internal sealed record ActWait(long DurationMs) : TimedAction
{
    public override string ToString() => $"wait {FailoverTimers.Seconds(DurationMs)}";
}

/// <summary>A timed claim that did not hold: which, why, and after how many actions.</summary>
internal sealed record TimedViolation(string Claim, string Evidence, int Actions);

/// <summary>
/// The seed's claims about time, checked on a timed run (issue "Time"; seed, "Failover Health Monitoring" and "Configure
/// the failover groups"), each against what the run shows rather than against the timers' own bookkeeping:
/// <list type="bullet">
/// <item><see cref="AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime"/>: when the unit with a group active fails
/// while its mate, hearing it, holds the group Standby Ready or failed, the mate is active within holdtime + polltime,
/// whether the failover link is up or not, unless another event intervenes first;</item>
/// <item><see cref="APreemptNeverHappensBeforeItsDelay"/>: a group preempted onto a unit had been Standby Ready there for
/// at least its <c>preempt</c> delay;</item>
/// <item><see cref="NoFailoverWhileHellosStillArrive"/>: a unit times out its mate (LANTEST, then failover or the link
/// marked failed) only after hearing no hello for a whole unit holdtime;</item>
/// <item><see cref="EveryViewCatchesUpWithinHoldtimePlusPolltime"/>: a unit shows a mate that fell silent as it last heard
/// it for at most holdtime + polltime, counted from when no other internal step is pending before its timeout.</item>
/// </list>
/// </summary>
internal sealed class TimedClaims
{
    public const string AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime = nameof(AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime);
    public const string APreemptNeverHappensBeforeItsDelay = nameof(APreemptNeverHappensBeforeItsDelay);
    public const string NoFailoverWhileHellosStillArrive = nameof(NoFailoverWhileHellosStillArrive);
    public const string EveryViewCatchesUpWithinHoldtimePlusPolltime = nameof(EveryViewCatchesUpWithinHoldtimePlusPolltime);

    private readonly TimedPair _timed;
    private readonly long[,] _standbySince = new long[2, PairConfig.MaxGroups];
    private readonly long?[] _silentSince = new long?[2];
    private readonly long?[] _staleSince = new long?[2];
    private readonly List<Owed> _owed = [];
    private TimedState _t;
    private PairState _current;
    private int _actions;

    public TimedClaims(TimedPair timed)
    {
        _timed = timed;
        _t = timed.Initial;
        _current = _t.State;
        Observe(_t.State, _t.NowMs);
    }

    public TimedState State => _t;

    /// <summary>Runs the actions; returns the first claim broken, or null.</summary>
    public static TimedViolation? Check(TimedPair timed, IEnumerable<TimedAction> actions)
    {
        var claims = new TimedClaims(timed);
        foreach (var action in actions)
        {
            if (claims.Act(action) is { } violation)
            {
                return violation;
            }
        }

        return claims.Finish();
    }

    public TimedViolation? Act(TimedAction action)
    {
        _actions++;
        var steps = new List<TimedStep>();
        var meter = new OutageMeter(_timed.Config.GroupCount);
        switch (action)
        {
            case ActEvent e:
                // An event ends what the previous one owed: it may change who can serve the group.
                if (Overdue(_t.NowMs) is { } late)
                {
                    return late;
                }

                _owed.Clear();
                var before = _t.State;
                (_t, var result) = _timed.Apply(_t, e.Event);
                Owe(before, e.Event, _t.NowMs);
                if (Observe(result, _t.NowMs) is { } broken)
                {
                    return broken;
                }

                if (e.Settle)
                {
                    _t = _timed.Settle(_t, steps, meter);
                }

                break;
            case ActWait w:
                _t = _timed.Wait(_t, w.DurationMs, steps, meter);
                break;
        }

        foreach (var step in steps)
        {
            if (Overdue(step.AtMs) is { } late)
            {
                return late;
            }

            if (Observe(step.Result, step.AtMs) is { } broken)
            {
                return broken;
            }
        }

        return Overdue(_t.NowMs);
    }

    /// <summary>The run ends: whatever is still owed must have been due after its end.</summary>
    public TimedViolation? Finish() => Overdue(_t.NowMs);

    private void Owe(PairState before, Event e, long now)
    {
        var failing = e switch
        {
            PowerOff p => p.Unit,
            Crash c => c.Unit,
            HardwareFail h => h.Unit,
            _ => (UnitRole?)null,
        };
        // With unit health monitoring the death of the active unit is detected whether the failover link is up or down,
        // and the survivor takes the group from Standby Ready or from a failed copy (a dead unit has more failed
        // interfaces than any live one).
        if (failing is not { } unit || before.Unit(unit.Mate()).Status != UnitStatus.FailoverOn
            || before.Unit(unit.Mate()).View.Contact is not (MateContact.Hellos or MateContact.DataInterfaces))
        {
            return;
        }

        var t = _timed.Config.Timers;
        foreach (var g in _timed.Config.GroupIds)
        {
            if (before.GroupState(unit, g) == GroupState.Active && before.GroupState(unit.Mate(), g) is GroupState.StandbyReady or GroupState.Failed)
            {
                _owed.Add(new Owed(g, unit.Mate(), now, null));
            }
        }
    }

    private TimedViolation? Overdue(long now)
    {
        foreach (var (group, survivor, _, deadline) in _owed)
        {
            if (deadline is { } due && now > due && _current.ActiveOn(group) != ActiveOnValues.Of(survivor))
            {
                var t = _timed.Config.Timers;
                return new TimedViolation(
                    AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime,
                    $"group {group} is still not active on {survivor.Token()} at {FailoverTimers.Seconds(now)}, later than holdtime {FailoverTimers.Seconds(t.UnitHoldMs)} + polltime {FailoverTimers.Seconds(t.UnitPollMs)} after its mate failed",
                    _actions);
            }
        }

        return null;
    }

    private TimedViolation? Observe(StepResult step, long now)
    {
        var t = _timed.Config.Timers;
        if (step.Event is UnitHoldtimeExpired lost)
        {
            var silent = _silentSince[(int)lost.Unit];
            if (silent is null || now - silent.Value < t.UnitHoldMs)
            {
                return new TimedViolation(
                    NoFailoverWhileHellosStillArrive,
                    silent is null
                        ? $"{lost.Unit.Token()} timed out its mate at {FailoverTimers.Seconds(now)} while it still heard hellos"
                        : $"{lost.Unit.Token()} timed out its mate at {FailoverTimers.Seconds(now)}, {FailoverTimers.Seconds(now - silent.Value)} after the last hello; the holdtime is {FailoverTimers.Seconds(t.UnitHoldMs)}",
                    _actions);
            }
        }

        foreach (var unit in UnitRoles.Both)
        {
            if (_staleSince[(int)unit] is { } stale && now - stale > t.UnitHoldMs + t.UnitPollMs)
            {
                return new TimedViolation(
                    EveryViewCatchesUpWithinHoldtimePlusPolltime,
                    $"{unit.Token()} still shows its mate as it last heard it at {FailoverTimers.Seconds(now)}, {FailoverTimers.Seconds(now - stale)} after the mate fell silent; holdtime {FailoverTimers.Seconds(t.UnitHoldMs)} + polltime {FailoverTimers.Seconds(t.UnitPollMs)}",
                    _actions);
            }
        }

        foreach (var change in step.Changes)
        {
            if (step.Event is GroupStep { Trigger: Preempt } && change.From == GroupState.StandbyReady && change.To == GroupState.JustActive)
            {
                var delay = 1000L * step.Before.Unit(change.Unit).Settings(change.Group).PreemptDelaySeconds;
                var since = _standbySince[(int)change.Unit, change.Group.Index];
                if (now - since < delay)
                {
                    return new TimedViolation(
                        APreemptNeverHappensBeforeItsDelay,
                        $"{change.Unit.Token()} preempted group {change.Group} at {FailoverTimers.Seconds(now)}, {FailoverTimers.Seconds(now - since)} after it became Standby Ready; the preempt delay is {FailoverTimers.Seconds(delay)}",
                        _actions);
                }
            }
        }

        Observe(step.State, now);
        return null;
    }

    private void Observe(PairState state, long now)
    {
        // What was owed is paid once the survivor serves the group.
        _current = state;
        _owed.RemoveAll(o => state.ActiveOn(o.Group) == ActiveOnValues.Of(o.Survivor));

        // The survivor's deadline counts from the mate's failure, or later from the moment its holdtime timeout is the
        // pair's next step: the timed layer takes one internal step at a time in the untimed order, so an interface
        // failure of the survivor pending before the timeout comes first (a known gap: ASA's unit and interface
        // monitoring run side by side; docs/time.md, "Claims").
        if (_owed.Count > 0 && _timed.Pair.NextInternal(state) is UnitHoldtimeExpired expiring)
        {
            var t = _timed.Config.Timers;
            for (var i = 0; i < _owed.Count; i++)
            {
                if (_owed[i].Survivor == expiring.Unit && _owed[i].Deadline is null)
                {
                    _owed[i] = _owed[i] with { Deadline = Math.Max(_owed[i].FailedAt, now) + t.UnitHoldMs + t.UnitPollMs };
                }
            }
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in _timed.Config.GroupIds)
            {
                if (state.GroupState(unit, g) != GroupState.StandbyReady)
                {
                    _standbySince[(int)unit, g.Index] = long.MaxValue;
                }
                else if (_standbySince[(int)unit, g.Index] == long.MaxValue)
                {
                    _standbySince[(int)unit, g.Index] = now;
                }
            }

            var hears = state.FailoverLink == LinkStatus.Up && state.Unit(unit.Mate()).Status == UnitStatus.FailoverOn;
            if (hears)
            {
                _silentSince[(int)unit] = null;
            }
            else
            {
                _silentSince[(int)unit] ??= now;
            }

            // The unit shows its mate as it last heard it although the mate now answers less (or nowhere). The claim
            // counts from the moment a holdtime timeout is the pair's next step: the timed layer takes one internal step
            // at a time, so other timed steps pending before it (a startup's own holdtime, row 5) come first.
            if (!_timed.Pair.HoldtimeRuns(state, unit))
            {
                _staleSince[(int)unit] = null;
            }
            else if (_timed.Pair.NextInternal(state) is UnitHoldtimeExpired)
            {
                _staleSince[(int)unit] ??= now;
            }
        }
    }
}

/// <summary>A group owed to the survivor of its active unit: when the mate failed, and the deadline once its clock runs.</summary>
internal readonly record struct Owed(FailoverGroupId Group, UnitRole Survivor, long FailedAt, long? Deadline);
