using System.Collections.Immutable;
using FailoverModel.Asa.Show;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams.Stories;

/// <summary>A timer that ran before an internal step: which one, on which unit, from when to when, and the step it led to.</summary>
public sealed record StoryTimer(UnitRole? Unit, string Timer, long FromMs, long ToMs, string Step);

/// <summary>A group's state on one unit over one step: where it began and where it ended (the chain in between is ASA's).</summary>
public sealed record StoryChange(UnitRole Unit, FailoverGroupId Group, GroupState From, GroupState To, string Reason);

/// <summary>
/// One step of a story, everything read from the scenario run: the event, the internal steps' timers, each group's
/// change on each unit, the state after it, the syslog, the outage; <see cref="Json"/> is the step's line of <c>run --json</c>.
/// </summary>
public sealed record StoryStep(
    int Step,
    int Line,
    string Event,
    bool Internal,
    bool Settled,
    long StartMs,
    long EndMs,
    ImmutableArray<StoryTimer> Timers,
    ImmutableArray<StoryChange> Changes,
    PairState State,
    ImmutableArray<SyslogMessage> Syslog,
    ImmutableArray<long> OutageMs,
    ImmutableArray<string> Rows,
    ImmutableArray<string> Notes,
    string Json)
{
    /// <summary>The units an external event happens on; empty when it concerns the pair (a link).</summary>
    public ImmutableArray<UnitRole> EventUnits { get; init; } = [];
}

/// <summary>A scenario told as a story: its title, the scenario's own opening comment, and its steps.</summary>
public sealed record Story(string Name, string Title, string Summary, string File, PairConfig Config, ImmutableArray<StoryStep> Steps)
{
    /// <summary>Builds the story of <paramref name="result"/>, a run of the scenario <paramref name="name"/>.</summary>
    internal static Story FromRun(string name, string title, string scenarioText, ScenarioResult result)
    {
        var config = result.Scenario.Config;
        var pair = new FailoverPair(config);
        return FromSteps(name, title, scenarioText, result.Scenario, [.. result.Outputs.OfType<StepOutput>().Select(s => StepOf(config, pair, s))]);
    }

    /// <summary>The story of a run whose steps were made one at a time with <see cref="StepOf"/> as the run went.</summary>
    internal static Story FromSteps(string name, string title, string scenarioText, Scenario scenario, ImmutableArray<StoryStep> steps) =>
        new(name, title, OpeningComment(scenarioText), scenario.File, scenario.Config, steps);

    /// <summary>One step of a story, read from the run's output for it; <paramref name="pair"/> is a pair of <paramref name="config"/>.</summary>
    internal static StoryStep StepOf(PairConfig config, FailoverPair pair, StepOutput s)
    {
        var internalTimes = s.InternalAtMs;
        var timers = new List<StoryTimer>();
        var from = s.StartMs;

        // An internal step alone (advance, wait) ran its own timer; after an event, each settle step ran one.
        var timed = s.Result.External.Event.IsInternal
            ? [(Step: s.Result.External, At: s.TimeMs)]
            : s.Result.Internal.Select((r, i) => (Step: r, At: i < internalTimes.Length ? internalTimes[i] : s.TimeMs)).ToList();
        foreach (var (step, at) in timed)
        {
            var timer = FailoverTimers.Of(step.Event);
            if (timer != FailoverTimer.None)
            {
                timers.Add(new StoryTimer(UnitOf(step.Event), FailoverTimers.Describe(timer, config), from, at, step.Event.ToString()));
            }

            from = at;
        }

        var changes = s.Result.Changes
            .GroupBy(c => (c.Unit, c.Group))
            .Select(g => new StoryChange(g.Key.Unit, g.Key.Group, g.First().From, g.Last().To, g.Last().Reason))
            .Where(c => c.From != c.To)
            .OrderBy(c => c.Unit).ThenBy(c => c.Group)
            .ToImmutableArray();
        var @event = s.Result.External.Event;
        return new StoryStep(
            s.Step,
            s.Line,
            @event.ToString(),
            @event.IsInternal,
            pair.NextInternal(s.Result.State) is null,
            s.StartMs,
            s.TimeMs,
            [.. timers],
            changes,
            s.Result.State,
            [.. s.Result.Messages],
            s.OutageMs,
            [.. s.Result.Rows.Distinct().Select(r => Rules.FailureEventTable.Row(r).Source)],
            [.. s.Result.Notes],
            PairStateJson.StepLine(config, s.Step, s.Line, @event.ToString(), s.Result.State, s.Result.Messages, s.TimeMs, s.OutageMs))
        {
            EventUnits = [.. UnitsOf(@event)],
        };
    }

    /// <summary>What <c>show failover state</c> prints on <paramref name="unit"/> after <paramref name="step"/>.</summary>
    internal string ShowFailoverState(StoryStep step, UnitRole unit) => ShowCommands.Render(Config, step.State, unit, "failover state");

    /// <summary>
    /// The unit an event happens on. Every event of the model that concerns one unit names it in a <c>Unit</c>
    /// property, internal steps included; reading that property keeps new kinds of step on their unit's lane.
    /// </summary>
    private static UnitRole? UnitOf(Event e) =>
        e.GetType().GetProperty("Unit")?.GetValue(e) is UnitRole unit ? unit : null;

    private static IEnumerable<UnitRole> UnitsOf(Event e) => e switch
    {
        PowerOn p => p.Units,
        _ => UnitOf(e) is { } unit ? [unit] : [],
    };

    /// <summary>The scenario's opening comment, which says which part of the seed it follows.</summary>
    private static string OpeningComment(string text) =>
        string.Join(" ", text.Split('\n').Select(l => l.Trim()).SkipWhile(l => !l.StartsWith('#')).TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
}
