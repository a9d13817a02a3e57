using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>One event of a reproducing scenario, as the scenario language writes it.</summary>
/// <param name="Text">The event (<c>power-off primary</c>, <c>wait 30s</c>, a failover group sub-mode over several lines).</param>
/// <param name="Settle">False: the event is applied without the internal steps after it (the statement <c>step</c> before it).</param>
public sealed record ReproducerStep(string Text, bool Settle = true);

/// <summary>How a reproducer was found.</summary>
public enum ReproducerOrigin
{
    /// <summary>The shortest way from power-off to the state before the divergence through steps the trace took.</summary>
    ShortestPath,

    /// <summary>The trace's own case up to the divergence, when no shorter way through its steps exists.</summary>
    TracePrefix,
}

/// <summary>
/// A scenario that reproduces a divergence: run from power-off, its last event diverges from the trace's observation
/// as the trace did (<see cref="ReproducerSearch.Reproduces"/> has replayed it before it is handed out), and each event
/// before it is, from the same state, a step the trace took.
/// </summary>
public sealed record Reproducer(IReadOnlyList<ReproducerStep> Steps, ReproducerOrigin Origin, int Replays)
{

    /// <summary>
    /// The scenario's text for <c>failover-model run</c>: a <c>config</c> statement when a configuration file is given
    /// (an absolute path, right wherever the scenario is saved), the comments, then one event a line.
    /// </summary>
    public string Text(string? configPath, IEnumerable<string> comments)
    {
        var lines = new List<string>();
        if (configPath is not null)
        {
            lines.Add($"config {configPath}");
        }

        lines.AddRange(comments.Select(c => $"# {c}"));
        foreach (var step in Steps)
        {
            if (!step.Settle)
            {
                lines.Add("step");
            }

            lines.Add(step.Text);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>What the scenario is, in one comment line.</summary>
    public string Describe() => Origin switch
    {
        ReproducerOrigin.ShortestPath => $"The shortest way from power-off to the state before the divergence through steps the trace itself took ({Count(Steps.Count - 1)}), then the diverging event.",
        _ => $"The case's own events up to the divergence ({Count(Steps.Count - 1)}), then the diverging event.",
    };

    private static string Count(int n) => n == 1 ? "1 event" : $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} events";
}
