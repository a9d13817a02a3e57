using System.Text;
using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// The lock-step protocol of <c>oracle serve</c> (docs/oracle.md): each request line is a trace line (an event, optionally
/// <c>"settle": false</c>, optionally the state the implementation observed) or <c>{"reset": true}</c>; each answer is one
/// line: the model's step line, with a <c>verdict</c> when the request carried an observed state. A request the model
/// cannot read is answered with <c>{"line": n, "error": "..."}</c> and the session goes on.
/// </summary>
public sealed class LockStep
{
    private readonly TimedPair _timed;
    private readonly OracleEventReader _events;
    private readonly ExpectedState _expected;
    private TimedState _t;
    private long _step;

    public LockStep(PairConfig config)
    {
        _timed = new TimedPair(new FailoverPair(config), quiet: true);
        _events = new OracleEventReader(config);
        _expected = new ExpectedState(config);
        _t = _timed.Initial;
    }

    /// <summary>Answers one request line (1-based <paramref name="line"/>); never throws on bad input.</summary>
    public string Answer(string request, int line)
    {
        try
        {
            using var doc = JsonDocument.Parse(request);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(line, "a request is a JSON object");
            }

            if (root.TryGetProperty("reset", out var reset) && reset.ValueKind == JsonValueKind.True)
            {
                _t = _timed.Initial;
                _step = 0;
                return Encoding.UTF8.GetString(_expected.Write([("line", line), ("step", 0L), ("event", "reset")], _t, null, []).Span);
            }

            if (!root.TryGetProperty("event", out var eventText) || eventText.ValueKind != JsonValueKind.String)
            {
                return Error(line, "a request needs \"event\": a string such as \"power-off primary\", or \"reset\": true");
            }

            var settle = !root.TryGetProperty("settle", out var s) || s.ValueKind != JsonValueKind.False;
            if (root.TryGetProperty("settle", out s) && s.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Error(line, "\"settle\" is true or false");
            }

            var action = _events.Read(eventText.GetString()!, "request", line);
            var meter = new OutageMeter(_timed.Config.GroupCount);
            var taken = new List<TimedStep>();
            var messages = new List<SyslogMessage>();
            _t = OracleSteps.Advance(_timed, _t, action, settle, meter, taken, messages);
            _step++;
            var answer = _expected.Write([("line", line), ("step", _step), ("event", eventText.GetString()!)], _t, meter.Outage, messages).ToArray();
            var observed = root.EnumerateObject().Any(p => !StateDiff.MetaFields.Contains(p.Name));
            if (!observed)
            {
                return Encoding.UTF8.GetString(answer);
            }

            using var model = JsonDocument.Parse(answer);
            var differences = new List<Divergence>();
            StateDiff.Collect(model.RootElement, root, "", differences);
            return WithVerdict(model.RootElement, differences);
        }
        catch (JsonException e)
        {
            return Error(line, $"not a JSON object: {e.Message.Split(". ")[0].TrimEnd('.')}");
        }
        catch (InputException e)
        {
            return Error(line, e.Message);
        }
    }

    private static string WithVerdict(JsonElement answer, List<Divergence> differences)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            foreach (var p in answer.EnumerateObject())
            {
                p.WriteTo(w);
            }

            w.WriteStartObject("verdict");
            w.WriteBoolean("conforms", differences.Count == 0);
            w.WriteStartArray("divergences");
            foreach (var d in differences)
            {
                w.WriteStartObject();
                w.WriteString("field", d.Field);
                w.WriteString("expected", d.Expected);
                w.WriteString("observed", d.Observed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Error(int line, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("line", line);
            w.WriteString("error", message);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
