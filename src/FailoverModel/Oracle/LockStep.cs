using System.Text;
using System.Text.Json;
using FailoverModel.Input;
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

    /// <summary>
    /// Answers one request line (1-based <paramref name="line"/>); never throws on bad input. A request is read exactly
    /// as <c>oracle check</c> reads a trace line (<see cref="TraceLine"/>, <see cref="StrictJson"/>), so the two judge
    /// the same line the same way; what <c>check</c> stops at with exit 2, the session answers with an error.
    /// </summary>
    public string Answer(string request, long line)
    {
        try
        {
            using var doc = StrictJson.Parse(request, "request", line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("reset", out var reset))
            {
                if (reset.ValueKind != JsonValueKind.True || root.EnumerateObject().Count() != 1)
                {
                    return Error(line, "a reset request is exactly {\"reset\": true}");
                }

                _t = _timed.Initial;
                _step = 0;
                return Encoding.UTF8.GetString(_expected.Write([("line", line), ("step", 0L), ("event", "reset")], _t, null, []).Span);
            }

            var request1 = TraceLine.Read(root, "request", line);
            var action = _events.Read(request1.Event, "request", line);
            var meter = new OutageMeter(_timed.Config.GroupCount);
            var taken = new List<TimedStep>();
            var messages = new List<SyslogMessage>();
            var next = OracleSteps.Advance(_timed, _t, action, request1.Settle, meter, taken, messages);
            var answer = _expected.Write([("line", line), ("step", _step + 1), ("event", request1.Event)], next, meter.Outage, messages).ToArray();
            if (!request1.HasState)
            {
                (_t, _step) = (next, _step + 1);
                return Encoding.UTF8.GetString(answer);
            }

            using var model = JsonDocument.Parse(answer);
            var differences = new List<Divergence>();
            StateDiff.CollectOrThrow(model.RootElement, root, differences, "request", line);
            (_t, _step) = (next, _step + 1);
            return WithVerdict(model.RootElement, differences);
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

    /// <summary>The answer to a request that cannot be read: <c>{"line": n, "error": "..."}</c>.</summary>
    public static string Error(long line, string message)
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
