using FailoverModel.Machines;
using FailoverModel.Topology;
using System.Collections.Immutable;
using FailoverModel.Asa.Show;
using FailoverModel.Pair;
using FailoverModel.Time;

namespace FailoverModel.Scenarios;

/// <summary>What a scenario run produced, in statement order.</summary>
public abstract record ScenarioOutput(int Line);

/// <summary>
/// One event with the internal steps that settled it (or one internal step of <c>advance</c> or <c>wait</c>), the
/// simulated time when it ended, and each group's outage since the last external event, in milliseconds.
/// </summary>
public sealed record StepOutput(int Line, int Step, SettledStep Result, long TimeMs, ImmutableArray<long> OutageMs) : ScenarioOutput(Line)
{
    /// <summary>When the step began: the external event's time, or the previous step's end for an internal step.</summary>
    public long StartMs { get; init; } = TimeMs;

    /// <summary>When each of <see cref="SettledStep.Internal"/> happened, so a diagram can show the timer that ran before it.</summary>
    public ImmutableArray<long> InternalAtMs { get; init; } = [];
}

/// <summary>What a <c>show</c> statement printed.</summary>
/// <param name="Line">The statement's line.</param>
/// <param name="Statement">The statement.</param>
/// <param name="Text">What the unit printed.</param>
/// <param name="Silence">Why the unit printed nothing (it is off, reloading or failed in hardware); null when it answered.</param>
public sealed record ShowOutput(int Line, ShowStatement Statement, string Text, string? Silence = null) : ScenarioOutput(Line);

/// <summary>A checked <c>expect</c>; <see cref="Failure"/> is what the model has instead, or null when it held.</summary>
public sealed record ExpectOutput(int Line, Expectation Expectation, string? Failure) : ScenarioOutput(Line);

/// <summary>A scenario's run: every output in statement order, the final snapshot, and the failover history of both units.</summary>
/// <param name="Scenario">The scenario run.</param>
/// <param name="Outputs">What each statement produced: steps, show outputs, checked expects.</param>
/// <param name="Final">The snapshot after the last statement.</param>
/// <param name="History">Every group state change with its time, as <c>show failover history</c> prints it.</param>
/// <param name="NowMs">The simulated clock at the end, in milliseconds.</param>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<ScenarioOutput> Outputs, PairState Final, FailoverHistory History, long NowMs)
{
    /// <summary>The expects that did not hold.</summary>
    public IEnumerable<ExpectOutput> Failures => Outputs.OfType<ExpectOutput>().Where(e => e.Failure is not null);

    /// <summary>Every expect held.</summary>
    public bool Passed => !Failures.Any();
}

