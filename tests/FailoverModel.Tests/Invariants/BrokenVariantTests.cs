using FailoverModel.Checking;
using FailoverModel.Exploration;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Tests.Invariants;

/// <summary>The invariants bite: every broken variant is found by the explorer and by random runs, and the explorer's counterexample replays.</summary>
public class BrokenVariantTests
{
    public static TheoryData<string> Variants() => [.. BrokenVariants.All.Keys];

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheExplorerFindsTheBrokenVariantAndItsCounterexampleReplaysToTheSameViolation(string variant)
    {
        var pair = BrokenVariants.All[variant](BrokenVariants.Config);
        var result = new Explorer(pair).Explore(maxStates: 2_000_000);

        var violation = Assert.IsType<Counterexample>(result.Violation);
        var scenario = ScenarioWriter.Write(pair, violation.Path, [violation.Evidence]);
        var replay = ScenarioRunner.Run(ScenarioParser.Parse(scenario, $"{variant}.scenario", BrokenVariants.Config), pair);
        var history = default(RunHistory);
        (Invariant Invariant, string Evidence)? found = null;
        foreach (var r in replay.Outputs.OfType<StepOutput>().SelectMany(o => o.Result.Internal.Prepend(o.Result.External)))
        {
            found = SeedInvariants.FirstViolation(new InvariantContext(pair, r.Before, r.Event, r.State) { History = history });
            if (found is not null)
            {
                break;
            }

            history = RunHistory.Next(pair.Config, r.Before, r.State, history);
        }

        Assert.True(found is not null, $"the counterexample of {variant} did not replay:\n{scenario}");
        Assert.Equal(violation.Invariant.Name, found.Value.Invariant.Name);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void RandomRunsFindTheBrokenVariant(string variant)
    {
        var runs = Gen.Sample(RandomRuns.RunsFor(BrokenVariants.Config, 40), 3000, new Rnd(11UL), 50);
        var failing = runs.FirstOrDefault(run => RunChecker.Check(run, makePair: BrokenVariants.All[variant]).Violation is not null);
        Assert.True(failing is not null, $"3000 random runs did not find {variant}");
    }

    [Fact]
    public void TheCorrectModelPassesTheSameRandomRuns()
    {
        var runs = Gen.Sample(RandomRuns.RunsFor(BrokenVariants.Config, 40), 3000, new Rnd(11UL), 50);
        Assert.All(runs, run => Assert.Null(RunChecker.Check(run).Violation));
    }
}
