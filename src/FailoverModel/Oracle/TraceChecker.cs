using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>The first step where a trace and the model part.</summary>
/// <param name="Line">The trace line (1-based).</param>
/// <param name="Step">The step within its test case (1-based).</param>
/// <param name="CaseStartLine">The line where the diverging test case (or the trace) starts.</param>
/// <param name="Event">The diverging line's event, as the trace wrote it.</param>
/// <param name="Fields">Each state field that differs, the first one first.</param>
/// <param name="Before">The model's state before the diverging step.</param>
/// <param name="Action">What the model did with the diverging event.</param>
/// <param name="Settle">Whether the event was to be settled.</param>
/// <param name="Timed">True when the case so far used waits or unsettled events, whose effect depends on time.</param>
public sealed record TraceDivergence(int Line, long Step, int CaseStartLine, string Event, IReadOnlyList<Divergence> Fields, TimedState Before, OracleAction Action, bool Settle, bool Timed);

/// <summary>What checking a trace found: how much was read and the first divergence, if any.</summary>
public sealed record TraceVerdict(int Lines, long Steps, long Cases, long Compared, TraceDivergence? Divergence);

/// <summary>
/// Replays another implementation's trace on the model, one JSON line at a time (docs/oracle.md): each line's event is
/// applied (and settled unless <c>"settle": false</c>), then every state field the line carries is compared with the
/// model's. A line with a new <c>case</c> starts again from power-off. Only the current line and the model's state are
/// held, so a trace of any length is checked in constant memory.
/// </summary>
public sealed class TraceChecker
{
    private readonly TimedPair _timed;
    private readonly OracleEventReader _events;
    private readonly ExpectedState _expected;

    public TraceChecker(PairConfig config)
    {
        _timed = new TimedPair(new FailoverPair(config), quiet: true);
        _events = new OracleEventReader(config);
        _expected = new ExpectedState(config);
    }

    public PairConfig Config => _timed.Config;

    public TimedPair Timed => _timed;

    public TraceVerdict Check(TextReader reader, string file) => Check(reader, file, null, default);

