using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// Test vectors as JSON lines: one line per step, the shape of a <c>run --json</c> line (docs/scenario-language.md) with <c>case</c> and
/// <c>step</c> in front, so that the vectors are themselves a trace <c>oracle check</c> accepts.
/// </summary>
public sealed class JsonLinesVectorSink(Stream output, PairConfig config) : IVectorSink
{
    private readonly Utf8JsonWriter _writer = new(output, PairStateJson.Options);

    /// <inheritdoc/>
    public void BeginCase(long @case)
    {
    }

    /// <inheritdoc/>
    public void Step(long @case, long step, Event @event, SettledStep result)
    {
        _writer.Reset(output);
        _writer.WriteStartObject();
        _writer.WriteNumber("case", @case);
        _writer.WriteNumber("step", step);
        _writer.WriteString("event", @event.ToString());
        OracleStateJson.WriteStateMembers(_writer, config, result.State);
        PairStateJson.WriteSyslog(_writer, result.Messages);
        _writer.WriteEndObject();
        _writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <inheritdoc/>
    public void EndCase(long @case)
    {
    }
}

/// <summary>
/// Test vectors in the Informal Trace Format of Apalache and Quint (ITF, ADR-015): one ITF trace per test case, one per
/// line. The variables are the snapshot JSON object's members plus <c>event</c>, the event that led to the state
/// (<c>"init"</c> for power-off); integers are written <c>{"#bigint": "n"}</c> and the group maps keyed by number as
/// <c>{"#map": [[key, value], ...]}</c>, as ITF requires.
/// </summary>
public sealed class ItfVectorSink(Stream output, PairConfig config, string source) : IVectorSink
{
    private static readonly string[] Vars = ["event", "units", "links", "groups", "contexts", "connections", "views", "syslog"];
    private readonly Utf8JsonWriter _writer = new(output, PairStateJson.Options);
    private readonly FailoverPair _pair = new(config);

    /// <inheritdoc/>
    public void BeginCase(long @case)
    {
        _writer.Reset(output);
        _writer.WriteStartObject();
        _writer.WriteStartObject("#meta");
        _writer.WriteString("format", "ITF");
        _writer.WriteString("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        _writer.WriteString("source", source);
        _writer.WriteString("description", $"failover-model test vector, case {@case}: every state after an event and the settle that follows it");
        _writer.WriteNumber("case", @case);
        _writer.WriteEndObject();
        _writer.WriteStartArray("vars");
        foreach (var v in Vars)
        {
            _writer.WriteStringValue(v);
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("states");
        State(0, "init", _pair.Initial, []);
    }

    /// <inheritdoc/>
    public void Step(long @case, long step, Event @event, SettledStep result) => State(step, @event.ToString(), result.State, result.Messages);

    /// <inheritdoc/>
    public void EndCase(long @case)
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Rewrites a snapshot JSON value in ITF: numbers as big integers, objects keyed by numbers as maps.</summary>
    public static void WriteItf(Utf8JsonWriter w, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                w.WriteStartObject();
                w.WriteString("#bigint", value.GetRawText());
                w.WriteEndObject();
                break;
            case JsonValueKind.Object when value.EnumerateObject().Any() && value.EnumerateObject().All(p => p.Name.All(char.IsAsciiDigit)):
                w.WriteStartObject();
                w.WriteStartArray("#map");
                foreach (var p in value.EnumerateObject())
                {
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("#bigint", p.Name);
                    w.WriteEndObject();
                    WriteItf(w, p.Value);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in value.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    WriteItf(w, p.Value);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteItf(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                value.WriteTo(w);
                break;
        }
    }

    private void State(long index, string @event, PairState state, IEnumerable<SyslogMessage> messages)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            OracleStateJson.WriteStateMembers(w, config, state);
            PairStateJson.WriteSyslog(w, messages);
            w.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.ToArray());
        _writer.WriteStartObject();
        _writer.WriteStartObject("#meta");
        _writer.WriteNumber("index", index);
        _writer.WriteEndObject();
        _writer.WriteString("event", @event);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            _writer.WritePropertyName(p.Name);
            WriteItf(_writer, p.Value);
        }

        _writer.WriteEndObject();
        _writer.Flush();
    }
}
