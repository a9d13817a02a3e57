using System.Collections.Immutable;
using FailoverModel.Checking;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Time;

/// <summary>
/// The oracle's timing bounds (docs/oracle.md, "Timing") never reject the model itself: on random timed runs (random
/// timers in ASA's ranges, random events, one in five not settled, random waits between them, so that faults fall at
/// every phase of the polls and in the middle of a holdtime), the time each step takes on the model's clock lies within
/// the least and the most the oracle allows for it. The timed suites rest on this: they write the model's own times.
/// </summary>
public class StepTimingProperties
{
    [Fact]
    public void EveryStepOfTheModelTakesATimeTheOracleAllows()
    {
        var runs = Arb.From(
            from run in RandomRuns.Runs(30)
            from timers in TimedRunGenerators.Timers
            from waits in Gen.ArrayOf(TimedRunGenerators.Waits, run.Steps.Length)
            select new TimedRun(run.Config.WithTimers(timers), [.. run.Steps.SelectMany((s, i) => waits[i] > 0
                ? (Step[])[new Step(new OracleEventAction(s.Event.ToString(), s.Event), s.Settle), new Step(new OracleWaitAction($"wait {waits[i]}ms", waits[i]), true)]
                : [new Step(new OracleEventAction(s.Event.ToString(), s.Event), s.Settle)])]),
            r => Enumerable.Range(0, r.Steps.Length).Select(i => r with { Steps = r.Steps.RemoveAt(i) }));
        Prop.ForAll(runs, run =>
        {
            var session = new OracleSession(run.Config);
            foreach (var (step, i) in run.Steps.Select((s, i) => (s, i)))
            {
                var taken = session.Apply(step.Action, step.Settle);
                var (least, most) = StepTiming.Bounds(run.Config, step.Action, taken);
                var took = taken.After.NowMs - taken.Before.NowMs;
                if (took < least || took > most)
                {
                    return false.Label($"step {i + 1} ({step.Action.Text}) took {took} ms on the model, the oracle allows {least}..{most} ms\n{run}");
                }
            }

            return true.ToProperty();
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(TimedRunGenerators.Runs).WithQuietOnSuccess(true));
    }

    private sealed record Step(OracleAction Action, bool Settle)
    {
        public override string ToString() => Settle ? Action.Text : $"step {Action.Text}";
    }

    private sealed record TimedRun(PairConfig Config, ImmutableArray<Step> Steps)
    {
        public bool Equals(TimedRun? other) => other is not null && ReferenceEquals(Config, other.Config) && Steps.SequenceEqual(other.Steps);

        public override int GetHashCode() => HashCode.Combine(Config, Steps.Length);

        public override string ToString() =>
            TimedRunGenerators.TimersLine(Config)
            + string.Join('\n', Steps);
    }
}
