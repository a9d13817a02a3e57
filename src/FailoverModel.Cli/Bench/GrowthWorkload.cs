using System.Diagnostics;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Pair;

namespace FailoverModel.Cli.Bench;

/// <summary>
/// How the explorer's cost grows with the configuration: states and time as contexts per group and monitored
/// interfaces per context grow. Two parts: one group with one context of n monitored interfaces, each explored to the
/// end, so the growth of the exact state count can be read off; and the grid of contexts per group by interfaces per
/// context (1, 2, 4, 8) for one and two groups, each cell explored to the same bound, so a cell says whether it
/// completes and how fast states come. The interfaces of a group are interchangeable (docs/checking.md), so a cell's
/// count depends on the monitored interfaces per group, not on how they are spread over contexts.
/// </summary>
public static class GrowthWorkload
{
    private const string How = "failover-model bench --only growth";

    private static readonly int[] Sizes = [1, 2, 4, 8];

    public static IEnumerable<BenchFigure> Measure(BenchBounds bounds)
    {
        long previous = 0;
        for (var n = 1; n <= bounds.GrowthSeries; n++)
        {
            var workload = $"growth: 1 group, 1 context, {n} monitored interface{(n == 1 ? "" : "s")}, to the end";
            var (result, seconds) = Explore(ScaledConfiguration.Build(1, 1, n), int.MaxValue);
            yield return new(workload, result.Complete ? "states (complete)" : "states (interrupted)", result.States, "states", How);
            yield return new(workload, "transitions", result.Transitions, "transitions", How);
            yield return new(workload, "depth", result.Depth, "steps", How);
            yield return new(workload, "seconds", seconds, "s", How);
            if (previous > 0)
            {
                yield return new(workload, "states against one interface fewer", (double)result.States / previous, "x", How);
            }

            previous = result.States;
        }

        foreach (var groups in new[] { 1, 2 })
        {
            foreach (var contexts in Sizes)
            {
                foreach (var interfaces in Sizes.Where(i => groups * contexts * i <= Topology.PairConfig.MaxInterfaces))
                {
                    var workload = $"growth: {groups} group{(groups == 1 ? "" : "s")} × {contexts} context{(contexts == 1 ? "" : "s")} × {interfaces} interface{(interfaces == 1 ? "" : "s")} ({groups * contexts * interfaces} monitored), first {bounds.Growth:N0} states";
                    var (result, seconds) = Explore(ScaledConfiguration.Build(groups, contexts, interfaces), bounds.Growth);
                    yield return new(workload, result.Complete ? "states (complete)" : "states (bounded)", result.States, "states", How);
                    yield return new(workload, "transitions per state", (double)result.Transitions / result.States, "transitions", How);
                    yield return new(workload, "states per second", result.States / seconds, "states/s", How);
                }
            }
        }
    }

    private static (Exploration.ExplorationResult Result, double Seconds) Explore(Topology.PairConfig config, int maxStates)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var result = new CompiledExplorer(new FailoverPair(config)).Explore(maxStates);
        return (result, clock.Elapsed.TotalSeconds);
    }
}
