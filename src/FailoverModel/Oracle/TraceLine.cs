using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// One trace line or <c>oracle serve</c> request (docs/oracle.md, "Trace lines"), read the same way for both by
/// <see cref="TraceLineReader"/>: the event and how to apply it, the meta fields, and what the implementation observed
/// (as the state object's members, as device text, or both).
/// </summary>
/// <param name="Event">The event in the scenario language.</param>
/// <param name="Settle">False for <c>"settle": false</c>: the event without the internal steps after it.</param>
/// <param name="Case">The <c>case</c> value as written (its JSON text), or null.</param>
/// <param name="Observation">The state members the line carries, or null when it carries none.</param>
/// <param name="Device">The device text the line carries per unit, or null.</param>
/// <param name="At">The line's <c>at</c>: when the implementation saw the step, in milliseconds of its own clock, or null.</param>
internal sealed record TraceLine(string Event, bool Settle, string? Case, Observation? Observation, DeviceText? Device, long? At = null)
{
    /// <summary>The members that describe the line, not the state.</summary>
    public static readonly IReadOnlyList<string> MetaFields = ["case", "step", "line", "event", "settle", "at"];

    /// <summary>The members of the state object, each compared when present (docs/schema/state.schema.json).</summary>
    public static readonly IReadOnlyList<string> StateFields = ["time", "units", "links", "groups", "contexts", "connections", "views", "syslog"];

    /// <summary>The member that carries device text (docs/oracle.md, "Device output").</summary>
    public const string DeviceField = "device";

    /// <summary>True when the line carries something to compare.</summary>
    public bool HasState => Observation is not null || Device is not null || At is not null;
}

/// <summary>
/// What a unit printed, as the device printed it (docs/oracle.md, "Device output"): the raw text of
/// <c>show failover</c> and <c>show failover state</c>, and the syslog lines it logged during the step.
/// </summary>
internal sealed class DeviceText
{
    public Dictionary<UnitRole, UnitDeviceText> Units { get; } = [];
}

/// <summary>One unit's device text; each part may be left out.</summary>
internal sealed class UnitDeviceText
{
    public string? ShowFailover { get; set; }

    public string? ShowFailoverState { get; set; }

    public List<string>? Syslog { get; set; }
}
