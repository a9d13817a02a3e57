using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// The model's input alphabet (docs/scenario-language.md): what a person or the world does (external events) and what the pair does
/// by itself (internal steps). <see cref="ToString"/> prints the scenario text of the event.
/// </summary>
public abstract record Event
{
    public virtual bool IsInternal => false;

    public abstract override string ToString();
}

/// <summary><c>power-on unit [unit]</c>: one unit, or both at the same instant (simultaneous boot).</summary>
public sealed record PowerOn(UnitRole Unit, bool BothUnits = false) : Event
{
    public IEnumerable<UnitRole> Units => BothUnits ? UnitRoles.Both : [Unit];

    public override string ToString() => BothUnits ? "power-on primary secondary" : $"power-on {Unit.Token()}";
}

public sealed record PowerOff(UnitRole Unit) : Event
{
    public override string ToString() => $"power-off {Unit.Token()}";
}

/// <summary>A software failure: the unit fails and reloads.</summary>
public sealed record Crash(UnitRole Unit) : Event
{
    public override string ToString() => $"crash {Unit.Token()}";
}

/// <summary>A hardware failure: the unit stays failed until it is replaced.</summary>
public sealed record HardwareFail(UnitRole Unit) : Event
{
    public override string ToString() => $"hardware-fail {Unit.Token()}";
}

/// <summary>A new unit of the same role, powered off, with only the failover bootstrap in its configuration.</summary>
public sealed record Replace(UnitRole Unit) : Event
{
    public override string ToString() => $"replace {Unit.Token()}";
}

/// <summary>A monitored interface (<c>context/nameif</c>) fails or recovers on one unit.</summary>
public sealed record InterfaceChange(UnitRole Unit, ContextInterface Interface, bool Up) : Event
{
    public override string ToString() => $"{(Up ? "interface-up" : "interface-down")} {Unit.Token()} {Interface}";
}

/// <summary><c>connect &lt;context&gt; &lt;kind&gt;</c>: traffic through the context creates state of that kind on the unit where it is active.</summary>
public sealed record Connect(string Context, ConnectionKinds Kind) : Event
{
    public override string ToString() => $"connect {Context} {Kind.Token()}";
}

public sealed record LinkChange(LinkKind Link, bool Up) : Event
{
    public override string ToString() => $"{(Up ? "link-up" : "link-down")} {Link.Token()}";
}

/// <summary>A command typed on a unit, in the system execution space or (with <see cref="Context"/>) inside a context.</summary>
public sealed record CommandEvent(UnitRole Unit, string? Context, AsaCommand Command) : Event
{
    public override string ToString() =>
        Context is null ? $"{Unit.Token()}: {Command}" : $"{Unit.Token()}/{Context}: {Command}";
}

/// <summary>An internal step: a failover group trigger the pair fires by itself.</summary>
public sealed record GroupStep(UnitRole Unit, FailoverGroupId? Group, GroupTrigger Trigger) : Event
{
    /// <summary>The <see cref="Group"/> of a step that fires on every group of the unit where it is permitted.</summary>
    public static readonly FailoverGroupId? EveryGroup;

    public override bool IsInternal => true;

    public override string ToString() =>
        Group is { } group ? $"# {Unit.Token()} group {group}: {Trigger}" : $"# {Unit.Token()}: {Trigger}";
}

/// <summary>An internal step: a unit-level trigger the pair fires by itself (a reload completing).</summary>
public sealed record UnitStep(UnitRole Unit, UnitTrigger Trigger) : Event
{
    public override bool IsInternal => true;

    public override string ToString() => $"# {Unit.Token()}: {Trigger}";
}

/// <summary>
/// An internal step: a unit has heard no hello from its mate for a whole unit holdtime and tests it with LANTEST on every
/// data interface and the failover link (ASA configuration guide, "Unit Health Monitoring").
/// </summary>
public sealed record UnitHoldtimeExpired(UnitRole Unit) : Event
{
    public override bool IsInternal => true;

    public override string ToString() => $"# {Unit.Token()}: unit holdtime expired";
}
