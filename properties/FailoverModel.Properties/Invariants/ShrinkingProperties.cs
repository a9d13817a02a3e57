using FailoverModel.Asa;
using FailoverModel.Checking;
using FailoverModel.Pair;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Invariants;

/// <summary>The shrinker and the printed scenario are what a user replays, so they are checked too.</summary>
public class ShrinkingProperties
{
    /// <summary>Shrinking keeps a failing run failing and never makes it longer.</summary>
    [Fact]
    public void AShrunkRunStillViolatesAndIsNoLonger()
    {
        // A deliberately strict claim that real runs break: "group 1 is never active on the secondary".
        var claim = new NeverActiveOnSecondary();
        var runs = Gen.Sample(RandomRuns.RunsFor(BuiltInConfigurations.SeedLanExample, 30), 300, new Rnd(3UL), 50);
        var failing = runs.Where(r => RunChecker.Check(r, [claim]).Violation is not null).Take(10).ToList();
        Assert.NotEmpty(failing);
        foreach (var run in failing)
        {
            var shrunk = RunChecker.Shrink(run, [claim]);
            Assert.NotNull(RunChecker.Check(shrunk, [claim]).Violation);
            Assert.True(shrunk.Steps.Length <= run.Steps.Length);
            Assert.All(RandomRuns.Shrink(shrunk), smaller => Assert.Null(RunChecker.Check(smaller, [claim]).Violation));
        }
    }

    /// <summary>A run printed as a scenario parses back to the same events.</summary>
    [Fact]
    public void ARunPrintedAsAScenarioParsesBackToTheSameEvents() =>
        Prop.ForAll(Arb.From(RandomRuns.RunsFor(BuiltInConfigurations.SeedLanExample, 30)), run =>
        {
            var scenario = Scenarios.ScenarioParser.Parse(run.ToString(), "run.scenario", run.Config);
            var events = scenario.Statements.OfType<Scenarios.EventStatement>().Select(s => (s.Event.ToString(), s.Settle));
            return events.SequenceEqual(run.Steps.Select(s => (s.Event.ToString(), s.Settle)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true));

    private sealed class NeverActiveOnSecondary : FailoverModel.Invariants.Invariant
    {
        public override string Name => "GroupOneIsNeverActiveOnTheSecondary";

        public override string Source => "a claim the seed does not make";

        public override string? Check(FailoverModel.Invariants.InvariantContext step) =>
            step.After.ActiveOn(FailoverGroupId.One) is ActiveOn.Secondary ? "group 1 is active on the secondary" : null;
    }
}
