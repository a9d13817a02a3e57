using System.Globalization;
using System.Text;
using System.Text.Json;
using FailoverModel.Pair;

namespace FailoverModel.Oracle.Vectors;

/// <summary>One suite as the manifest lists it: what it covers and where it is.</summary>
internal sealed record SuiteEntry(int Order, VectorSuite Suite, VectorCoverage Coverage, string File);

/// <summary>
/// The manifest of a folder of suites (docs/oracle.md, "Suites"): <c>manifest.json</c> for a CI job to read, and the
/// same as a Markdown table for a person.
/// </summary>
internal static class VectorManifest
{
    public const string JsonFile = "manifest.json";

    public const string TableFile = "manifest.md";

    public static string Json(IReadOnlyList<SuiteEntry> entries, string configuration)
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

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Table(IReadOnlyList<SuiteEntry> entries, string configuration)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Test vector suites of {configuration}\n\n");
        text.Append("Run them in this order: each covers every transition (self-loops included) of its own events, from power-off.\n\n");
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

        return text.ToString();
    }
}
