using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// How long a step may take on a real pair (docs/oracle.md, "Timing"): the model's polls tick at whole multiples of
/// their period from its clock's zero, a device's at any phase, so each internal step driven by a poll may happen
/// anywhere in the poll period after its timer runs out: a silent mate is declared failed between the unit holdtime
/// and the holdtime plus one unit poll after it fell silent (<see cref="FailoverTimers"/>), an interface between the
/// interface holdtime and that plus one interface poll. Steps without a timer (an activation's chain, a
/// synchronization) take no time on the model; ASA's own history prints the whole chain within one second, so a step
/// may take up to <see cref="ChainMs"/> more than its timers.
/// </summary>
internal static class StepTiming
{
    /// <summary>What a step may take beyond its timers: the seed's failover history shows a chain within one second.</summary>
    public const long ChainMs = 1_000;

    /// <summary>The pair whose holdtime rules the bounds read, one per configuration.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PairConfig, FailoverPair> Pairs = [];

    /// <summary>
    /// The least and the most milliseconds the step may take, from its event to its settled state. Each internal step
    /// happens within its timer's window after the moment its timer started: a unit's holdtime from the moment its mate
    /// fell silent (so when the failover link fails, both units time out their mate within the same window, not one
    /// after the other), any other timer from the step before it (the event for the first). A step never happens before
    /// the one before it, so the earliest and the latest time of each step are the later of the step before's and its
    /// own timer's (docs/oracle.md, "Timing").
    /// </summary>
    public static (long Least, long Most) Bounds(PairConfig config, OracleAction action, ModelStep step)
    {
        if (action is OracleWaitAction wait)
        {
            return (wait.DurationMs, wait.DurationMs + ChainMs);
        }

        var t = config.Timers;
        var pair = Pairs.GetValue(config, c => new FailoverPair(c));

        // The earliest and latest moment, after the event, at which each unit's holdtime started; null: not running;
        // Carried: running since before the event, on a clock the trace does not show.
        var silent = new (long Least, long Most)?[2];
        var carried = new bool[2];

        // The same for each unit's interface holdtime: each unit monitors its own interfaces, side by side.
        var failing = new (long Least, long Most)?[2];
        var failingCarried = new bool[2];
        var external = step.Steps.Count > 0 ? step.Steps[0].Result.Before : step.State;
        foreach (var unit in UnitRoles.Both)
        {
            carried[(int)unit] = step.Before.SilentSinceMs(unit) >= 0 && pair.HoldtimeRuns(external, unit);
            silent[(int)unit] = carried[(int)unit] || pair.HoldtimeRuns(external, unit) ? (0, 0) : null;
            failingCarried[(int)unit] = step.Before.InterfaceSinceMs(unit) >= 0 && pair.InterfaceCheckRuns(external, unit);
            failing[(int)unit] = failingCarried[(int)unit] || pair.InterfaceCheckRuns(external, unit) ? (0, 0) : null;
        }

        long least = 0, most = 0, previousAt = step.Before.NowMs;
        for (var i = 0; i < step.Steps.Count; i++)
        {
            var taken = step.Steps[i];
            var timer = FailoverTimers.Of(taken.Result.Event);

            // A timer already running at the event (a line with "settle": false before this one) started on a clock
            // the trace does not show: it may run out at once, or a whole window after the event.
            var carriedOver = i == 0 && taken.Result.Event.Equals(step.Before.Pending) && step.Before.DueMs > step.Before.NowMs;
            var (from, lo, hi) = timer switch
            {
                FailoverTimer.UnitHold when taken.Result.Event is UnitHoldtimeExpired h && silent[(int)h.Unit] is { } since && !carried[(int)h.Unit] =>
                    (since, (long)t.UnitHoldMs, (long)t.UnitHoldMs + t.UnitPollMs),
                FailoverTimer.UnitHold when taken.Result.Event is UnitHoldtimeExpired => ((0L, 0L), 0L, (long)t.UnitHoldMs + t.UnitPollMs),
                FailoverTimer.UnitHold => ((least, most), t.UnitHoldMs, (long)t.UnitHoldMs + t.UnitPollMs),
                FailoverTimer.UnitPoll => ((least, most), 0L, (long)t.UnitPollMs),
                FailoverTimer.InterfaceHold when taken.Result.Event is GroupStep g && failing[(int)g.Unit] is { } failedAt && !failingCarried[(int)g.Unit] =>
                    (failedAt, (long)t.InterfaceHoldMs, (long)t.InterfaceHoldMs + t.InterfacePollMs),
                FailoverTimer.InterfaceHold when taken.Result.Event is GroupStep g && failingCarried[(int)g.Unit] => ((0L, 0L), 0L, (long)t.InterfaceHoldMs + t.InterfacePollMs),
                FailoverTimer.InterfaceHold => ((least, most), t.InterfaceHoldMs, (long)t.InterfaceHoldMs + t.InterfacePollMs),
                FailoverTimer.InterfacePoll => ((least, most), 0L, (long)t.InterfacePollMs),
                FailoverTimer.PreemptDelay => ((least, most), taken.AtMs - previousAt, taken.AtMs - previousAt),

                // A reload runs from the software failure that started it, whatever the mate does meanwhile: its end is a
                // fixed time after the line's event (or after the earlier line that crashed the unit).
                FailoverTimer.Reload => ((0L, 0L), taken.AtMs - step.Before.NowMs, taken.AtMs - step.Before.NowMs),
                _ => ((least, most), 0L, 0L),
            };
            if (carriedOver)
            {
                (from, lo) = ((0L, 0L), 0L);
            }

            var (fromLeast, fromMost) = from;
            least = Math.Max(least, fromLeast + lo);
            most = Math.Max(most, fromMost + hi);
            previousAt = taken.AtMs;

            // A holdtime that starts or stops with this step.
            foreach (var unit in UnitRoles.Both)
            {
                var runs = pair.HoldtimeRuns(taken.Result.State, unit);
                if (!runs)
                {
                    silent[(int)unit] = null;
                    carried[(int)unit] = false;
                }
                else if (silent[(int)unit] is null)
                {
                    silent[(int)unit] = (least, most);
                }

                if (!pair.InterfaceCheckRuns(taken.Result.State, unit))
                {
                    failing[(int)unit] = null;
                    failingCarried[(int)unit] = false;
                }
                else if (failing[(int)unit] is null)
                {
                    failing[(int)unit] = (least, most);
                }
            }
        }

        return (least, most + ChainMs);
    }
}
