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
    public void Step(long @case, long step, Event @event, SettledStep result) => Step(@case, step, @event.ToString(), null, result.State, result.Messages);

    /// <summary>One step of a timed case (docs/oracle.md, "Timed suites"): <paramref name="at"/> is when it settled on the model's clock.</summary>
    internal void Step(long @case, long step, string @event, long? at, PairState state, IEnumerable<SyslogMessage> messages)
    {
        _writer.Reset(output);
        _writer.WriteStartObject();
        _writer.WriteNumber("case", @case);
        _writer.WriteNumber("step", step);
        _writer.WriteString("event", @event);
        if (at is { } ms)
        {
            _writer.WriteNumber("at", ms);
        }

        OracleStateJson.WriteStateMembers(_writer, config, state);
        PairStateJson.WriteSyslog(_writer, messages);
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

    /// <summary>Timed cases (docs/oracle.md, "Timed suites"): every state also carries <c>at</c>, when it settled on the model's clock.</summary>
    internal bool Timed { get; init; }

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
        foreach (var v in Timed ? Vars.Take(1).Append("at").Concat(Vars.Skip(1)) : Vars)
        {
            _writer.WriteStringValue(v);
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("states");
        State(0, "init", Timed ? 0 : null, _pair.Initial, []);
    }

    /// <inheritdoc/>
    public void Step(long @case, long step, Event @event, SettledStep result) => State(step, @event.ToString(), null, result.State, result.Messages);

    /// <summary>One state of a timed case: <paramref name="at"/> is when it settled on the model's clock.</summary>
    internal void Step(long step, string @event, long at, PairState state, IEnumerable<SyslogMessage> messages) => State(step, @event, at, state, messages);

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

    private void State(long index, string @event, long? at, PairState state, IEnumerable<SyslogMessage> messages)
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
        if (at is { } ms)
        {
            _writer.WriteStartObject("at");
            _writer.WriteString("#bigint", ms.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _writer.WriteEndObject();
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            _writer.WritePropertyName(p.Name);
            WriteItf(_writer, p.Value);
        }

        _writer.WriteEndObject();
        _writer.Flush();
    }
}
