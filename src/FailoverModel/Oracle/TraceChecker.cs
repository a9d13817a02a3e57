using FailoverModel.Input;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>One event of a trace as it was read: its text, how it was applied, and its line.</summary>
public sealed record TraceEvent(string Text, bool Settle, long Line);

/// <summary>The first step where a trace and the model part.</summary>
/// <param name="Line">The trace line (1-based).</param>
/// <param name="Step">The step within its test case (1-based).</param>
/// <param name="CaseStartLine">The line where the diverging test case (or the trace) starts.</param>
/// <param name="Event">The diverging line's event, as the trace wrote it.</param>
/// <param name="Fields">Each state field that differs, the first one first.</param>
/// <param name="Before">The model's state before the diverging step.</param>
/// <param name="Settle">Whether the event was to be settled.</param>
/// <param name="Timed">True when the case so far used waits or unsettled events, whose effect depends on time.</param>
/// <param name="Observed">What the diverging line observed (its members and its device text).</param>
/// <param name="CaseEvents">The case's events up to and including the diverging one, as read; null when the case was longer than the checker keeps.</param>
public sealed record TraceDivergence(long Line, long Step, long CaseStartLine, string Event, IReadOnlyList<Divergence> Fields, TimedState Before, bool Settle, bool Timed, Observation Observed, IReadOnlyList<TraceEvent>? CaseEvents);

/// <summary>What checking a trace found: how much was read and judged, and the first divergence, if any.</summary>
/// <param name="Lines">Lines read.</param>
/// <param name="Steps">Steps read (lines with an event the model took).</param>
/// <param name="Cases">Test cases read.</param>
/// <param name="Compared">States compared: lines that carry an observation (state members or device text); a line with only <c>at</c> is not one.</param>
/// <param name="Divergence">The first divergence, or null when the trace conforms.</param>
public sealed record TraceVerdict(long Lines, long Steps, long Cases, long Compared, TraceDivergence? Divergence)
{
    /// <summary>Steps whose duration was judged against the window the model allows: a line with <c>at</c> after a line of its case with <c>at</c>.</summary>
    public long TimedSteps { get; init; }

    /// <summary>Steps after the first of their case whose duration was not judged: the lines of a case without <c>at</c>.</summary>
    public long UntimedSteps { get; init; }

    /// <summary>
    /// How many device syslog lines conformed in a documented form other than the one the model logs, by message and
    /// source of the form (docs/oracle.md, "Device output"), in order of the form.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> OtherForms { get; init; } = [];
}

/// <summary>
/// Replays another implementation's trace on the model, one JSON line at a time (docs/oracle.md): each line's event is
/// applied (and settled unless <c>"settle": false</c>), then every state field the line carries is judged by
/// <see cref="OracleSession"/>. A line with a new <c>case</c> starts again from power-off. It holds the current line, the
/// model's state and the current case's events (for the reproducer, at most <see cref="MaxCaseEvents"/>), so a trace of
/// any length is checked in bounded memory, from a file or a stream.
/// </summary>
public sealed class TraceChecker
{
    /// <summary>The most events of one case kept for its reproducer; a longer case's divergence gets none from the trace.</summary>
    public const int MaxCaseEvents = 100_000;

    /// <summary>
    /// The most characters of event text of one case kept for its reproducer (32 MB as .NET strings): a case of a few
    /// events a mebibyte long each (failover group sub-modes) is bounded as a case of many short ones is.
    /// </summary>
    public const long MaxCaseEventChars = 16L << 20;

    private readonly OracleSession _session;
    private readonly TraceLineReader _lines;

    /// <summary>A checker of traces of a pair of this configuration, syslog compared in the order the model logs or in any order.</summary>
    public TraceChecker(PairConfig config, SyslogOrder syslogOrder = SyslogOrder.Model)
    {
        _session = new OracleSession(config, syslogOrder);
        _lines = new TraceLineReader(config);
    }

    /// <summary>
    /// The timed suite the trace replays (docs/oracle.md, "Timed suites"), or null: when set, a line without <c>at</c> is
    /// bad input at that line, since a timed suite checked without its clock would conform with no step timed.
    /// </summary>
    public string? TimedSuite { get; init; }

    /// <summary>The configuration the model runs.</summary>
    public PairConfig Config => _session.Config;

    /// <summary>How syslog messages are compared.</summary>
    public SyslogOrder SyslogOrder => _session.SyslogOrder;

    /// <summary>Checks text a caller holds (a test, the benchmark) as a file would be checked.</summary>
    public TraceVerdict Check(TextReader reader, string file) =>
        Check(new LineReader(new TextReaderStream(reader), file, InputLimits.Default.MaxLineBytes));

