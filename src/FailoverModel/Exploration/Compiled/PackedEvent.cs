using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

internal enum PackedEventKind : byte
{
    PowerOn,
    PowerOnBoth,
    PowerOff,
    Crash,
    HardwareFail,
    Replace,
    Interface,
    Link,
    EnableFailover,
    DisableFailover,
    FailoverActive,
    NoFailoverActive,
    FailoverReset,
    WriteMemory,
    WriteStandby,
    GroupStep,
    Holdtime,
    ReloadCompletes,
}

/// <summary>
/// An event of the explorer's alphabet (or an internal step) as the compiled pair reads it: its kind, unit, group (0:
/// every group), interface bit, direction and link. Events outside the explorer's alphabet (configuration commands,
/// commands in a context, traffic) have no packed form: the packed state holds no configuration or connection.
/// </summary>
internal readonly record struct PackedEvent(PackedEventKind Kind, int Unit, int Group = 0, int Interface = 0, bool Up = false, LinkKind Link = LinkKind.Failover, GroupTrigger Trigger = default)
{
    public static PackedEvent Of(PairConfig config, Event @event) => @event switch
    {
        PowerOn { BothUnits: true } => new(PackedEventKind.PowerOnBoth, 0),
        PowerOn e => new(PackedEventKind.PowerOn, (int)e.Unit),
        PowerOff e => new(PackedEventKind.PowerOff, (int)e.Unit),
        Crash e => new(PackedEventKind.Crash, (int)e.Unit),
        HardwareFail e => new(PackedEventKind.HardwareFail, (int)e.Unit),
        Replace e => new(PackedEventKind.Replace, (int)e.Unit),
        InterfaceChange e => new(PackedEventKind.Interface, (int)e.Unit, Interface: InterfaceIndex(config, e), Up: e.Up),
        LinkChange e => new(PackedEventKind.Link, 0, Up: e.Up, Link: e.Link),
        CommandEvent { Context: null } c => c.Command switch
        {
            EnableFailover => new(PackedEventKind.EnableFailover, (int)c.Unit),
            DisableFailover => new(PackedEventKind.DisableFailover, (int)c.Unit),
            FailoverActive f => new(PackedEventKind.FailoverActive, (int)c.Unit, f.Group?.Number ?? 0),
            NoFailoverActive f => new(PackedEventKind.NoFailoverActive, (int)c.Unit, f.Group?.Number ?? 0),
            FailoverReset f => new(PackedEventKind.FailoverReset, (int)c.Unit, f.Group?.Number ?? 0),
            WriteMemory => new(PackedEventKind.WriteMemory, (int)c.Unit),
            WriteStandby => new(PackedEventKind.WriteStandby, (int)c.Unit),
            _ => throw Unsupported(@event),
        },
        GroupStep { Group: null } g => new(PackedEventKind.GroupStep, (int)g.Unit, Trigger: g.Trigger),
        UnitHoldtimeExpired h => new(PackedEventKind.Holdtime, (int)h.Unit),
        UnitStep { Trigger: UnitTrigger.ReloadCompletes } u => new(PackedEventKind.ReloadCompletes, (int)u.Unit),
        _ => throw Unsupported(@event),
    };

    private static NotSupportedException Unsupported(Event @event) =>
        new($"the compiled explorer has no packed form of '{@event}': its states hold no configuration or connection; explore with --reference");

    private static int InterfaceIndex(PairConfig config, InterfaceChange change)
    {
        var index = config.InterfaceIndex(change.Interface);
        return index >= 0 ? index : throw new ArgumentException($"no interface {change.Interface} in the configuration", nameof(change));
    }
}
