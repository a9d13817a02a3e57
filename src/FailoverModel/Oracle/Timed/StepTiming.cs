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

    /// <summary>A unit timing out a silent mate (docs/time.md: hellos every unit poll, the mate failed after the holdtime).</summary>
    public static readonly StepWindow SilentMate = new(
        "unit holdtime, a silent mate declared failed", "when the unit's mate fell silent", "holdtime", "holdtime + unit poll", t => t.UnitHoldMs, t => (long)t.UnitHoldMs + t.UnitPollMs);

    /// <summary>A unit that hears no active mate at boot (seed, "Failover Overview": it waits a holdtime of hellos).</summary>
    public static readonly StepWindow Startup = new(
        "unit holdtime, no active unit found at boot, the failover link failed at startup", "the step before", "holdtime", "holdtime + unit poll", t => t.UnitHoldMs, t => (long)t.UnitHoldMs + t.UnitPollMs);

    /// <summary>A hello exchanged: the next unit poll.</summary>
    public static readonly StepWindow Hello = new(
        "unit poll (a hello exchanged: both booted, an active mate detected)", "the step before", "0", "unit poll", _ => 0, t => t.UnitPollMs);

    /// <summary>A unit's own monitored interface failed (decisions.md 41: each unit's beside its mate's).</summary>
    public static readonly StepWindow InterfaceHold = new(
        "interface holdtime (a monitored interface failed)", "when the unit's own monitored interface failed (each unit's alongside its mate's; [decisions.md](decisions.md) 41)", "interface holdtime", "interface holdtime + interface poll", t => t.InterfaceHoldMs, t => (long)t.InterfaceHoldMs + t.InterfacePollMs);

    /// <summary>An interface heard again: the next interface poll.</summary>
    public static readonly StepWindow InterfacePoll = new(
        "interface poll (a formerly active group recovers)", "the step before", "0", "interface poll", _ => 0, t => t.InterfacePollMs);

    /// <summary>The group's <c>preempt</c> delay (seed, "Configure the failover groups").</summary>
    public static readonly StepWindow Preempt = new("`preempt <delay>`", "the step before", "the delay", "the delay", null, null);

    /// <summary>A crashed unit's reload (docs/time.md; decisions.md 42).</summary>
    public static readonly StepWindow Reload = new(
        "a reload (two minutes, [time.md](time.md))", "the software failure that started it", "two minutes", "two minutes", _ => FailoverTimers.ReloadMs, _ => FailoverTimers.ReloadMs);

    /// <summary>A step without a timer.</summary>
    public static readonly StepWindow Untimed = new("none (an activation's chain, a synchronization)", "the step before", "0", "0", _ => 0, _ => 0);

    /// <summary>The scenario statement and trace event <c>wait</c>.</summary>
    public static readonly StepWindow Wait = new("`wait <d>`", "the line before", "d", "d", null, null);

    /// <summary>Every window, in the order docs/oracle.md ("Timing") lists them; the table there is <see cref="Table"/>'s.</summary>
    public static readonly IReadOnlyList<StepWindow> Windows = [SilentMate, Startup, Hello, InterfaceHold, InterfacePoll, Preempt, Reload, Untimed, Wait];

    /// <summary>The windows as docs/oracle.md's table, with the allowed range under <paramref name="timers"/> (the step's one-second chain included).</summary>
    public static string Table(UnitTimers timers)
    {
        var table = new System.Text.StringBuilder();
        table.Append("| the step's timer | starts | least | most | with the seed's timers |\n|---|---|---|---|---|\n");
        foreach (var w in Windows)
        {
            var seed = w.LeastMs is { } least && w.MostMs is { } most
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Seconds(least(timers))}–{Seconds(most(timers) + ChainMs)} s")
                : $"{w.Least} to {w.Most} + 1 s";
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {w.Step} | {w.Starts} | {w.Least} | {w.Most} | {seed} |\n");
        }

        return table.ToString();
    }

    private static string Seconds(long ms) => ms % 1000 == 0
        ? (ms / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (ms / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

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
                    (since, SilentMate.LeastMs!(t), SilentMate.MostMs!(t)),
                FailoverTimer.UnitHold when taken.Result.Event is UnitHoldtimeExpired => ((0L, 0L), 0L, SilentMate.MostMs!(t)),
                FailoverTimer.UnitHold => ((least, most), Startup.LeastMs!(t), Startup.MostMs!(t)),
                FailoverTimer.UnitPoll => ((least, most), Hello.LeastMs!(t), Hello.MostMs!(t)),
                FailoverTimer.InterfaceHold when taken.Result.Event is GroupStep g && failing[(int)g.Unit] is { } failedAt && !failingCarried[(int)g.Unit] =>
                    (failedAt, InterfaceHold.LeastMs!(t), InterfaceHold.MostMs!(t)),
                FailoverTimer.InterfaceHold when taken.Result.Event is GroupStep g && failingCarried[(int)g.Unit] => ((0L, 0L), 0L, InterfaceHold.MostMs!(t)),
                FailoverTimer.InterfaceHold => ((least, most), InterfaceHold.LeastMs!(t), InterfaceHold.MostMs!(t)),
                FailoverTimer.InterfacePoll => ((least, most), InterfacePoll.LeastMs!(t), InterfacePoll.MostMs!(t)),
                FailoverTimer.PreemptDelay => ((least, most), taken.AtMs - previousAt, taken.AtMs - previousAt),

                // A reload runs from the software failure that started it, whatever the mate does meanwhile: its end is a
                // fixed time after the line's event (or after the earlier line that crashed the unit).
                FailoverTimer.Reload => ((0L, 0L), taken.AtMs - step.Before.NowMs, taken.AtMs - step.Before.NowMs),
                _ => ((least, most), Untimed.LeastMs!(t), Untimed.MostMs!(t)),
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

/// <summary>
/// One row of the oracle's timing table (docs/oracle.md, "Timing"): which step, from when its timer counts, and the
/// least and the most it may take, as words and, where the timers give them, in milliseconds.
/// </summary>
internal sealed record StepWindow(string Step, string Starts, string Least, string Most, Func<UnitTimers, long>? LeastMs, Func<UnitTimers, long>? MostMs);
