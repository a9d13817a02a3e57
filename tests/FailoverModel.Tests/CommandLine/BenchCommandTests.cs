using FailoverModel.Cli.Bench;

namespace FailoverModel.Tests.CommandLine;

/// <summary><c>bench</c>'s options; its figures are measured by running it, not in tests.</summary>
public class BenchCommandTests
{
    [Fact]
    public void AskingForJsonAndMarkdownAtOnceIsBadInputBeforeAnythingIsMeasured()
    {
        var (exit, output, error) = CliRun.Run(["bench", "--quick", "--json", "--markdown"]);

        Assert.Equal(global::FailoverModel.Cli.Cli.BadInput, exit);
        Assert.Equal("", output);
        Assert.Equal("failover-model: bench: --json and --markdown print the figures two ways; give one\n", error);
    }

    [Fact]
    public void AnUnknownWorkloadIsBadInputNamingTheWorkloads()
    {
        var (exit, output, error) = CliRun.Run(["bench", "--only", "oracle,explorer"]);

        Assert.Equal(global::FailoverModel.Cli.Cli.BadInput, exit);
        Assert.Equal("", output);
        Assert.Equal("failover-model: bench: --only: no workload 'explorer' (the workloads are stateless, exploration, growth, random, oracle, parsing)\n", error);
    }

    /// <summary>Every exploration of a run is bounded, the quick run's by a tenth of the full run's or less (CsCheck's: no more).</summary>
    [Fact]
    public void EveryWorkloadIsBoundedAndTheQuickRunIsTheSmaller()
    {
        foreach (var bounds in new[] { BenchBounds.Quick, BenchBounds.Full })
        {
            Assert.All([bounds.Exploration, bounds.CsCheck, bounds.Large, bounds.Settled, bounds.Vectors, bounds.RandomRuns], b => Assert.InRange(b, 1, 1_000_000));
        }

        Assert.True(BenchBounds.Quick.Exploration * 10 <= BenchBounds.Full.Exploration);
        Assert.True(BenchBounds.Quick.CsCheck <= BenchBounds.Full.CsCheck);
        Assert.True(BenchBounds.Quick.Large * 10 <= BenchBounds.Full.Large);
    }
}
