using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Timed;

/// <summary>Which poll period decides when a fault is detected: the unit poll (hellos) or the interface poll.</summary>
internal enum TimedPoll : byte
{
    /// <summary><c>failover polltime unit</c>: a silent mate, a boot without an active unit.</summary>
    Unit,

    /// <summary><c>failover polltime interface</c>: a monitored interface.</summary>
    Interface,
}

/// <summary>
/// One fault of the outage table (docs/time.md) as a timed test case: the events that bring the pair to where the fault
/// strikes, then the fault itself, injected at each phase of its poll.
/// </summary>
/// <param name="Row">The seed's failure-event table row the fault exercises, or null for a command.</param>
/// <param name="Setup">The events before the fault, from power-off (each settles).</param>
/// <param name="Fault">The fault.</param>
internal sealed record TimedFault(FailureEvent? Row, IReadOnlyList<Event> Setup, Event Fault)
{
    /// <summary>The fault as the manifest names it: its setup after the boot and the fault, as scenario text.</summary>
    public string Name => string.Join(", then ", Setup.Skip(1).Append(Fault).Select(e => e.ToString()));
}

/// <summary>A timed suite: faults of one poll, each injected at the suite's phases of that poll.</summary>
/// <param name="Name">The file name stem, e.g. <c>timed-unit-faults</c>.</param>
/// <param name="Title">What it tests, for the manifest.</param>
/// <param name="Poll">The poll whose phases the faults are injected at.</param>
/// <param name="Faults">The faults, in the outage table's order.</param>
internal sealed record TimedSuite(string Name, string Title, TimedPoll Poll, IReadOnlyList<TimedFault> Faults)
{
    /// <summary>The poll period under <paramref name="config"/>, in milliseconds.</summary>
    public long PeriodMs(PairConfig config) => Poll == TimedPoll.Unit ? config.Timers.UnitPollMs : config.Timers.InterfacePollMs;

    /// <summary>
    /// Where in the poll period each fault strikes, in milliseconds after a poll of the model's clock: on a poll (the
    /// shortest detection, the holdtime itself), one millisecond after it (the longest: the holdtime runs out just
    /// after a poll and waits almost a whole period), and at a third and two thirds of the period.
    /// </summary>
    public IReadOnlyList<long> PhasesMs(PairConfig config)
    {
        var period = PeriodMs(config);
        return [.. new[] { 0, 1, period / 3, 2 * period / 3 }.Where(p => p < period).Distinct()];
    }
}

/// <summary>
/// The timed suites (docs/oracle.md, "Timed suites"): each fault of the outage table (docs/time.md) injected into the
/// running pair at several phases of the poll that detects it, so that the vectors show a takeover at either end of
/// the window the model allows (holdtime to holdtime + poll) and between. A unit fault is detected by hellos (the unit
/// poll), an interface fault by the interface poll.
/// </summary>
internal static class TimedSuites
{
    /// <summary>The timed suites of a configuration: unit faults and, when group 1 has a monitored interface, interfaces.</summary>
    public static IReadOnlyList<TimedSuite> For(PairConfig config)
    {
        var boot = new PowerOn(UnitRole.Primary, BothUnits: true);
        var active = ActiveUnitAfterBoot(config, boot);
        var standby = active.Mate();
        var linkDown = new LinkChange(LinkKind.Failover, Up: false);
        var unit = new List<TimedFault>
        {
            new(FailureEvent.UnitFailure, [boot], new PowerOff(active)),
            new(FailureEvent.UnitFailure, [boot], new Crash(active)),
            new(FailureEvent.UnitFailure, [boot], new HardwareFail(active)),

            // Unit health monitoring without the failover link: the units still hear each other on the data
            // interfaces, and the survivor times out a dead mate all the same (docs/time.md, timed claims).
            new(FailureEvent.UnitFailure, [boot, linkDown], new PowerOff(active)),
            new(FailureEvent.FailoverLinkFailedAtStartup, [linkDown], boot),
        };
        if (config.StateLink is not null && !config.StateLinkIsFailoverLink)
        {
            unit.Add(new(FailureEvent.StatefulFailoverLinkFailed, [boot], new LinkChange(LinkKind.State, Up: false)));
        }

        unit.Add(new(FailureEvent.FailoverLinkFailedDuringOperation, [boot], linkDown));
        unit.Add(new(null, [boot], new CommandEvent(active, null, new NoFailoverActive(FailoverGroupId.One))));

        var suites = new List<TimedSuite>
        {
            new("timed-unit-faults",
                "timed: unit faults — power-off, crash and hardware failure of the active unit (with and without the failover link), the failover link failing at startup and during operation, the Stateful Failover link, forced failover, each at several phases of the unit poll (seed, \"Unit Health Monitoring\"; docs/time.md)",
                TimedPoll.Unit, unit),
        };

        if (config.Interfaces.FirstOrDefault(i => i.Monitored && config.GroupOfContext(i.Context) == FailoverGroupId.One) is { } ifc)
        {
            var down = new InterfaceChange(active, ifc.Name, Up: false);
            suites.Add(new("timed-interfaces",
                $"timed: interfaces — {ifc.Name} failing on the active and on the standby unit of group 1 and recovering, each at several phases of the interface poll (seed, \"Interface Health Monitoring\"; docs/time.md)",
                TimedPoll.Interface,
                [
                    new(FailureEvent.InterfaceFailureOnActiveGroup, [boot], down),
                    new(FailureEvent.InterfaceFailureOnStandbyGroup, [boot], new InterfaceChange(standby, ifc.Name, Up: false)),
                    new(FailureEvent.FormerlyActiveGroupRecovers, [boot, down], new InterfaceChange(active, ifc.Name, Up: true)),
                ]));
        }

        return suites;
    }

    private static UnitRole ActiveUnitAfterBoot(PairConfig config, Event boot)
    {
        var session = new OracleSession(config);
        return session.Apply(boot).State.ActiveOn(FailoverGroupId.One) == ActiveOn.Secondary ? UnitRole.Secondary : UnitRole.Primary;
    }
}
