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

    /// <summary>The least and the most milliseconds the step may take, from its event to its settled state.</summary>
    public static (long Least, long Most) Bounds(PairConfig config, OracleAction action, ModelStep step)
    {
        if (action is OracleWaitAction wait)
        {
            return (wait.DurationMs, wait.DurationMs + ChainMs);
        }

        var t = config.Timers;
        long least = 0, most = 0;
        foreach (var taken in step.Steps)
        {
            var (lo, hi) = FailoverTimers.Of(taken.Result.Event) switch
            {
                FailoverTimer.UnitHold => ((long)t.UnitHoldMs, (long)t.UnitHoldMs + t.UnitPollMs),
                FailoverTimer.UnitPoll => (0L, (long)t.UnitPollMs),
                FailoverTimer.InterfaceHold => ((long)t.InterfaceHoldMs, (long)t.InterfaceHoldMs + t.InterfacePollMs),
                FailoverTimer.InterfacePoll => (0L, (long)t.InterfacePollMs),
                FailoverTimer.PreemptDelay or FailoverTimer.Reload => (taken.AtMs - Previous(step, taken), taken.AtMs - Previous(step, taken)),
                _ => (0L, 0L),
            };
            least += lo;
            most += hi;
        }

        return (least, most + ChainMs);
    }

    /// <summary>When the step before <paramref name="taken"/> happened (the event for the first).</summary>
    private static long Previous(ModelStep step, TimedStep taken)
    {
        var i = step.Steps.ToList().IndexOf(taken);
        return i <= 0 ? step.Before.NowMs : step.Steps[i - 1].AtMs;
    }
}
