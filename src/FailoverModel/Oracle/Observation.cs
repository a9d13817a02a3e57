using System.Globalization;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// A number as an implementation reported it: compared by value (<c>45000</c> and <c>45000.0</c> are the same), printed
/// as it was written.
/// </summary>
public readonly record struct ObservedNumber(decimal Value, string Text)
{
    /// <summary>A number observed as this value, written as ASA would print it.</summary>
    public static implicit operator ObservedNumber(long value) => new(value, value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// What an implementation observed after one step (docs/oracle.md, "Trace lines"): any part of the state object,
/// each member optional. A member left null or out of its dictionary is not compared; one that is set is compared
/// exactly with the model's. Build one in C# and pass it to <see cref="OracleSession.Judge"/>, or read one from a trace
/// line with <see cref="TraceLineReader"/>: both are judged by the same code.
/// </summary>
public sealed class Observation
{
    /// <summary>The simulated clock in milliseconds (<c>time</c>).</summary>
    public ObservedNumber? Time { get; set; }

    /// <summary>Each unit as it shows itself (<c>units.primary</c>, <c>units.secondary</c>).</summary>
    public Dictionary<UnitRole, UnitObservation> Units { get; } = [];

    /// <summary>The failover and state links (<c>links</c>).</summary>
    public LinksObservation? Links { get; set; }

    /// <summary>Per failover group (<c>groups.1</c>): where it passes traffic and its outage.</summary>
    public Dictionary<int, GroupObservation> Groups { get; } = [];

    /// <summary>Per context by name (<c>contexts.admin</c>).</summary>
    public Dictionary<string, ContextObservation> Contexts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per failover group: the connection state open and replicated (<c>connections.1</c>).</summary>
    public Dictionary<int, ConnectionsObservation> Connections { get; } = [];

    /// <summary>Each unit's view of its mate, as the unit shows it (<c>views.primary</c>: what the primary shows of the secondary).</summary>
    public Dictionary<UnitRole, MateViewObservation> Views { get; } = [];

    /// <summary>The messages logged during the step (<c>syslog</c>), each a pattern whose members left null match anything.</summary>
    public List<SyslogObservation>? Syslog { get; set; }

    /// <summary>
    /// Where a field came from when it was read from device text (<see cref="DeviceSource"/>), by the field's path
    /// (<c>units.primary.groups.1.state</c>); a divergence in that field names the device line.
    /// </summary>
    public Dictionary<string, DeviceSource> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Further observations of the same step, each judged on its own: what each unit's device outputs showed (two
    /// outputs may show the same field, and each is compared, so that a wrong word in either is reported).
    /// </summary>
    public List<Observation> Also { get; } = [];

    /// <summary>True when the syslog came from per-unit device logs, so only each unit's own order is known.</summary>
    public bool SyslogPerUnit { get; set; }
}

/// <summary>One unit's own fields (<c>units.&lt;unit&gt;</c>).</summary>
public sealed class UnitObservation
{
    /// <summary><c>on</c> or <c>off</c>.</summary>
    public string? Power { get; set; }

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string? Failover { get; set; }

    /// <summary>The unit status in the model's display form (<c>Failover On</c>, ...).</summary>
    public string? Status { get; set; }

    /// <summary>Each failover group's state and Last Failure Reason on this unit.</summary>
    public Dictionary<int, GroupStateObservation> Groups { get; } = [];

    /// <summary>The failed interfaces by name, in configuration order.</summary>
    public List<string>? FailedInterfaces { get; set; }

    /// <summary>
    /// Per configuration space (<c>system</c> or a context's name): the running and the startup configuration's
    /// revision sets, <c>[running, startup]</c> (docs/oracle.md, "Configuration revisions").
    /// </summary>
    public Dictionary<string, List<ObservedNumber>> Configuration { get; } = new(StringComparer.Ordinal);
}

/// <summary>A failover group's state and Last Failure Reason, in ASA's display names (<c>Standby Ready</c>, <c>Comm Failure</c>).</summary>
public sealed class GroupStateObservation
{
    /// <summary>The group's state as observed (ASA's display name, e.g. <c>Standby Ready</c>).</summary>
    public string? State { get; set; }

    /// <summary>The Last Failure Reason as observed (ASA's words, e.g. <c>Comm Failure</c>).</summary>
    public string? Reason { get; set; }
}

/// <summary>What a unit shows of its mate (<c>views.&lt;unit&gt;</c>): how it hears it and each group as last heard.</summary>
public sealed class MateViewObservation
{
    /// <summary><c>not-detected</c>, <c>hellos</c>, <c>data-interfaces</c> or <c>failed</c>.</summary>
    public string? Contact { get; set; }

    /// <summary>Each of the mate's groups as this unit shows it (<c>show failover state</c>, "Other host").</summary>
    public Dictionary<int, GroupStateObservation> Groups { get; } = [];
}

/// <summary>The links' status (<c>up</c>, <c>down</c>, <c>not-configured</c>).</summary>
public sealed class LinksObservation
{
    /// <summary>The failover link as observed.</summary>
    public string? Failover { get; set; }

    /// <summary>The Stateful Failover link as observed.</summary>
    public string? State { get; set; }
}

/// <summary>A failover group's <c>activeOn</c> and <c>outage</c> (milliseconds).</summary>
public sealed class GroupObservation
{
    /// <summary>Where the group passes traffic as observed: <c>primary</c>, <c>secondary</c>, <c>both</c> or <c>none</c>.</summary>
    public string? ActiveOn { get; set; }

    /// <summary>How long the group has been without an active unit, in milliseconds, as observed.</summary>
    public ObservedNumber? Outage { get; set; }
}

/// <summary>A context's group and <c>activeOn</c>.</summary>
public sealed class ContextObservation
{
    /// <summary>The failover group the context joined, as observed.</summary>
    public ObservedNumber? Group { get; set; }

    /// <summary>Where the context passes traffic as observed.</summary>
    public string? ActiveOn { get; set; }
}

/// <summary>A failover group's connection kinds open on its active unit and replicated to the standby.</summary>
public sealed class ConnectionsObservation
{
    /// <summary>The kinds of connection open through the group (<c>tcp</c>, <c>http</c>, <c>uauth</c>...), as observed.</summary>
    public List<string>? Open { get; set; }

    /// <summary>The kinds of connection the standby holds by Stateful Failover, as observed.</summary>
    public List<string>? Replicated { get; set; }
}

/// <summary>One logged message as a pattern: each member left null matches any value.</summary>
public sealed record SyslogObservation(string? Unit = null, ObservedNumber? Id = null, string? Text = null, ObservedNumber? Group = null)
{
    /// <summary>Where the message was read from, for device syslog lines.</summary>
    public DeviceSource? Source { get; init; }

    /// <summary>The severity a device line carried (<c>%ASA-1-...</c>), compared with the id's; null for JSON messages.</summary>
    public int? Severity { get; init; }
}

/// <summary>A line of device text an observation was read from: the unit, the command (or <c>syslog</c>), the line and its text.</summary>
public sealed record DeviceSource(UnitRole Unit, string Output, int Line, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Unit.Token()} '{Output}' line {Line}: \"{Text.Trim()}\"";
}
