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
        [new ContextConfig("admin", 1, [new InterfaceConfig("admin", "inside", "inside_admin", "10.0.1.1", "255.255.255.0", "10.0.1.2", true)])],
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

    private const int PinnedStates = 16192;
    private const int PinnedDepth = 24;
}
