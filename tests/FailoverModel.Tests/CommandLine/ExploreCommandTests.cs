using FailoverModel.Cli;
using FailoverModel.Cli.Bench;
using FailoverModel.Cli.Commands;
using FailoverModel.Tests.Exploration;

namespace FailoverModel.Tests.CommandLine;

/// <summary><c>explore</c>'s bound covers every phase, a bounded run passes unless asked to be complete, and it says what it covered.</summary>
public class ExploreCommandTests
{
    private static (int Exit, string Out, string Err) Explore(Topology.PairConfig config, int maxStates, bool requireComplete = false, CancellationToken cancellation = default, bool reference = false, bool exact = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var io = new CliIo(stdout, stderr, TextReader.Null) { Width = 120, Cancellation = cancellation };
        var store = StoreOptions.Of(exact || reference, null, null, null, 120);
        var exit = ExploreCommand.Run(io, config, maxStates, null, requireComplete, reference, store: store);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>On 64 monitored interfaces the settled graph alone never ended; the bound now stops it too.</summary>
    [Fact]
    public void ABoundedRunOnTheLargeConfigurationStopsAtTheBoundInEveryPhaseAndPasses()
    {
        var (exit, output, _) = Explore(ScaledConfiguration.Large(), 1_000);

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Matches(@"│ states \(canonical\) +│ 1,000 ", output);
        Assert.Matches(@"│ settled states +│ 1,000 \(bounded\)", output);
        Assert.Contains("bounded run: no invariant violated in the 1,000 states", output, StringComparison.Ordinal);
        Assert.DoesNotContain("never reached", output, StringComparison.Ordinal);
    }

    /// <summary>The compiled explorer is the default; --reference steps snapshots and reports the very same figures; the fingerprint store (the default) the same figures as the exact one.</summary>
    [Fact]
    public void TheReferenceExplorerAndTheFingerprintStoreReportWhatTheExactCompiledOneReports()
    {
        var (compiledExit, compiled, _) = Explore(ExplorerTests.OneGroup, 20_000, exact: true);
        var (referenceExit, reference, _) = Explore(ExplorerTests.OneGroup, 20_000, reference: true);
        var (fingerprintExit, fingerprints, _) = Explore(ExplorerTests.OneGroup, 20_000);

        Assert.Equal((Cli.Cli.Success, Cli.Cli.Success, Cli.Cli.Success), (compiledExit, referenceExit, fingerprintExit));
        Assert.Matches(@"│ explorer +│ compiled \(packed states\)", compiled);
        Assert.Matches(@"│ explorer +│ reference \(snapshots\)", reference);
        Assert.Matches(@"│ store +│ 64-bit fingerprints", fingerprints);
        Assert.Matches(@"│ bytes per state in memory +│ table [0-9.]+ \(", fingerprints);
        Assert.Matches(@"│ bytes per state on disk +│ frontier 44 \(peak [0-9.]+ MiB\), parent log 18 \(", fingerprints);
        Assert.Matches(@"│ fingerprint collision +│ probability [0-9.E+-]+ \(optimistic\)", fingerprints);
        Assert.Matches(@"│ transitions +│ [1-9]", compiled);
        static IEnumerable<string> Figures(string output) => output.Split('\n')
            .Where(l => !l.Contains("explorer", StringComparison.Ordinal) && !l.Contains("store", StringComparison.Ordinal) && !l.Contains("bytes per state", StringComparison.Ordinal) && !l.Contains("fingerprint collision", StringComparison.Ordinal) && !l.Contains('─'))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, " +", " "));
        Assert.Equal(Figures(compiled), Figures(reference));
        Assert.Equal(Figures(compiled), Figures(fingerprints));
    }

    /// <summary>Configuration changes and connections join the alphabet on request, on the reference explorer.</summary>
    [Fact]
    public void WithAddsConfigurationChangesAndConnectionsToTheAlphabetOnTheReferenceExplorer()
    {
        var stdout = new StringWriter();
        var io = new CliIo(stdout, new StringWriter(), TextReader.Null) { Width = 80 };
        var exit = ExploreCommand.Run(io, ExplorerTests.OneGroup, 20_000, null, false, with: ["configure", "connect"], changesPerSpace: 2);
        var output = stdout.ToString();

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Matches(@"│ explorer +│ reference \(snapshots\)", output);
        Assert.Matches(@"│ alphabet +│ failover events and configure \(2 per space\), connect", output);
        var plain = Explore(ExplorerTests.OneGroup, 20_000).Out;
        Assert.Matches(@"│ alphabet +│ failover events \([0-9]+\)", plain);
    }

    [Theory]
    [InlineData(new[] { "explore", "--with", "traffic" }, "failover-model: --with: unknown part 'traffic' (known: configure, failover-group, connect)\n")]
    [InlineData(new[] { "explore", "--with", "configure", "--changes", "5" }, "failover-model: --changes must be from 1 to 4, not 5\n")]
    public void AnUnknownPartOrTooManyChangesIsBadInputInOneLine(string[] args, string expected)
    {
        var stderr = new StringWriter();
        Assert.Equal(Cli.Cli.BadInput, Cli.Cli.Invoke(args, new StringWriter(), stderr));
        Assert.Equal(expected, stderr.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "explore", "--memory", "12q" }, "failover-model: --memory: '12q' is not a size (a number with k, m, g or t, such as 12g)\n")]
    [InlineData(new[] { "explore", "--memory", "100m" }, "failover-model: --memory must be from ")]
    [InlineData(new[] { "explore", "--checkpoint-every", "-1" }, "failover-model: --checkpoint-every must be from 0 to 86,400, not -1\n")]
    [InlineData(new[] { "explore", "--exact", "--memory", "1g" }, "failover-model: --memory, --checkpoint and --resume are for the fingerprint store; --exact, --reference and --with keep whole keys in memory\n")]
    [InlineData(new[] { "explore", "--resume", "/" }, "failover-model: --resume: /: not a checkpoint (no checkpoint.json)\n")]
    [InlineData(new[] { "explore", "--resume", "/no/such/folder" }, "failover-model: --resume: /no/such/folder: no such folder\n")]
    public void AMemoryBelowWhatTheRunNeedsOrABadCheckpointOptionIsBadInputBeforeAnyWork(string[] args, string expected)
    {
        var stderr = new StringWriter();
        Assert.Equal(Cli.Cli.BadInput, Cli.Cli.Invoke(args, new StringWriter(), stderr));
        Assert.StartsWith(expected, stderr.ToString().Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void RequireCompleteMakesABoundedRunFail()
    {
        Assert.Equal(Cli.Cli.CheckFailed, Explore(ExplorerTests.OneGroup, 100, requireComplete: true).Exit);
    }

    [Fact]
    public void ACompleteRunOfTheOneGroupPairPassesWithRequireComplete()
    {
        var (exit, output, _) = Explore(ExplorerTests.OneGroup, int.MaxValue, requireComplete: true);

        Assert.Equal(Cli.Cli.Success, exit);
        Assert.Matches(@"│ exploration complete +│ yes ", output);
        Assert.Matches(@"│ trap states +│ 0 ", output);
    }

    /// <summary>Left out, --max-states is no bound (the built-in proof must not be cut short); given, it is in its documented range.</summary>
    [Fact]
    public void MaxStatesIsNoBoundByDefaultAndAGivenBoundIsInItsRange()
    {
        var help = new StringWriter();
        Assert.Equal(Cli.Cli.Success, Cli.Cli.Invoke(["explore", "--help"], help, new StringWriter()));
        Assert.Contains("[default: no bound]", help.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 to 2,000,000,000", help.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 to 15,000,000", help.ToString(), StringComparison.Ordinal);

        var stderr = new StringWriter();
        Assert.Equal(Cli.Cli.BadInput, Cli.Cli.Invoke(["explore", "--max-states", "2000000001"], new StringWriter(), stderr));
        Assert.Equal("failover-model: --max-states must be from 1 to 2,000,000,000, not 2,000,000,001\n", stderr.ToString().Replace("\r", "", StringComparison.Ordinal));
        stderr = new StringWriter();
        Assert.Equal(Cli.Cli.BadInput, Cli.Cli.Invoke(["explore", "--exact", "--max-states", "15000001"], new StringWriter(), stderr));
        Assert.Equal("failover-model: --max-states must be from 1 to 15,000,000, not 15,000,001\n", stderr.ToString().Replace("\r", "", StringComparison.Ordinal));
        Assert.Throws<CliUsageException>(() => Explore(ExplorerTests.OneGroup, 0));
        Assert.Matches(@"│ bound +│ none ", Explore(ExplorerTests.OneGroup, ExploreCommand.NoBound).Out);
    }

    [Fact]
    public void AnInterruptedRunSaysSoAndExits130()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var (exit, output, _) = Explore(ExplorerTests.OneGroup, int.MaxValue, cancellation: interrupt.Token);

        Assert.Equal(Cli.Cli.Interrupted, exit);
        Assert.Contains("no (interrupted)", output, StringComparison.Ordinal);
        Assert.Contains("interrupted: no invariant violated in what was covered", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInterruptedCheckPrintsItsPartialSummaryAndExits130()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var stdout = new StringWriter();
        var io = new CliIo(stdout, new StringWriter(), TextReader.Null) { Cancellation = interrupt.Token };

        var exit = CheckCommand.Run(io, null, 1_000, 10, 1, false);

        Assert.Equal(Cli.Cli.Interrupted, exit);
        Assert.StartsWith("interrupted after 0 of 1,000 runs of 10 events (seed 1): no invariant violated\n", stdout.ToString(), StringComparison.Ordinal);
    }
}