    /// <summary>
    /// Checks a trace read through the input layer (bounded lines, strict UTF-8, gzip verified by the caller's stream)
    /// and stops at its first divergence; <paramref name="progress"/> sees the lines and steps read every 4,096 lines;
    /// <paramref name="cancellation"/> stops the replay with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public TraceVerdict Check(LineReader reader, Action<long, long>? progress = null, CancellationToken cancellation = default)
    {
        var file = reader.File;
        long lineNo = 0, linesRead = 0;
        long steps = 0, cases = 0, compared = 0, timedSteps = 0, untimedSteps = 0;
        long caseStart = 1;
        var timedCase = false;

        // Whether the current case's lines carry 'at' (null before its first line): every line of a case or none.
        bool? caseClock = null;
        var otherForms = new SortedDictionary<string, long>(StringComparer.Ordinal);
        string? currentCase = null;
        List<TraceEvent>? caseEvents = [];
        long caseChars = 0;
        _session.Reset();
        while (reader.ReadLine() is { } text)
        {
            lineNo = reader.LineNumber;
            if ((++linesRead & 4095) == 0)
            {
                progress?.Invoke(lineNo, steps);
                cancellation.ThrowIfCancellationRequested();
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var line = _lines.Read(text, file, lineNo)!;
            if (line.Event.StartsWith('#'))
            {
                // An internal step printed by 'run --json' (after 'advance' or 'wait'): the model takes it by itself.
                continue;
            }

            if (line.Case is { } c && c != currentCase)
            {
                // Each case stands alone, as a scenario does: from power-off.
                currentCase = c;
                _session.Reset();
                cases++;
                caseStart = lineNo;
                timedCase = false;
                caseClock = null;
                caseEvents = [];
                caseChars = 0;
            }
            else if (cases == 0)
            {
                cases = 1;
            }

            if (caseEvents is not null)
            {
                caseEvents.Add(new TraceEvent(line.Event, line.Settle, lineNo));
                caseChars += line.Event.Length;
                if (caseEvents.Count > MaxCaseEvents || caseChars > MaxCaseEventChars)
                {
                    caseEvents = null;
                }
            }

            var hasAt = line.At is not null;
            if (!hasAt && TimedSuite is { } suite)
            {
                throw new InputException(file, lineNo, 1, $"the line has no \"at\": the trace is of the timed suite {suite}, whose every step is judged on its time (--untimed checks it without timing)");
            }

            if (caseClock is { } clock && clock != hasAt)
            {
                throw new InputException(file, lineNo, 1, hasAt
                    ? "the line has \"at\" and an earlier line of its case has none: a case carries \"at\" on every line or on none, so that no step goes untimed unnoticed"
                    : "the line has no \"at\" and the lines before it in its case have one: a case carries \"at\" on every line or on none, so that no step goes untimed unnoticed");
            }

            var first = caseClock is null;
            caseClock = hasAt;
            var before = _session.State;
            var verdict = _session.Step(line, file, lineNo);
            timedCase |= !line.Settle || _session.Events.Read(line.Event, file, lineNo) is OracleWaitAction;
            steps++;
            // A case's first step starts its clock: there is no step before it to be timed from.
            timedSteps += !first && hasAt ? 1 : 0;
            untimedSteps += !first && !hasAt ? 1 : 0;

            if (!line.HasState)
            {
                continue;
            }

            if (line.Observation is not null || line.Device is not null)
            {
                compared++;
            }

            if (!verdict.Conforms)
            {
                var timed = timedCase || verdict.Divergences.Any(d => d.Field == "time" || d.Field.EndsWith(".outage", StringComparison.Ordinal) || d.Kind == DivergenceKind.Timing);
                return new TraceVerdict(lineNo, steps, cases, compared, new TraceDivergence(lineNo, _session.Steps, caseStart, line.Event, verdict.Divergences, before, line.Settle, timed, verdict.Observed!, caseEvents)) { TimedSteps = timedSteps, UntimedSteps = untimedSteps };
            }

            foreach (var syslog in Syslogs(verdict.Observed))
            {
                foreach (var form in SyslogDiff.OtherFormsMatched(verdict.Model.Messages, syslog))
                {
                    otherForms[form] = otherForms.GetValueOrDefault(form) + 1;
                }
            }
        }

        if (steps == 0)
        {
            throw new InputException(file, Math.Max(1, lineNo), 1, "the trace has no events");
        }

        return new TraceVerdict(lineNo, steps, cases, compared, null) { TimedSteps = timedSteps, UntimedSteps = untimedSteps, OtherForms = [.. otherForms] };
    }

    /// <summary>The syslog lists an observation carries, its own and those of the outputs beside it.</summary>
    private static IEnumerable<IReadOnlyList<SyslogObservation>> Syslogs(Observation? observed)
    {
        if (observed is null)
        {
            yield break;
        }

        if (observed.Syslog is { } own)
        {
            yield return own;
        }

        foreach (var also in observed.Also.SelectMany(Syslogs))
        {
            yield return also;
        }
    }
}
