using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// Finds a short scenario that reproduces a divergence, and replays every candidate before it is handed out
/// (docs/oracle.md, "Reproducers"). A candidate reproduces when, run from power-off on a fresh model, it reaches the same state before its last event as the trace did
/// (the whole state: both units' configuration revisions, startup settings and views, the links, the connections; on
/// the clock, the same next internal step due as long after) and its last event, judged against the trace's
/// observation, gives every divergence the trace gave. First the shortest path of settled events is searched, with the
/// events of the alphabet and the case's own configuration commands (so history such as an unsaved change or a
/// preempt setting can be reached); when that does not reproduce (a timed case, a history the search does not reach),
/// the case's own events are shortened by delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating
/// Failure-Inducing Input", 2002), replaying each candidate.
/// </summary>
internal sealed class ReproducerSearch(PairConfig config, SyslogOrder syslogOrder = SyslogOrder.Model)
{
    /// <summary>A case prefix this short is shortened by delta debugging before the search.</summary>
    private const int ShortCase = 64;

    public PairConfig Config { get; } = config;

    /// <summary>How long the search for a shorter reproducer runs when the caller sets no time.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(30);

    /// <summary>The reproducer, or null when the case was not kept (longer than <see cref="TraceChecker.MaxCaseEvents"/>).</summary>
    /// <param name="divergence">The divergence.</param>
    /// <param name="maxStates">The most states the shortest-path search visits.</param>
    /// <param name="maxReplays">The most candidates delta debugging replays; past it the shortest found so far is kept.</param>
    /// <param name="time">
    /// How long the search for something shorter than the case itself may take (default <see cref="DefaultTime"/>);
    /// past it the shortest found so far is kept and <see cref="Reproducer.Stopped"/> says so. The case's own prefix is
    /// always replayed once, whatever the time: it is as long as the case the checker has just read.
    /// </param>
    /// <param name="cancel">Ctrl-C: the search stops at once with <see cref="OperationCanceledException"/>.</param>
    public Reproducer? Find(TraceDivergence divergence, int maxStates = 200_000, int maxReplays = 400, TimeSpan? time = null, CancellationToken cancel = default)
    {
        if (divergence.CaseEvents is not { Count: > 0 } caseEvents)
        {
            return null;
        }

        var budget = new SearchBudget(time ?? DefaultTime, cancel);
        var replays = 0;
        var last = new ReproducerStep(divergence.Event, divergence.Settle);
        var prefix = caseEvents.Take(caseEvents.Count - 1).Select(e => new ReproducerStep(e.Text, e.Settle)).ToList();
        var searchable = !divergence.Timed && divergence.Settle;
        bool Passes(List<ReproducerStep> candidate) => replays++ < maxReplays && !budget.Spent && ReproducesWithin([.. candidate, last], divergence, budget);

        // A short case is shortened first (a few replays), and the search then only looks for something shorter still,
        // among a tenth of the states (it can only improve on a reproducer already in hand); a long one (a vectors case
        // reaches a thousand steps) is searched first, since its state is at most the graph's depth away from power-off.
        if (prefix.Count > ShortCase && searchable && ShortestPath(divergence, caseEvents, maxStates, int.MaxValue, budget) is { } found
            && ReproducesWithin([.. found.Select(e => new ReproducerStep(e)), last], divergence, budget))
        {
            return new Reproducer([.. found.Select(e => new ReproducerStep(e)), last], ReproducerOrigin.ShortestPath, ++replays);
        }

        replays++;
        if (!ReproducesWithin([.. prefix, last], divergence, new SearchBudget(Timeout.InfiniteTimeSpan, cancel)))
        {
            // Cannot happen for a trace the checker read: its own case is what diverged.
            return null;
        }

        var shortened = DeltaDebug(prefix, Passes);
        if (prefix.Count <= ShortCase && searchable && shortened.Count > 1
            && ShortestPath(divergence, caseEvents, maxStates / 10, shortened.Count - 1, budget) is { } shorter
            && ReproducesWithin([.. shorter.Select(e => new ReproducerStep(e)), last], divergence, budget))
        {
            return new Reproducer([.. shorter.Select(e => new ReproducerStep(e)), last], ReproducerOrigin.ShortestPath, replays + 1);
        }

        return new Reproducer([.. shortened, last], ReproducerOrigin.TracePrefix, replays) { Stopped = budget.Spent };
    }

    /// <summary>
    /// True when <paramref name="steps"/>, run from power-off, reach the state the trace had before the divergence and
    /// their last step then gives every divergence the trace gave.
    /// </summary>
    public bool Reproduces(IReadOnlyList<ReproducerStep> steps, TraceDivergence divergence) =>
        ReproducesWithin(steps, divergence, new SearchBudget(Timeout.InfiniteTimeSpan, default));