/// <summary>
/// Runs a scenario on the model and its simulated clock: each event settles (internal steps taken as their timers run
/// out) unless preceded by <c>step</c>; <c>wait</c> lets time pass; every expect is checked.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Runs a scenario on a new pair of its configuration.</summary>
    /// <param name="scenario">A parsed scenario (<see cref="ScenarioParser"/>).</param>
    public static ScenarioResult Run(Scenario scenario) => Run(scenario, new FailoverPair(scenario.Config));

    /// <summary>Runs a scenario on a given pair (another thread's clone, or a pair built from other rules).</summary>
    /// <param name="scenario">A parsed scenario.</param>
    /// <param name="pair">The pair to run it on; its configuration should be the scenario's.</param>
    public static ScenarioResult Run(Scenario scenario, FailoverPair pair)
    {
        var outputs = new List<ScenarioOutput>();
        return Stream(scenario, pair, outputs.Add) with { Outputs = outputs };
    }

    /// <summary>
    /// Runs a scenario as <see cref="Run(Scenario, FailoverPair)"/> does, handing each output to <paramref name="each"/>
    /// as soon as it is made and keeping none: the result's <see cref="ScenarioResult.Outputs"/> is empty. What the run
    /// holds is then the pair's state, the clock and the bounded history, whatever the scenario's length.
    /// </summary>
    /// <param name="scenario">A parsed scenario.</param>
    /// <param name="pair">The pair to run it on; its configuration should be the scenario's.</param>
    /// <param name="each">Takes every output in statement order.</param>
    public static ScenarioResult Stream(Scenario scenario, FailoverPair pair, Action<ScenarioOutput> each)
    {
        ArgumentNullException.ThrowIfNull(each);
        var timed = new TimedPair(pair);
        var outputs = new Emitter(each);
        var t = timed.Initial;
        var meter = new OutageMeter(pair.Config.GroupCount);
        SettledStep? last = null;
        var step = 0;
        var history = new FailoverHistory();
        foreach (var statement in scenario.Statements)
        {
            switch (statement)
            {
                case EventStatement e:
                    meter.Reset();
                    var start = t.NowMs;
                    (t, var external) = timed.Apply(t, e.Event);
                    var taken = new List<TimedStep>();
                    if (e.Settle)
                    {
                        t = timed.Settle(t, taken, meter);
                    }

                    history.Record(start, external.Changes);
                    history.RecordHearing(start, external.State);
                    foreach (var s in taken)
                    {
                        history.Record(s.AtMs, s.Result.Changes);
                        history.RecordHearing(s.AtMs, s.Result.State);
                    }

                    last = new SettledStep(external, [.. taken.Select(s => s.Result)]);
                    outputs.Add(new StepOutput(e.Line, ++step, last, t.NowMs, meter.Outage) { StartMs = start, InternalAtMs = [.. taken.Select(s => s.AtMs)] });
                    break;
                case AdvanceStatement a:
                    var advanced = new List<StepResult>();
                    for (var i = 0; i < a.Count && t.Pending is not null; i++)
                    {
                        var one = new List<TimedStep>();
                        t = timed.Next(t, one, meter);
                        advanced.Add(Internal(one, outputs, a.Line, ref step, history, meter));
                    }

                    last = Combined(advanced) ?? last;
                    break;
                case WaitStatement w:
                    var until = t.NowMs + w.DurationMs;
                    var waited = new List<StepResult>();
                    while (t.Pending is not null && t.DueMs <= until)
                    {
                        var one = new List<TimedStep>();
                        t = timed.Next(t, one, meter);
                        waited.Add(Internal(one, outputs, w.Line, ref step, history, meter));
                    }

                    t = timed.Wait(t, until - t.NowMs, [], meter);
                    last = Combined(waited) ?? last;
                    break;
                case ExpectStatement x:
                    outputs.Add(new ExpectOutput(x.Line, x.Expectation, x.Expectation.Check(scenario.Config, t.State, last, meter.Outage)));
                    break;
                case ShowStatement s:
                    var status = t.State.Unit(s.Unit).Status;
                    outputs.Add(status.IsRunning()
                        ? new ShowOutput(s.Line, s, ShowCommands.Render(new ShowContext(scenario.Config, t.State, s.Unit, s.Context, history, t.NowMs), s.Command))
                        : new ShowOutput(s.Line, s, "", $"{s.Unit.Token()} is {status.Display()}: it prints nothing"));
                    break;
            }
        }

        return new ScenarioResult(scenario, [], t.State, history, t.NowMs);
    }

    private static StepResult Internal(List<TimedStep> taken, Emitter outputs, int line, ref int step, FailoverHistory history, OutageMeter meter)
    {
        var s = taken.Single();
        history.Record(s.AtMs, s.Result.Changes);
        history.RecordHearing(s.AtMs, s.Result.State);
        var previous = outputs.LastStepEndMs;
        outputs.Add(new StepOutput(line, ++step, new SettledStep(s.Result, []), s.AtMs, meter.Outage) { StartMs = Math.Min(previous, s.AtMs) });
        return s.Result;
    }

    /// <summary>The internal steps one <c>advance</c> or <c>wait</c> took, as one step for the expects that follow.</summary>
    private static SettledStep? Combined(List<StepResult> steps) => steps.Count == 0 ? null : new SettledStep(steps[0], [.. steps.Skip(1)]);

    /// <summary>Passes each output on, remembering of them only when the last step ended (an internal step's start).</summary>
    private sealed class Emitter(Action<ScenarioOutput> each)
    {
        public long LastStepEndMs { get; private set; }

        public void Add(ScenarioOutput output)
        {
            if (output is StepOutput step)
            {
                LastStepEndMs = step.TimeMs;
            }

            each(output);
        }
    }
}
