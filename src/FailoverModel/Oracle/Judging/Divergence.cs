namespace FailoverModel.Oracle;

/// <summary>How an observed field differs from the model's.</summary>
public enum DivergenceKind
{
    /// <summary>Both have the field, with different values.</summary>
    Value,

    /// <summary>A message the model logs and the trace does not.</summary>
    Missing,

    /// <summary>A message the trace logs and the model does not.</summary>
    Extra,

    /// <summary>A message both log, at another place in the order.</summary>
    Moved,

    /// <summary>A time the trace reports outside the model's bounds for the step.</summary>
    Timing,
}

/// <summary>
/// Where an observed state differs from the model's: the field's path (<c>units.primary.groups.1.state</c>,
/// <c>syslog[2]</c>), both values as JSON text, and for device text the line it was read from.
/// </summary>
public sealed record Divergence(string Field, string Expected, string Observed, DivergenceKind Kind = DivergenceKind.Value, DeviceSource? Source = null)
{
    /// <summary>
    /// Which member the divergence is about, where the field's path and values do not say it: the syslog message
    /// (id and text) whose member differs, the failover group and contexts of a connection. Null when they say it.
    /// </summary>
    public string? Member { get; init; }

    /// <summary>The divergence in one line, the same in <c>oracle check</c>'s report and <c>oracle serve</c>'s verdict.</summary>
    public string Message
    {
        get
        {
            // Messages are logged; the other members of the state (connections, failed interfaces) are held.
            var verb = Field.StartsWith("syslog", StringComparison.Ordinal) ? "logs" : "has";
            var text = Kind switch
            {
                DivergenceKind.Missing => $"{Field}: missing: the model {verb} {Expected}, the trace does not",
                DivergenceKind.Extra => $"{Field}: extra: the trace {verb} {Observed}, the model does not",
                DivergenceKind.Moved => $"{Field}: moved: the model logs {Expected} here, the trace at {Observed}",
                DivergenceKind.Timing => $"{Field}: the model allows {Expected}, the trace has {Observed}",
                _ => $"{Field}: the model has {Expected}, the trace {Observed}",
            };
            text = Member is null ? text : $"{text} ({Member})";
            return Source is null ? text : $"{text} ({Source})";
        }
    }
}
