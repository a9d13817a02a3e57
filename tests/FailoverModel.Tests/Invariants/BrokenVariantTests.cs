using FailoverModel.Checking;
using FailoverModel.Exploration;
using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Tests.Invariants;

/// <summary>
/// The invariants bite: every broken variant is found by the explorer (where its alphabet reaches the bug) and by random
/// runs, each invariant named for a variant finds it alone, every invariant has a variant it finds, and the explorer's
/// counterexample replays.
/// </summary>
public class BrokenVariantTests
{
    private const int Runs = 3000;

    public static TheoryData<string> Variants() => [.. BrokenVariants.List.Select(v => v.Name)];

    public static TheoryData<string, string> VariantsAndTheirInvariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in BrokenVariants.List)
        {
            foreach (var invariant in variant.CaughtBy)
            {
                data.Add(variant.Name, invariant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheExplorerFindsTheBrokenVariantAndItsCounterexampleReplaysToTheSameViolation(string name)
    {
        var variant = BrokenVariants.Named(name);
        var pair = variant.Make(variant.Config);
        var result = new Explorer(pair, variant.Alphabet).Explore(maxStates: 2_000_000);

        var violation = Assert.IsType<Counterexample>(result.Violation);
        var scenario = ScenarioWriter.Write(pair, violation.Path, [violation.Evidence]);
        var replay = ScenarioRunner.Run(ScenarioParser.Parse(scenario, $"{name}.scenario", variant.Config), pair);
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

        Assert.True(found is not null, $"the counterexample of {name} did not replay:\n{scenario}");
        Assert.Equal(violation.Invariant.Name, found.Value.Invariant.Name);
    }

    [Theory]
    [MemberData(nameof(VariantsAndTheirInvariants))]
    public void EachInvariantNamedForAVariantFindsItAlone(string name, string invariantName)
    {
        var variant = BrokenVariants.Named(name);
        var invariant = SeedInvariants.All.Single(i => i.Name == invariantName);
        var result = new Explorer(variant.Make(variant.Config), variant.Alphabet).Explore(maxStates: 2_000_000, invariants: [invariant]);
        Assert.True(result.Violation is not null, $"the explorer checking only {invariantName} did not find {name} ({result.States} states)");

        var runs = Gen.Sample(RandomRuns.RunsFor(variant.Config, 40), Runs, new Rnd(11UL), 50);
        Assert.True(
            runs.Any(run => RunChecker.Check(run, [invariant], variant.Make).Violation is not null),
            $"{Runs} random runs checking only {invariantName} did not find {name}");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void RandomRunsFindTheBrokenVariant(string name)
    {
        var variant = BrokenVariants.Named(name);
        var runs = Gen.Sample(RandomRuns.RunsFor(variant.Config, 40), Runs, new Rnd(11UL), 50);
        Assert.True(runs.Any(run => RunChecker.Check(run, makePair: variant.Make).Violation is not null), $"{Runs} random runs did not find {name}");
    }

    [Fact]
    public void EveryInvariantHasABrokenVariantItFinds()
    {
        var named = BrokenVariants.List.SelectMany(v => v.CaughtBy).ToHashSet();
        var without = SeedInvariants.All.Select(i => i.Name).Where(i => !named.Contains(i)).ToList();
        Assert.True(without.Count == 0, $"invariants without a broken variant: {string.Join(", ", without)}");
    }

    [Fact]
    public void TheCorrectModelPassesTheSameRandomRuns()
    {
        foreach (var config in BrokenVariants.List.Select(v => v.Config).Distinct())
        {
            var runs = Gen.Sample(RandomRuns.RunsFor(config, 40), Runs, new Rnd(11UL), 50);
            Assert.All(runs, run => Assert.Null(RunChecker.Check(run).Violation));
        }
    }
}
