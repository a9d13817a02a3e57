using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Time;

/// <summary>The timer that decides when an internal step happens, named as ASA names it.</summary>
public enum FailoverTimer : byte
{
    /// <summary>Happens as soon as it is enabled: the seed documents no duration for it.</summary>
    None,

    /// <summary>At the next unit poll, when a hello is exchanged (<c>failover polltime unit</c>).</summary>
    UnitPoll,

    /// <summary>The unit holdtime without a hello, noticed at the next unit poll.</summary>
    UnitHold,

    /// <summary>The interface holdtime without traffic on a monitored interface, noticed at the next interface poll.</summary>
    InterfaceHold,

    /// <summary>At the next interface poll (<c>failover polltime interface</c>).</summary>
    InterfacePoll,

    /// <summary>The failover group's <c>preempt &lt;delay&gt;</c>.</summary>
    PreemptDelay,

    /// <summary>A unit that failed in software reloads.</summary>
    Reload,
}

/// <summary>
/// When each internal step happens, from the configured timers (seed, "Configure failover ... polltime"; docs/sources.md,
/// "Timers and options"). Polls tick at whole multiples of their period on the simulated clock, so the time from a
/// fault to its detection depends on where in the poll period the fault falls: a peer that stops sending hellos is
/// declared failed at the first unit poll at least one holdtime later, between holdtime and holdtime + polltime after
/// the fault. The steps of an activation (Just Active → … → Active) and of a synchronization take no time: the seed gives
/// them no duration, and ASA's own history prints the whole chain within one second.
/// </summary>
public static class FailoverTimers
{
    /// <summary>How long a unit takes to reload after a software failure: two minutes, a typical ASA 5500 reload (no Cisco figure found; an assumption).</summary>
    public const long ReloadMs = 120_000;

    public static FailoverTimer Of(Event step) => step switch
    {
        // A silent mate is timed out once, by the unit (UnitHoldtimeExpired); what its groups do then happens at once.
        UnitHoldtimeExpired => FailoverTimer.UnitHold,
        GroupStep { Trigger: NoActiveUnitFound or FailoverLinkFailedAtStartup } => FailoverTimer.UnitHold,
        GroupStep { Trigger: BothUnitsBooted or ActiveMateDetected } => FailoverTimer.UnitPoll,
        GroupStep { Trigger: InterfaceFailureOnActiveGroup or InterfaceFailureOnStandbyGroup } => FailoverTimer.InterfaceHold,
        GroupStep { Trigger: FormerlyActiveGroupRecovers } => FailoverTimer.InterfacePoll,
        GroupStep { Trigger: Preempt } => FailoverTimer.PreemptDelay,
        UnitStep { Trigger: UnitTrigger.ReloadCompletes } => FailoverTimer.Reload,
        _ => FailoverTimer.None,
    };

    public static FailoverTimer Of(GroupTrigger trigger) => Of(new GroupStep(UnitRole.Primary, GroupStep.EveryGroup, trigger));

    /// <summary>When <paramref name="step"/>, enabled at <paramref name="nowMs"/> in <paramref name="state"/>, happens.</summary>
    public static long Due(PairConfig config, PairState state, Event step, long nowMs)
    {
        var t = config.Timers;
        return Of(step) switch
        {
            FailoverTimer.UnitHold => NextTick(nowMs + t.UnitHoldMs, t.UnitPollMs),
            FailoverTimer.UnitPoll => NextTick(nowMs, t.UnitPollMs),
            FailoverTimer.InterfaceHold => NextTick(nowMs + t.InterfaceHoldMs, t.InterfacePollMs),
            FailoverTimer.InterfacePoll => NextTick(nowMs, t.InterfacePollMs),
            FailoverTimer.PreemptDelay => nowMs + (1000L * PreemptDelaySeconds(state, (GroupStep)step)),
            FailoverTimer.Reload => nowMs + ReloadMs,
            _ => nowMs,
        };
    }

    /// <summary>The timer as a diagram or table prints it, with its value under <paramref name="config"/>.</summary>
    public static string Describe(FailoverTimer timer, PairConfig config)
    {
        var t = config.Timers;
        return timer switch
        {
            FailoverTimer.UnitHold => $"after unit holdtime {Seconds(t.UnitHoldMs)} (+ up to poll {Seconds(t.UnitPollMs)})",
            FailoverTimer.UnitPoll => $"at the next unit poll ({Seconds(t.UnitPollMs)})",
            FailoverTimer.InterfaceHold => $"after interface holdtime {Seconds(t.InterfaceHoldMs)} (+ up to poll {Seconds(t.InterfacePollMs)})",
            FailoverTimer.InterfacePoll => $"at the next interface poll ({Seconds(t.InterfacePollMs)})",
            FailoverTimer.PreemptDelay => "after the preempt delay",
            FailoverTimer.Reload => $"after a reload ({Seconds(ReloadMs)})",
            _ => "at once",
        };
    }

    /// <summary>A duration as people write it: whole seconds as <c>45s</c>, anything else as <c>800ms</c>.</summary>
    public static string Seconds(long milliseconds) =>
        milliseconds % 1000 == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{milliseconds / 1000}s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{milliseconds}ms");

    /// <summary>The first tick of a <paramref name="period"/> at or after <paramref name="timeMs"/>.</summary>
    public static long NextTick(long timeMs, long period) => (timeMs + period - 1) / period * period;

    private static int PreemptDelaySeconds(PairState state, GroupStep step)
    {
        // A unit-wide step preempts every group that may preempt there; it waits for the longest of their delays.
        var unit = state.Unit(step.Unit);
        var delay = 0;
        foreach (var g in (ReadOnlySpan<FailoverGroupId>)[FailoverGroupId.One, FailoverGroupId.Two])
        {
            var slot = unit.Group(g);
            if ((step.Group is null || step.Group == g) && slot.PreemptArmed && slot.State == GroupState.StandbyReady && unit.Settings(g).Preempt)
            {
                delay = Math.Max(delay, unit.Settings(g).PreemptDelaySeconds);
            }
        }

        return delay;
    }
}
