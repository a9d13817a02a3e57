using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The external events that make sense under a configuration: what the explorer, the random checker and the test
/// vectors draw from. Configuration-mode commands (<c>failover group n</c>) are left out: they change the
/// configuration, not the failover behaviour under it, and the explorer runs one configuration at a time.
/// </summary>
internal static class EventAlphabet
{
    public static IReadOnlyList<Event> For(PairConfig config)
    {
        var events = new List<Event>
        {
            new PowerOn(UnitRole.Primary, BothUnits: true),
        };
        foreach (var unit in UnitRoles.Both)
        {
            events.Add(new PowerOn(unit));
            events.Add(new PowerOff(unit));
            events.Add(new Crash(unit));
            events.Add(new HardwareFail(unit));
            events.Add(new Replace(unit));
        }

        foreach (var unit in UnitRoles.Both)
        {
            foreach (var i in config.Interfaces.Where(i => i.Monitored))
            {
                events.Add(new InterfaceChange(unit, i.Name, Up: false));
                events.Add(new InterfaceChange(unit, i.Name, Up: true));
            }
        }

        events.Add(new LinkChange(LinkKind.Failover, Up: false));
        events.Add(new LinkChange(LinkKind.Failover, Up: true));
        if (config.StateLink is not null && !config.StateLinkIsFailoverLink)
        {
            events.Add(new LinkChange(LinkKind.State, Up: false));
            events.Add(new LinkChange(LinkKind.State, Up: true));
        }

        foreach (var unit in UnitRoles.Both)
        {
            events.Add(new CommandEvent(unit, null, new EnableFailover()));
            events.Add(new CommandEvent(unit, null, new DisableFailover()));
            events.Add(new CommandEvent(unit, null, new FailoverActive(null)));
            events.Add(new CommandEvent(unit, null, new NoFailoverActive(null)));
            foreach (var g in config.GroupIds)
            {
                events.Add(new CommandEvent(unit, null, new FailoverActive(g)));
                events.Add(new CommandEvent(unit, null, new NoFailoverActive(g)));
            }

            events.Add(new CommandEvent(unit, null, new FailoverReset(null)));
            events.Add(new CommandEvent(unit, null, new WriteMemory(false, false)));
            events.Add(new CommandEvent(unit, null, new WriteStandby()));
        }

        return events;
    }
}
