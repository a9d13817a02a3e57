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

/// <summary>The settled graph stepped on packed states is the reference's, state for state and edge for edge.</summary>
public class CompiledSettledGraphTests
{
    public static TheoryData<string> Pairs() => ["one group", "one group with preempt", "built-in, no interface events"];

    private static (FailoverPair Pair, IReadOnlyList<Event> Alphabet) Of(string name) => name switch
    {
        "one group" => (new FailoverPair(ExplorerTests.OneGroup), EventAlphabet.For(ExplorerTests.OneGroup)),
        "one group with preempt" => (new FailoverPair(ExplorerTests.OneGroupWithPreempt), EventAlphabet.For(ExplorerTests.OneGroupWithPreempt)),
        _ => (new FailoverPair(SeedPair.Config), EventAlphabet.For(SeedPair.Config).Where(e => e is not InterfaceChange).ToList()),
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TheCompiledSettledGraphIsTheReferencesStateForStateAndEdgeForEdge(string name)
    {
        var (pair, alphabet) = Of(name);
        var reference = SettledGraph.Explore(pair, alphabet);
        var compiled = CompiledSettledGraph.Explore(pair, alphabet, threads: 2);

        Assert.True(compiled.Complete);
        Assert.Equal(reference.StateCount, compiled.StateCount);
        Assert.Equal(reference.EdgeCount, compiled.EdgeCount);
        Assert.Equal(reference.States, compiled.States);
        for (var s = 0; s < reference.StateCount; s++)
        {
            Assert.Equal(reference.OutEdges(s), compiled.OutEdges(s));
            Assert.Equal(reference.PathTo(s).AsEnumerable(), compiled.PathTo(s).AsEnumerable());
        }

        Assert.Equal(RecoveryAnalysis.Analyse(reference), RecoveryAnalysis.Analyse(compiled), new RecoveryComparer());
    }

    [Fact]
    public void ABoundedCompiledSettledGraphKeepsTheBoundAndSaysItIsIncomplete()
    {
        var (pair, alphabet) = Of("one group");
        var graph = CompiledSettledGraph.Explore(pair, alphabet, maxStates: 100);
        Assert.Equal(100, graph.StateCount);
        Assert.False(graph.Complete);
    }

    private sealed class RecoveryComparer : IEqualityComparer<RecoveryReport>
    {
        public bool Equals(RecoveryReport? x, RecoveryReport? y) =>
            x is not null && y is not null && (x.States, x.HealthyStates, x.StronglyConnectedComponents) == (y.States, y.HealthyStates, y.StronglyConnectedComponents)
            && x.TrapStates.SequenceEqual(y.TrapStates) && x.Deadlocks.SequenceEqual(y.Deadlocks);

        public int GetHashCode(RecoveryReport obj) => obj.States;
    }
}
