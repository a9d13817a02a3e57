using FailoverModel.Asa.Show;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Scenarios;

/// <summary>What a scenario run produced, in statement order.</summary>
public abstract record ScenarioOutput(int Line);

public sealed record StepOutput(int Line, int Step, SettledStep Result) : ScenarioOutput(Line);

public sealed record ShowOutput(int Line, ShowStatement Statement, string Text) : ScenarioOutput(Line);

/// <summary>A checked <c>expect</c>; <see cref="Failure"/> is what the model has instead, or null when it held.</summary>
public sealed record ExpectOutput(int Line, Expectation Expectation, string? Failure) : ScenarioOutput(Line);

public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<ScenarioOutput> Outputs, PairState Final, FailoverHistory History, long NowMs)
{
    public IEnumerable<ExpectOutput> Failures => Outputs.OfType<ExpectOutput>().Where(e => e.Failure is not null);

    public bool Passed => !Failures.Any();
}

/// <summary>Runs a scenario on the model: each event settles unless preceded by <c>step</c>; every expect is checked.</summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(Scenario scenario) => Run(scenario, new FailoverPair(scenario.Config));

    public static ScenarioResult Run(Scenario scenario, FailoverPair pair)
    {
        var outputs = new List<ScenarioOutput>();
        var state = pair.Initial;
        SettledStep? last = null;
        var step = 0;
        var history = new FailoverHistory();
        long now = 0;
        foreach (var statement in scenario.Statements)
        {
            switch (statement)
            {
                case EventStatement e:
                    var external = pair.Apply(state, e.Event);
                    last = new SettledStep(external, e.Settle ? pair.Settle(external.State) : []);
                    state = last.State;
                    history.Record(now, last.Changes);
                    outputs.Add(new StepOutput(e.Line, ++step, last));
                    break;
                case AdvanceStatement a:
                    for (var i = 0; i < a.Count && pair.NextInternal(state) is { } next; i++)
                    {
                        var internalStep = pair.Apply(state, next);
                        last = new SettledStep(internalStep, []);
                        state = internalStep.State;
                        history.Record(now, internalStep.Changes);
                        outputs.Add(new StepOutput(a.Line, ++step, last));
                    }

                    break;
                case ExpectStatement x:
                    outputs.Add(new ExpectOutput(x.Line, x.Expectation, x.Expectation.Check(scenario.Config, state, last)));
                    break;
                case ShowStatement s:
                    outputs.Add(new ShowOutput(s.Line, s, ShowCommands.Render(new ShowContext(scenario.Config, state, s.Unit, s.Context, history, now), s.Command)));
                    break;
            }
        }

        return new ScenarioResult(scenario, outputs, state, history, now);
    }
}
