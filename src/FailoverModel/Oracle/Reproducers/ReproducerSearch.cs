using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// Finds a short scenario that reproduces a divergence on the model and on the implementation, and replays it on the
/// model before it is handed out (docs/oracle.md, "Reproducers"). The case's events up to the divergence are replayed
/// once, recording each step the trace took: from which state of the model (the whole state on the clock: both units'
/// configuration revisions, startup settings and views, the links, the connections, the next internal step due and how
/// long after) which event led to which state. The reproducer is the shortest path through those steps from power-off
/// to the state before the divergence, then the diverging event. So every event of it but the last is, from the same
/// state, a step the implementation itself took and was not found to diverge on; a shortcut through a state the
/// trace never showed (where the implementation may go wrong differently) is never offered.
/// </summary>
internal sealed class ReproducerSearch(PairConfig config, SyslogOrder syslogOrder = SyslogOrder.Model)
{
    public PairConfig Config { get; } = config;

    /// <summary>How long the search may take when the caller sets no time.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(30);

    /// <summary>The reproducer, or null when the case was not kept (longer than <see cref="TraceChecker.MaxCaseEvents"/> or its characters).</summary>
    /// <param name="divergence">The divergence.</param>
    /// <param name="time">
    /// How long the search may take (default <see cref="DefaultTime"/>): it is one replay of the case up to the
    /// divergence and a search of the steps recorded, so only a very long case reaches it; then
    /// <see cref="TimeoutException"/> says so.
    /// </param>
    /// <param name="cancel">Ctrl-C: the search stops at once with <see cref="OperationCanceledException"/>.</param>
    public Reproducer? Find(TraceDivergence divergence, TimeSpan? time = null, CancellationToken cancel = default)
    {
        if (divergence.CaseEvents is not { Count: > 0 } caseEvents)
        {
            return null;
        }

        var budget = new SearchBudget(time ?? DefaultTime, cancel);
        var last = new ReproducerStep(divergence.Event, divergence.Settle);
        var prefix = caseEvents.Take(caseEvents.Count - 1).Select(e => new ReproducerStep(e.Text, e.Settle)).ToList();
        var shown = new Dictionary<StateKey, List<(ReproducerStep Step, StateKey Next)>>();
        if (!ReproducesWithin([.. prefix, last], divergence, budget, shown))
        {
            if (budget.Spent)
            {
                throw new TimeoutException($"the replay of the case's {prefix.Count:N0} events reached the search's time bound of {(time ?? DefaultTime).TotalSeconds:N0} s");
            }

            // Cannot happen for a trace the checker read: its own case is what diverged.
            return null;
        }

        var path = ShortestPath(shown, StateKey.Of(new OracleSession(Config, syslogOrder).State), StateKey.Of(divergence.Before)) ?? prefix;
        List<ReproducerStep> steps = [.. path, last];
        return ReproducesWithin(steps, divergence, new SearchBudget(Timeout.InfiniteTimeSpan, cancel), null)
            ? new Reproducer(steps, path.Count < prefix.Count ? ReproducerOrigin.ShortestPath : ReproducerOrigin.TracePrefix, 2)
            : new Reproducer([.. prefix, last], ReproducerOrigin.TracePrefix, 2);
    }

    /// <summary>
    /// True when <paramref name="steps"/>, run from power-off, reach the state the trace had before the divergence and
    /// their last step then gives every divergence the trace gave.
    /// </summary>
    public bool Reproduces(IReadOnlyList<ReproducerStep> steps, TraceDivergence divergence) =>
        ReproducesWithin(steps, divergence, new SearchBudget(Timeout.InfiniteTimeSpan, default), null);

    /// <summary>
    /// As <see cref="Reproduces(IReadOnlyList{ReproducerStep}, TraceDivergence)"/>; false as soon as
    /// <paramref name="budget"/> is spent. Each step but the last is recorded in <paramref name="shown"/> when given.
    /// </summary>
    private bool ReproducesWithin(IReadOnlyList<ReproducerStep> steps, TraceDivergence divergence, SearchBudget budget, Dictionary<StateKey, List<(ReproducerStep Step, StateKey Next)>>? shown)
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

                var from = StateKey.Of(session.State);
                session.Apply(steps[i].Text, steps[i].Settle);
                if (shown is not null)
                {
                    if (!shown.TryGetValue(from, out var edges))
                    {
                        shown[from] = edges = [];
                    }

                    edges.Add((steps[i], StateKey.Of(session.State)));
                }
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
    private static bool Equivalent(TimedState a, TimedState b) => StateKey.Of(a) == StateKey.Of(b);

    /// <summary>A breadth-first search through the steps the trace took, from power-off to the state before the divergence.</summary>
    private static List<ReproducerStep>? ShortestPath(Dictionary<StateKey, List<(ReproducerStep Step, StateKey Next)>> shown, StateKey initial, StateKey target)
    {
        var parent = new Dictionary<StateKey, (StateKey From, ReproducerStep Via)?> { [initial] = null };
        var queue = new Queue<StateKey>([initial]);
        while (!parent.ContainsKey(target) && queue.TryDequeue(out var state))
        {
            foreach (var (step, next) in shown.GetValueOrDefault(state) ?? [])
            {
                if (parent.TryAdd(next, (state, step)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        if (!parent.ContainsKey(target))
        {
            return null;
        }

        var path = new List<ReproducerStep>();
        for (var at = target; parent[at] is { } edge; at = edge.From)
        {
            path.Add(edge.Via);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// A state of the model on its clock, whatever the time: the snapshot, the internal step due next and how long
    /// until it, and how long each unit's holdtimes (its mate silent, an interface failed) and reload have been running.
    /// </summary>
    private readonly record struct StateKey(PairState State, Event? Pending, long DueIn, long PrimarySilentFor, long SecondarySilentFor, long PrimaryReloadingFor, long SecondaryReloadingFor, long PrimaryInterfaceFor, long SecondaryInterfaceFor)
    {
        public static StateKey Of(TimedState t) => new(
            t.State,
            t.Pending,
            t.Pending is null ? -1 : t.DueMs - t.NowMs,
            For(t, t.PrimarySilentSinceMs),
            For(t, t.SecondarySilentSinceMs),
            For(t, t.PrimaryReloadingSinceMs),
            For(t, t.SecondaryReloadingSinceMs),
            For(t, t.PrimaryInterfaceSinceMs),
            For(t, t.SecondaryInterfaceSinceMs));

        private static long For(TimedState t, long since) => since < 0 ? -1 : t.NowMs - since;
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
