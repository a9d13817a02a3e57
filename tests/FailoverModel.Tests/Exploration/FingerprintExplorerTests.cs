using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Exploration.Store;
using FailoverModel.Pair;
using FailoverModel.Tests.Invariants;

namespace FailoverModel.Tests.Exploration;

/// <summary>
/// The fingerprint store gives what the exact store gives — states, transitions, depth, witnesses with their paths,
/// counterexamples — and a run killed at any point and resumed from its last checkpoint ends as the uninterrupted run.
/// </summary>
public sealed class FingerprintExplorerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fingerprint-explorer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Summary(ExplorationResult r) =>
        $"{r.States} {r.Transitions} {r.Depth} {r.InvariantChecks} {r.Complete} {r.Violation?.Invariant.Name} {string.Join(";", r.Violation?.Path ?? [])}\n"
        + string.Join("\n", r.Witnesses.Select(w => $"{w.What}: {string.Join(";", w.Path)}"));

    [Fact]
    public void TheOneGroupPairExploresToTheSameGraphAndWitnessesAsTheExactStore()
    {
        var exact = new CompiledExplorer(new FailoverPair(ExplorerTests.OneGroupWithPreempt)).Explore();
        var run = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroupWithPreempt)).Explore(new FingerprintRunOptions());

        Assert.True(run.Exploration.Complete);
        Assert.Equal(Summary(exact), Summary(run.Exploration));
        Assert.Equal(exact.States, run.Store.States);
        Assert.Equal(exact.States * ParentRecord.Size, run.Store.ParentLogBytes);
        Assert.InRange(run.Store.ObservedCollision, 1e-12, 1e-3);
    }

    [Theory]
    [MemberData(nameof(CompiledExplorerTests.Variants), MemberType = typeof(CompiledExplorerTests))]
    public void ABrokenVariantYieldsTheSameCounterexampleAsTheExactStore(string variant)
    {
        var exact = new CompiledExplorer(BrokenVariants.All[variant](BrokenVariants.Config)).Explore();
        var run = new FingerprintExplorer(BrokenVariants.All[variant](BrokenVariants.Config)).Explore(new FingerprintRunOptions());

        Assert.NotNull(exact.Violation);
        Assert.Equal(exact.Violation!.Evidence, run.Exploration.Violation?.Evidence);
        Assert.Equal(Summary(exact), Summary(run.Exploration));
    }

    [Fact]
    public void ABoundedRunStopsAtTheBoundAsTheExactStoreDoes()
    {
        var exact = new CompiledExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(maxStates: 5_000);
        var run = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(new FingerprintRunOptions { MaxStates = 5_000 });

        Assert.False(run.Exploration.Complete);
        Assert.Equal(Summary(exact), Summary(run.Exploration));
    }

    /// <summary>
    /// The run's folder is copied as it is on the disk at several moments (what a kill or a power loss leaves: files
    /// longer than the last checkpoint names, buffers never written); each copy resumes to the uninterrupted result.
    /// </summary>
    [Fact]
    public void ARunKilledAtAnyPointAndResumedEndsAsTheUninterruptedRun()
    {
        var pair = ExplorerTests.OneGroup;
        var whole = new FingerprintExplorer(new FailoverPair(pair)).Explore(new FingerprintRunOptions());
        var directory = Path.Combine(_root, "run");
        var copies = new List<string>();
        var reports = 0;
        new FingerprintExplorer(new FailoverPair(pair)).Explore(
            new FingerprintRunOptions { Directory = directory, CheckpointEvery = TimeSpan.Zero },
            progress: _ =>
            {
                if (++reports % 5 == 2 && File.Exists(Path.Combine(directory, ExplorationCheckpoint.FileName)))
                {
                    var copy = Path.Combine(_root, $"killed-{reports}");
                    CopyFolder(directory, copy);
                    copies.Add(copy);
                }
            });

        Assert.True(copies.Count >= 3, $"only {copies.Count} moments to resume from");
        foreach (var copy in copies)
        {
            var resumed = new FingerprintExplorer(new FailoverPair(pair)).Explore(new FingerprintRunOptions { Directory = copy, Resume = true, CheckpointEvery = TimeSpan.Zero });
            Assert.True(resumed.Resumed);
            Assert.Equal(Summary(whole.Exploration), Summary(resumed.Exploration));
        }
    }

    /// <summary>The command itself, killed with SIGKILL at several points of a run (after its second, fourth and sixth checkpoints), resumes each time to the uninterrupted run's table.</summary>
    [Fact]
    public void TheCommandKilledAtSeveralPointsResumesToTheUninterruptedRunsFigures()
    {
        var config = RepositoryFiles.Path("tests", "configs", "one-group", "pix1.cfg");
        string Figures(string output) => string.Join("\n", output.Split('\n').Where(l =>
            l.Contains("states (canonical)", StringComparison.Ordinal) || l.Contains("│ transitions", StringComparison.Ordinal) || l.Contains("│ depth", StringComparison.Ordinal)
            || l.Contains("witnesses reached", StringComparison.Ordinal) || l.Contains("settled states", StringComparison.Ordinal) || l.Contains("trap states", StringComparison.Ordinal)));
        var whole = new StringWriter();
        Assert.Equal(Cli.Cli.Success, Cli.Cli.Invoke(["explore", "--config", config], whole, new StringWriter()));

        var command = Path.Combine(AppContext.BaseDirectory, "failover-model.dll");
        foreach (var checkpoints in new[] { 2, 4, 6 })
        {
            var directory = Path.Combine(_root, $"killed-after-{checkpoints}");
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [command, "explore", "--config", config, "--checkpoint", directory, "--checkpoint-every", "0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var process = System.Diagnostics.Process.Start(start)!)
            {
                var written = 0;
                var last = DateTime.MinValue;
                var checkpoint = Path.Combine(directory, ExplorationCheckpoint.FileName);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (written < checkpoints && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
                {
                    if (File.Exists(checkpoint) && File.GetLastWriteTimeUtc(checkpoint) is var at && at != last)
                    {
                        last = at;
                        written++;
                    }

                    Thread.Sleep(1);
                }

                Assert.False(process.HasExited, "the run ended before it could be killed");
                process.Kill();
                process.WaitForExit();
            }

            var resumed = new StringWriter();
            Assert.Equal(Cli.Cli.Success, Cli.Cli.Invoke(["explore", "--config", config, "--resume", directory], resumed, new StringWriter()));
            Assert.Contains("resumed", resumed.ToString(), StringComparison.Ordinal);
            Assert.Equal(Figures(whole.ToString()), Figures(resumed.ToString()));
        }
    }

    [Fact]
    public void ACheckpointOfAnotherConfigurationOrBoundOrACorruptedOneIsRefusedNamingWhatIsWrong()
    {
        var directory = Path.Combine(_root, "run");
        using (var cancel = new CancellationTokenSource())
        {
            new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(
                new FingerprintRunOptions { Directory = directory, CheckpointEvery = TimeSpan.Zero },
                progress: p =>
                {
                    if (p.Level >= 8)
                    {
                        cancel.Cancel();
                    }
                },
                cancellation: cancel.Token);
        }

        CheckpointException Resume(string dir, FailoverModel.Topology.PairConfig config, long bound = long.MaxValue) =>
            Assert.Throws<CheckpointException>(() => new FingerprintExplorer(new FailoverPair(config)).Explore(new FingerprintRunOptions { Directory = dir, Resume = true, MaxStates = bound }));

        Assert.Contains("another configuration", Resume(directory, ExplorerTests.OneGroupWithPreempt).Message);
        Assert.Contains("another bound", Resume(directory, ExplorerTests.OneGroup, 1_000).Message);
        Assert.Contains("not a checkpoint", Resume(_root, ExplorerTests.OneGroup).Message);

        var truncated = Path.Combine(_root, "truncated");
        CopyFolder(directory, truncated);
        var log = Path.Combine(truncated, ParentLog.FileName(3));
        using (var file = new FileStream(log, FileMode.Open))
        {
            file.SetLength(file.Length - ParentRecord.Size);
        }

        Assert.Contains($"{ParentLog.FileName(3)} is truncated", Resume(truncated, ExplorerTests.OneGroup).Message);

        var corrupted = Path.Combine(_root, "corrupted");
        CopyFolder(directory, corrupted);
        var bytes = File.ReadAllBytes(Path.Combine(corrupted, ParentLog.FileName(2)));
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(Path.Combine(corrupted, ParentLog.FileName(2)), bytes);
        Assert.Contains($"{ParentLog.FileName(2)} is corrupted", Resume(corrupted, ExplorerTests.OneGroup).Message);

        // The original, untouched, still resumes to the end.
        var resumed = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(new FingerprintRunOptions { Directory = directory, Resume = true });
        Assert.True(resumed.Exploration.Complete);
    }

    [Fact]
    public void TheTableFullWithinItsBudgetStopsTheRunAndALargerBudgetResumesIt()
    {
        var directory = Path.Combine(_root, "run");
        var budget = FingerprintTable.BytesFor(15);
        var stopped = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(new FingerprintRunOptions { Directory = directory, MemoryBytes = budget, CheckpointEvery = TimeSpan.Zero });

        Assert.NotNull(stopped.TableFull);
        Assert.False(stopped.Exploration.Complete);
        Assert.InRange(stopped.Store.TableBytes, 0, budget);

        var resumed = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(new FingerprintRunOptions { Directory = directory, Resume = true });
        var whole = new CompiledExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore();
        Assert.Equal(Summary(whole), Summary(resumed.Exploration));
    }

    /// <summary>
    /// A disk that fills up (a 1 MiB tmpfs, where the machine lets the tests mount one: as root on Linux) stops the run
    /// with exit 1 and a message naming the folder; a copy of the folder on a larger disk resumes to the whole result.
    /// </summary>
    [Fact]
    public void ADiskThatFillsUpStopsTheRunAndLeavesTheLastCheckpointUsable()
    {
        var small = Path.Combine(_root, "small");
        Directory.CreateDirectory(small);
        if (!SmallDisk.TryMount(small))
        {
            return;
        }

        try
        {
            var config = RepositoryFiles.Path("tests", "configs", "one-group", "pix1.cfg");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Cli.Cli.Invoke(["explore", "--config", config, "--checkpoint", Path.Combine(small, "run"), "--checkpoint-every", "0"], stdout, stderr);

            Assert.Equal(Cli.Cli.CheckFailed, exit);
            Assert.Matches($"^explore: writing the run's files in {System.Text.RegularExpressions.Regex.Escape(Path.Combine(small, "run"))} failed \\(No space left on device.*\\); its last checkpoint resumes the run", stderr.ToString().Split('\n').Last(l => l.Length > 0));
            CopyFolder(Path.Combine(small, "run"), Path.Combine(_root, "copy"));
        }
        finally
        {
            Assert.True(SmallDisk.Unmount(small));
        }

        var resumed = new FingerprintExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore(new FingerprintRunOptions { Directory = Path.Combine(_root, "copy"), Resume = true });
        var whole = new CompiledExplorer(new FailoverPair(ExplorerTests.OneGroup)).Explore();
        Assert.Equal(Summary(whole), Summary(resumed.Exploration));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