    /// <summary>
    /// Replays the trace and stops at its first divergence; <paramref name="progress"/> sees the lines and steps read
    /// every 4,096 lines; <paramref name="cancellation"/> stops the replay with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public TraceVerdict Check(TextReader reader, string file, Action<int, long>? progress, CancellationToken cancellation)
    {
        var lineNo = 0;
        long steps = 0, cases = 0, compared = 0, step = 0;
        var caseStart = 1;
        var timedCase = false;
        JsonElement? currentCase = null;
        var t = _timed.Initial;
        var meter = new OutageMeter(Config.GroupCount);
        var taken = new List<TimedStep>();
        var messages = new List<SyslogMessage>();
        while (reader.ReadLine() is { } text)
        {
            lineNo++;
            if ((lineNo & 4095) == 0)
            {
                progress?.Invoke(lineNo, steps);
                cancellation.ThrowIfCancellationRequested();
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = Parse(text, file, lineNo);
            var root = doc.RootElement;
            var line = ReadLine(root, file, lineNo);
            if (line.Event.StartsWith('#'))
            {
                // An internal step printed by 'run --json' (after 'advance' or 'wait'): the model takes it by itself.
                continue;
            }

            if (line.Case is { } c && (currentCase is null || !JsonElement.DeepEquals(c, currentCase.Value)))
            {
                currentCase = c.Clone();
                t = _timed.Initial;
                cases++;
                step = 0;
                caseStart = lineNo;
                timedCase = false;
            }
            else if (cases == 0)
            {
                cases = 1;
            }

            var action = _events.Read(line.Event, file, lineNo);
            var before = t;
            t = OracleSteps.Advance(_timed, t, action, line.Settle, meter, taken, messages);
            timedCase |= action is OracleWaitAction || !line.Settle;
            steps++;
            step++;
            if (!line.HasState)
            {
                continue;
            }

            compared++;
            var expected = _expected.Write([], t, meter.Outage, messages);
            using var model = JsonDocument.Parse(expected);
            var differences = new List<Divergence>();
            StateDiff.Collect(model.RootElement, root, "", differences);
            if (differences.Count > 0)
            {
                var timed = timedCase || differences.Any(d => d.Field == "time" || d.Field.EndsWith(".outage", StringComparison.Ordinal));
                return new TraceVerdict(lineNo, steps, cases, compared, new TraceDivergence(lineNo, step, caseStart, line.Event, differences, before, action, line.Settle, timed));
            }
        }

        if (steps == 0)
        {
            throw new InputException(file, Math.Max(1, lineNo), 1, "the trace has no events");
        }

        return new TraceVerdict(lineNo, steps, cases, compared, null);
    }

    /// <summary>
    /// A short scenario that reproduces the divergence: the shortest sequence of settled events from power-off to the
    /// state before it (a search of the model, not of the trace, so the trace need not be kept), then the diverging
    /// event; null when the divergence depends on time or the search does not find the state within its bound.
    /// </summary>
    public IReadOnlyList<Event>? ShortestPrefix(TraceDivergence divergence, int maxStates = 200_000)
    {
        if (divergence.Timed || divergence.Action is not OracleEventAction diverging || !divergence.Settle)
        {
            return null;
        }

        var pair = _timed.Pair;
        var target = divergence.Before.State;
        var alphabet = EventAlphabet.For(Config);
        var parent = new Dictionary<PairState, (PairState? From, Event? Via)> { [pair.Initial] = (null, null) };
        var queue = new Queue<PairState>([pair.Initial]);
        var found = target.Equals(pair.Initial);
        while (!found && queue.TryDequeue(out var state) && parent.Count < maxStates)
        {
            foreach (var @event in alphabet)
            {
                var next = pair.Step(state, @event, quiet: true).State;
                if (parent.TryAdd(next, (state, @event)))
                {
                    if (next.Equals(target))
                    {
                        found = true;
                        break;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        if (!found)
        {
            return null;
        }

        var path = new List<Event> { diverging.Event };
        for (var at = target; parent[at].From is { } from; at = from)
        {
            path.Add(parent[at].Via!);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// True when running <paramref name="scenario"/> from power-off, each event settled as <c>failover-model run</c> does,
    /// leaves every diverging field of <paramref name="divergence"/> with the value the model had at the divergence: the
    /// check that a reproducing scenario found by search, not read from the trace, really reproduces it.
    /// </summary>
    public bool Reproduces(IReadOnlyList<Event> scenario, TraceDivergence divergence)
    {
        var t = _timed.Initial;
        var meter = new OutageMeter(Config.GroupCount);
        var taken = new List<TimedStep>();
        var messages = new List<SyslogMessage>();
        foreach (var @event in scenario)
        {
            t = OracleSteps.Advance(_timed, t, new OracleEventAction(@event.ToString(), @event), settle: true, meter, taken, messages);
        }

        using var model = JsonDocument.Parse(_expected.Write([], t, meter.Outage, messages));
        return divergence.Fields.All(f => StateDiff.ValueAt(model.RootElement, f.Field) == f.Expected);
    }

    /// <summary>The model's state after replaying <paramref name="events"/> (settled) from power-off.</summary>
    public PairState Replay(IEnumerable<Event> events) => _timed.Pair.Run(events);

    private static JsonDocument Parse(string text, string file, int line)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(file, line, (int)(e.BytePositionInLine ?? 0) + 1, $"not a JSON object: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static TraceLine ReadLine(JsonElement root, string file, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, line, 1, $"a trace line is a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        if (!root.TryGetProperty("event", out var @event) || @event.ValueKind != JsonValueKind.String)
        {
            throw new InputException(file, line, 1, "a trace line needs \"event\": a string such as \"power-off primary\"");
        }

        var settle = true;
        if (root.TryGetProperty("settle", out var s))
        {
            settle = s.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new InputException(file, line, 1, "\"settle\" is true or false"),
            };
        }

        foreach (var field in root.EnumerateObject())
        {
            if (!StateDiff.MetaFields.Contains(field.Name) && !StateFields.Contains(field.Name))
            {
                throw new InputException(file, line, 1, $"unknown field \"{field.Name}\" (a trace line has {string.Join(", ", StateDiff.MetaFields.Concat(StateFields))})");
            }
        }

        JsonElement? @case = root.TryGetProperty("case", out var c) ? c : null;
        var hasState = root.EnumerateObject().Any(p => !StateDiff.MetaFields.Contains(p.Name));
        return new TraceLine(@event.GetString()!, settle, @case, hasState);
    }

    /// <summary>The state members of a trace line (the snapshot JSON, docs/scenario-language.md), each compared when present.</summary>
    private static readonly HashSet<string> StateFields = new(StringComparer.Ordinal) { "time", "units", "links", "groups", "contexts", "connections", "syslog" };

    private readonly record struct TraceLine(string Event, bool Settle, JsonElement? Case, bool HasState);
}
