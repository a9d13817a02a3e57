using System.Text;
using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// The lock-step protocol of <c>oracle serve</c> (docs/oracle.md): each request line is a trace line (an event, optionally
/// <c>"settle": false</c>, optionally what the implementation observed) or <c>{"reset": true}</c>; each answer is one
/// line: the model's step line, with a <c>verdict</c> when the request carried an observation. A request is read by the
/// same <see cref="TraceLineReader"/> and judged by the same <see cref="OracleSession"/> as a line of <c>oracle check</c>,
/// so what <c>check</c> stops at with exit 2 the session answers with the same message as <c>{"line": n, "error": "..."}</c>,
/// and goes on.
/// </summary>
public sealed class LockStep
{
    private readonly OracleSession _session;
    private readonly TraceLineReader _lines;
    private readonly ExpectedState _expected;

    /// <summary>Lock-step answers for a pair of this configuration, syslog compared in the order the model logs or in any order.</summary>
    public LockStep(PairConfig config, SyslogOrder syslogOrder = SyslogOrder.Model)
    {
        _session = new OracleSession(config, syslogOrder);
        _lines = new TraceLineReader(config);
        _expected = new ExpectedState(config);
    }

    /// <summary>Answers one request line (1-based <paramref name="line"/>); never throws on bad input.</summary>
    public string Answer(string request, long line)
    {
        try
        {
            if (_lines.Read(request, "request", line, allowReset: true) is not { } traceLine)
            {
                _session.Reset();
                return Encoding.UTF8.GetString(_expected.Write([("line", line), ("step", 0L), ("event", "reset")], _session.State, null, []).Span);
            }

            var verdict = _session.Step(traceLine, "request", line);
            var answer = _expected.Write([("line", line), ("step", _session.Steps), ("event", traceLine.Event)], verdict.Model.After, verdict.Model.Outage, verdict.Model.Messages);
            return verdict.Observed is null ? Encoding.UTF8.GetString(answer.Span) : WithVerdict(answer, verdict.Divergences);
        }
        catch (InputException e)
        {
            return Error(line, e.Message);
        }
    }

    /// <summary>The step line with <c>"verdict"</c> as its last member.</summary>
    private static string WithVerdict(ReadOnlyMemory<byte> answer, IReadOnlyList<Divergence> differences)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("verdict");
            w.WriteBoolean("conforms", differences.Count == 0);
            w.WriteStartArray("divergences");
            foreach (var d in differences)
            {
                w.WriteStartObject();
                w.WriteString("field", d.Field);
                if (d.Kind != DivergenceKind.Value)
                {
                    w.WriteString("kind", d.Kind.ToString().ToLowerInvariant());
                }

                w.WriteString("expected", d.Expected);
                w.WriteString("observed", d.Observed);
                if (d.Source is { } source)
                {
                    w.WriteString("source", source.ToString());
                }

                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        // Both are objects: the step line without its closing brace, a comma, the verdict object without its opening one.
        return Encoding.UTF8.GetString(answer.Span[..^1]) + "," + Encoding.UTF8.GetString(buffer.GetBuffer().AsSpan(1, (int)buffer.Length - 1));
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
