using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Exploration;

public class ExplorerTests
{
    /// <summary>One failover group, one context with one monitored interface: small enough to explore in every test run.</summary>
    public static PairConfig OneGroup { get; } = new(
        "one group, one monitored interface",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary)],
        [new ContextConfig("admin", FailoverGroupId.One, [new InterfaceConfig("admin", "inside", "inside_admin", "10.0.1.1", "255.255.255.0", "10.0.1.2", true)])],
        "admin",
        BuiltInConfigurations.SeedLanExample.FailoverLink,
        BuiltInConfigurations.SeedLanExample.StateLink);

    /// <summary>Pins the reachable graph: any change to a rule shows here in review (README records the figures).</summary>
    [Fact]
    public void TheOneGroupPairHasItsPinnedReachableGraphAndNoViolation()
    {
        var result = new Explorer(new FailoverPair(OneGroup)).Explore();

        Assert.Null(result.Violation);
        Assert.True(result.Complete);
        Assert.Equal((PinnedStates, PinnedDepth), (result.States, result.Depth));
    }

    /// <summary>
    /// The same pair with preempt on its group: the pinned explorations must exercise preempt, or an invariant about it
    /// proves nothing (issue "Each unit knows only what it hears").
    /// </summary>
    public static PairConfig OneGroupWithPreempt { get; } = new(
        "one group with preempt, one monitored interface",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true }],
        OneGroup.Contexts,
        "admin",
        BuiltInConfigurations.SeedLanExample.FailoverLink,
        BuiltInConfigurations.SeedLanExample.StateLink);

    [Fact]
    public void TheOneGroupPairWithPreemptHasItsPinnedReachableGraphAndNoViolation()
    {
        var result = new Explorer(new FailoverPair(OneGroupWithPreempt)).Explore();

        Assert.Null(result.Violation);
        Assert.True(result.Complete);
        Assert.Contains(result.Witnesses, w => w.What == "command failover reset");
        Assert.Equal((PinnedPreemptStates, PinnedPreemptDepth), (result.States, result.Depth));
    }

    /// <summary>Parallel expansion merges in breadth-first order, so the thread count changes nothing but speed.</summary>
    [Fact]
    public void TheResultIsTheSameWhateverTheThreadCount()
    {
        var config = BuiltInConfigurations.SeedLanExample;
        var alphabet = EventAlphabet.For(config).Where(e => e is not InterfaceChange).ToList();

        var one = new Explorer(new FailoverPair(config), alphabet).Explore(threads: 1);
        var four = new Explorer(new FailoverPair(config), alphabet).Explore(threads: 4);

        Assert.Equal((one.States, one.Transitions, one.Depth, one.InvariantChecks), (four.States, four.Transitions, four.Depth, four.InvariantChecks));
        Assert.Equal(one.Witnesses.Select(w => (w.What, string.Join(";", w.Path))), four.Witnesses.Select(w => (w.What, string.Join(";", w.Path))));
        Assert.Equal(211_392, one.States);
    }

    /// <summary>The compact store keeps a state in a few dozen bytes: 44 for the key, the rest for the index, the parent and the event.</summary>
    [Fact]
    public void AStoredStateCostsAtMostSixtyFourBytes()
    {
        var config = BuiltInConfigurations.SeedLanExample;
        var explorer = new Explorer(new FailoverPair(config));

        var result = explorer.Explore(maxStates: 250_000, invariants: []);

        Assert.Equal(250_000, result.States);
        Assert.InRange(explorer.LastBytesPerState, 24, 64);
    }

    [Fact]
    public void EveryGroupStateTableRowAndCommandIsReachedWithAReplayableWitness()
    {
        var pair = new FailoverPair(OneGroup);
        var result = new Explorer(pair).Explore();

        Assert.Empty(Explorer.RequiredWitnesses(OneGroup).Except(result.Witnesses.Select(w => w.What)));
        foreach (var witness in result.Witnesses.Where(w => w.What.StartsWith("group state", StringComparison.Ordinal)))
        {
            var state = pair.Initial;
            foreach (var e in witness.Path)
            {
                state = pair.Apply(state, e).State;
            }

            Assert.Contains(witness.What["group state ".Length..], new[] { state.Primary.Group1.State, state.Secondary.Group1.State }.Select(s => global::FailoverModel.Machines.GroupStates.Display(s)));
        }
    }

    [Fact]
    public void FromEverySettledStateRestorationsAloneLeadBackToAHealthyPair()
    {
        var report = RecoveryAnalysis.Analyse(SettledGraph.Explore(new FailoverPair(OneGroup)));

        Assert.True(report.HealthyStates > 0);
        Assert.Empty(report.TrapStates);
        Assert.Empty(report.Deadlocks);
    }

    public static TheoryData<string> GeneratedShapes() => ["both groups prefer the primary", "preempt on both groups", "percentage policies"];

    /// <summary>
    /// Configurations the seed allows but the built-in one does not use: no invariant is violated. A complete exploration
    /// takes about two minutes each, so the default run explores the first 20,000 states and FAILOVER_SOAK=1 all of them.
    /// </summary>
    [Theory]
    [MemberData(nameof(GeneratedShapes))]
    public void AGeneratedConfigurationExploresCompletelyWithoutViolation(string shape)
    {
        var groups = shape switch
        {
            "both groups prefer the primary" => new[] { FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Primary) },
            "preempt on both groups" => [new FailoverGroupConfig(UnitRole.Primary, true, 0, InterfacePolicy.Default), new FailoverGroupConfig(UnitRole.Secondary, true, 30, InterfacePolicy.Default)],
            _ => [new FailoverGroupConfig(UnitRole.Primary, false, 0, new InterfacePolicy(50, true)), new FailoverGroupConfig(UnitRole.Secondary, false, 0, new InterfacePolicy(100, true))],
        };
        var config = new PairConfig(shape, groups,
            [
                new ContextConfig("admin", FailoverGroupId.One, [new InterfaceConfig("admin", "inside", "inside_admin", "10.0.1.1", "255.255.255.0", "10.0.1.2", true)]),
                new ContextConfig("context2", FailoverGroupId.Two, [new InterfaceConfig("context2", "inside", "inside_context2", "10.0.2.1", "255.255.255.0", "10.0.2.2", true)]),
            ],
            "admin", BuiltInConfigurations.SeedLanExample.FailoverLink, null);

        var soak = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1";
        var result = new Explorer(new FailoverPair(config)).Explore(maxStates: soak ? int.MaxValue : 20_000);

        Assert.Null(result.Violation);
        if (soak)
        {
            Assert.True(result.Complete);
            Assert.Empty(Explorer.RequiredWitnesses(config).Except(result.Witnesses.Select(w => w.What)));
        }
    }

    private const int PinnedStates = 109_184;
    private const int PinnedDepth = 30;
    private const int PinnedPreemptStates = 113_952;
    private const int PinnedPreemptDepth = 30;
}
