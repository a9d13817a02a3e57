using System.Globalization;
using System.Text;
using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Vectors;

/// <summary>One suite as the manifest lists it: what it covers and where it is.</summary>
internal sealed record SuiteEntry(int Order, VectorSuite Suite, VectorCoverage Coverage, string File);

/// <summary>One timed suite as the manifest lists it: each case's fault, phase and timing, and where it is.</summary>
internal sealed record TimedSuiteEntry(int Order, Timed.TimedSuite Suite, Timed.TimedCoverage Coverage, string File);

/// <summary>
/// The manifest of a folder of suites (docs/oracle.md, "Suites"): <c>manifest.json</c> for a CI job to read, and the
/// same as a Markdown table for a person.
/// </summary>
internal static class VectorManifest
{
    public const string JsonFile = "manifest.json";

    public const string TableFile = "manifest.md";

    public static string Json(IReadOnlyList<SuiteEntry> entries, IReadOnlyList<TimedSuiteEntry> timed, string configuration, PairConfig config)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = PairStateJson.Options.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("configuration", configuration);
            w.WriteStartArray("suites");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("order", e.Order);
                w.WriteString("suite", e.Suite.Name);
                w.WriteString("kind", "tour");
                w.WriteString("title", e.Suite.Title);
                w.WriteStartArray("alphabet");
                foreach (var @event in e.Suite.Alphabet)
                {
                    w.WriteStringValue(@event.ToString());
                }

                w.WriteEndArray();
                w.WriteNumber("states", e.Coverage.States);
                w.WriteNumber("transitions", e.Coverage.Transitions);
                w.WriteNumber("selfLoops", e.Coverage.SelfLoops);
                w.WriteNumber("covered", e.Coverage.Covered);
                w.WriteNumber("cases", e.Coverage.Cases);
                w.WriteNumber("steps", e.Coverage.Steps);
                w.WriteNumber("lowerBound", e.Coverage.LowerBound);
                w.WriteString("file", e.File);
                w.WriteEndObject();
            }

            foreach (var e in timed)
            {
                WriteTimed(w, e, config);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Table(IReadOnlyList<SuiteEntry> entries, IReadOnlyList<TimedSuiteEntry> timed, string configuration, PairConfig config)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Test vector suites of {configuration}\n\n");
        text.Append("Run them in this order: each tour covers every transition (self-loops included) of its own events, from power-off; the timed suites come last.\n\n");
        if (entries.Count > 0)
        {
            text.Append("| # | suite | events | states | transitions (self-loops) | covered | cases | steps | steps per transition (lower bound) | file |\n");
            text.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (var e in entries)
            {
                var c = e.Coverage;
                text.Append(CultureInfo.InvariantCulture,
                    $"| {e.Order} | {e.Suite.Name} | {e.Suite.Alphabet.Count} | {c.States:N0} | {c.Transitions:N0} ({c.SelfLoops:N0}) | {c.Percent:0.##}% | {c.Cases:N0} | {c.Steps:N0} | {c.StepsPerTransition:0.00} ({c.LowerBoundPerTransition:0.00}) | {e.File} |\n");
            }

            text.Append('\n');
            foreach (var e in entries)
            {
                text.Append(CultureInfo.InvariantCulture, $"{e.Order}. **{e.Suite.Name}**: {e.Suite.Title}.\n");
            }
        }

        if (timed.Count > 0)
        {
            TimedTable(text, timed, config);
        }

        return text.ToString();
    }

    /// <summary>A timed suite's entry: the poll, its phases, and each case's fault, phase and timing against its window.</summary>
    private static void WriteTimed(Utf8JsonWriter w, TimedSuiteEntry e, PairConfig config)
    {
        w.WriteStartObject();
        w.WriteNumber("order", e.Order);
        w.WriteString("suite", e.Suite.Name);
        w.WriteString("kind", "timed");
        w.WriteString("title", e.Suite.Title);
        w.WriteString("poll", e.Suite.Poll == Timed.TimedPoll.Unit ? "unit" : "interface");
        w.WriteNumber("periodMs", e.Suite.PeriodMs(config));
        w.WriteStartArray("phasesMs");
        foreach (var phase in e.Suite.PhasesMs(config))
        {
            w.WriteNumberValue(phase);
        }

        w.WriteEndArray();
        w.WriteStartArray("faults");
        foreach (var fault in e.Suite.Faults)
        {
            w.WriteStringValue(fault.Name);
        }

        w.WriteEndArray();
        w.WriteNumber("cases", e.Coverage.Cases.Count);
        w.WriteNumber("steps", e.Coverage.Steps);
        w.WriteString("file", e.File);
        w.WriteStartArray("timing");
        foreach (var c in e.Coverage.Cases)
        {
            w.WriteStartObject();
            w.WriteNumber("case", c.Case);
            w.WriteString("fault", c.Fault);
            if (c.Row is { } row)
            {
                w.WriteNumber("row", (int)row);
            }

            w.WriteNumber("phaseMs", c.PhaseMs);
            w.WriteNumber("tookMs", c.TookMs);
            w.WriteNumber("leastMs", c.LeastMs);
            w.WriteNumber("mostMs", c.MostMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void TimedTable(StringBuilder text, IReadOnlyList<TimedSuiteEntry> timed, PairConfig config)
    {
        var t = config.Timers;
        text.Append(CultureInfo.InvariantCulture,
            $"\n## Timed suites\n\nEach fault at several phases of the poll that detects it (unit poll {Time.FailoverTimers.Seconds(t.UnitPollMs)}, hold {Time.FailoverTimers.Seconds(t.UnitHoldMs)}; interface poll {Time.FailoverTimers.Seconds(t.InterfacePollMs)}, hold {Time.FailoverTimers.Seconds(t.InterfaceHoldMs)}). Every line carries `at`; the fault's step is judged against the window the oracle allows, not against the model's own time (seconds).\n\n");
        text.Append("| # | suite | case | fault | row | phase (ms after a poll) | the model took | the oracle allows | file |\n");
        text.Append("|---:|---|---:|---|---:|---:|---:|---:|---|\n");
        foreach (var e in timed)
        {
            foreach (var c in e.Coverage.Cases)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {e.Order} | {e.Suite.Name} | {c.Case} | {c.Fault} | {(c.Row is { } row ? ((int)row).ToString(CultureInfo.InvariantCulture) : "-")} | {c.PhaseMs:N0} | {c.TookMs / 1000.0:0.000} | {c.LeastMs / 1000.0:0.000}–{c.MostMs / 1000.0:0.000} | {e.File} |\n");
            }
        }

        text.Append('\n');
        foreach (var e in timed)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Order}. **{e.Suite.Name}**: {e.Suite.Title}.\n");
        }
    }
}