    /// <summary>As <see cref="Reproduces(IReadOnlyList{ReproducerStep}, TraceDivergence)"/>; false as soon as <paramref name="budget"/> is spent.</summary>
    private bool ReproducesWithin(IReadOnlyList<ReproducerStep> steps, TraceDivergence divergence, SearchBudget budget)
    {
        if (steps.Count == 0)
        {
            return false;
        }

        var session = new OracleSession(Config, syslogOrder);
        try
        {
            for (var i = 0; i < steps.Count - 1; i++)
            {
                if (budget.Spent)
                {
                    return false;
                }

                session.Apply(steps[i].Text, steps[i].Settle);
            }

            if (!Equivalent(session.State, divergence.Before))
            {
                return false;
            }

            var verdict = session.Judge(session.Apply(steps[^1].Text, steps[^1].Settle), divergence.Observed);
            // Timing is the implementation's clock, which a replay on the model does not have: only the state is replayed.
            return divergence.Fields.Where(f => f.Kind != DivergenceKind.Timing).All(verdict.Divergences.Contains);
        }
        catch (Exception e) when (e is InputException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The same state on the clock, whatever the time: the same snapshot, the same step next and as long until it.</summary>
    private static bool Equivalent(TimedState a, TimedState b) =>
        a.State.Equals(b.State)
        && Equals(a.Pending, b.Pending)
        && (a.Pending is null || a.DueMs - a.NowMs == b.DueMs - b.NowMs)
        && Since(a, a.PrimarySilentSinceMs) == Since(b, b.PrimarySilentSinceMs)
        && Since(a, a.SecondarySilentSinceMs) == Since(b, b.SecondarySilentSinceMs);

    private static long Since(TimedState t, long at) => at < 0 ? -1 : t.NowMs - at;

    /// <summary>A breadth-first search of settled events from power-off to the state before the divergence.</summary>
    private List<string>? ShortestPath(TraceDivergence divergence, IReadOnlyList<TraceEvent> caseEvents, int maxStates, int maxDepth, SearchBudget budget)
    {
        var pair = new FailoverPair(Config);
        var reader = new OracleEventReader(Config);
        var own = new List<(Event Event, string Text)>();
        foreach (var e in caseEvents.Take(caseEvents.Count - 1))
        {
            if (reader.Read(e.Text, "trace", e.Line) is OracleEventAction { Event: var ev } && ev is CommandEvent && own.All(o => o.Text != e.Text))
            {
                own.Add((ev, e.Text));
            }
        }

        var alphabet = EventAlphabet.For(Config).Select(e => (Event: e, Text: e.ToString()!)).Concat(own).ToList();
        var target = divergence.Before.State;
        var parent = new Dictionary<PairState, (PairState? From, string? Via, int Depth)> { [pair.Initial] = (null, null, 0) };
        var queue = new Queue<PairState>([pair.Initial]);
        var found = target.Equals(pair.Initial);
        while (!found && !budget.Spent && queue.TryDequeue(out var state) && parent.Count < maxStates)
        {
            var depth = parent[state].Depth + 1;
            if (depth > maxDepth)
            {
                break;
            }

            foreach (var (@event, text) in alphabet)
            {
                var next = pair.Step(state, @event, quiet: true).State;
                if (parent.TryAdd(next, (state, text, depth)))
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

        var path = new List<string>();
        for (var at = target; parent[at].From is { } from; at = from)
        {
            path.Add(parent[at].Via!);
        }

        path.Reverse();
        return path;
    }

    /// <summary>ddmin: the smallest subsequence found that still passes <paramref name="passes"/>, removing chunks of halving size.</summary>
    private static List<T> DeltaDebug<T>(List<T> input, Func<List<T>, bool> passes)
    {
        var current = input;
        var n = 2;
        while (current.Count >= 1)
        {
            var chunk = (int)Math.Ceiling(current.Count / (double)n);
            var reduced = false;
            for (var start = 0; start < current.Count; start += chunk)
            {
                var complement = current.Take(start).Concat(current.Skip(start + chunk)).ToList();
                if (passes(complement))
                {
                    current = complement;
                    n = Math.Max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (chunk == 1)
                {
                    break;
                }

                n = Math.Min(n * 2, current.Count);
            }
        }

        return current;
    }

    /// <summary>
    /// The time a search may still take, and Ctrl-C. Asked between replayed events and searched states, so a search
    /// stops within one event's replay of its bound.
    /// </summary>
    private sealed class SearchBudget(TimeSpan time, CancellationToken cancel)
    {
        private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
        private bool _spent;

        public bool Spent
        {
            get
            {
                cancel.ThrowIfCancellationRequested();
                _spent = _spent || (time != Timeout.InfiniteTimeSpan && System.Diagnostics.Stopwatch.GetElapsedTime(_started) > time);
                return _spent;
            }
        }
    }
}
