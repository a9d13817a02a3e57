using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Pair;
using FailoverModel.Tests.Invariants;

namespace FailoverModel.Tests.Exploration;

/// <summary>The compiled explorer gives what the reference explorer gives: counts, witnesses with their paths, counterexamples.</summary>
public class CompiledExplorerTests
{
    [Fact]
    public void TheOneGroupPairExploresToTheSameGraphAndWitnessesAsTheReference()
    {
        var reference = new Explorer(new FailoverPair(ExplorerTests.OneGroupWithPreempt)).Explore();
        var compiled = new CompiledExplorer(new FailoverPair(ExplorerTests.OneGroupWithPreempt)).Explore();

        Assert.True(compiled.Complete);
        Assert.Equal((reference.States, reference.Transitions, reference.Depth, reference.InvariantChecks), (compiled.States, compiled.Transitions, compiled.Depth, compiled.InvariantChecks));
        Assert.Equal(reference.Witnesses.Select(w => (w.What, string.Join(";", w.Path))), compiled.Witnesses.Select(w => (w.What, string.Join(";", w.Path))));
    }

    public static TheoryData<string> Variants() => ["NeverTimesOutASilentMate", "CountsTheThresholdOffByOne", "PreemptNeverArms"];

    /// <summary>A broken pair gives the same counterexample, the same shortest path to it, in both explorers.</summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void ABrokenVariantYieldsTheSameCounterexampleAsTheReference(string variant)
    {
        var reference = new Explorer(BrokenVariants.All[variant](BrokenVariants.Config)).Explore();
        var compiled = new CompiledExplorer(BrokenVariants.All[variant](BrokenVariants.Config)).Explore();

        Assert.NotNull(reference.Violation);
        Assert.Equal(reference.Violation!.Invariant.Name, compiled.Violation?.Invariant.Name);
        Assert.Equal(reference.Violation.Evidence, compiled.Violation!.Evidence);
        Assert.Equal(string.Join(";", reference.Violation.Path), string.Join(";", compiled.Violation.Path));
        Assert.Equal((reference.States, reference.Transitions), (compiled.States, compiled.Transitions));
    }
}
