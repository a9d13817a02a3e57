using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Oracle.Timed;
using FailoverModel.Oracle.Vectors;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model oracle vectors</c>: test vectors covering every transition of the settled graph (docs/oracle.md,
/// "Vectors"); <c>check</c> and <c>serve</c> live in <see cref="OracleCommand"/>.
/// </summary>
public static class OracleVectorsCommand
{
    /// <summary>The alphabet of the built-in or given configuration, restricted to the kinds named (the failover events when none).</summary>
    public static IReadOnlyList<Event> Alphabet(PairConfig config, string? kinds)
    {
        if (string.IsNullOrWhiteSpace(kinds))
        {
            return VectorAlphabet.Select(config, null);
        }

        var named = kinds.Split(',', StringSplitOptions.TrimEntries);
        if (named.Any(k => k.Length == 0))
        {
            throw new CliUsageException($"--events: an empty event kind in '{kinds}' (a comma-separated list of: {string.Join(", ", VectorAlphabet.Kinds.Keys)})");
        }

        try
        {
            return VectorAlphabet.Select(config, named);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--events: {e.Message}");
        }
    }

    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var output = new Option<FileInfo?>("--out") { Description = "write the whole tour to this file (gzip when it ends in .gz); default: stdout" };
        var suites = new Option<DirectoryInfo?>("--suites") { Description = "write the suites by feature to this folder, smallest first, with manifest.json and manifest.md, instead of the whole tour" };
        var format = new Option<string>("--format") { Description = "jsonl (one step a line, a valid trace) or itf (one ITF trace a line)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "itf");
        var events = new Option<string?>("--events") { Description = $"only these event kinds, comma-separated ({string.Join(", ", VectorAlphabet.Kinds.Keys)}); default: all but {string.Join(", ", VectorAlphabet.ConfigurationKinds)}" };
        var only = new Option<string?>("--only") { Description = "with --suites: only these suites, comma-separated (their names in manifest.md)" };
        var shard = new Option<string?>("--shard") { Description = "write only shard i of n (i/n): every n-th test case from the i-th; the n shards together are the whole" };
        var planOnly = new Option<bool>("--plan-only") { Description = "plan the tour and print what it costs (test cases, steps, steps per transition, the balancing flow's size) without running or writing a step" };
        var maxSteps = new Option<int>("--max-steps") { Description = "cut test cases longer than this many steps (the next case reaches the cut from power-off)", DefaultValueFactory = _ => VectorOptions.DefaultMaxCaseSteps };
        var memory = new Option<string?>("--memory")
        {
            Description = $"the memory the settled graph may hold, e.g. 12g or 800m (k, m, g, t: binary units), at least {GraphMemoryRange.Min >> 20}m; a graph that outgrows it stops the command with exit 2 [default: half the machine's memory, here {DefaultGraphMemory >> 20:N0}m]",
            HelpName = "size",
        };
        var command = new Command("vectors", "Test vectors: event sequences from power-off with the expected state after every step, covering every transition of the settled graph.")
        {
            config, output, suites, only, format, events, shard, maxSteps, planOnly, memory,
        };
        command.SetAction(parse => RunVectors(
            io,
            parse.GetValue(config),
            parse.GetValue(output),
            parse.GetValue(format)!,
            parse.GetValue(events),
            parse.GetValue(suites),
            Options(parse.GetValue(shard), parse.GetValue(maxSteps)),
            parse.GetValue(only),
            parse.GetValue(planOnly),
            GraphMemory(parse.GetValue(memory))));
        return command;
    }

    /// <summary><c>--memory</c>'s range: a small graph, up to the memory the process may use.</summary>
    public static (long Min, long Max) GraphMemoryRange => (16L << 20, Math.Max(16L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));

    /// <summary>
    /// <c>--memory</c> when not given: half the memory the process may use (the machine's, a container's, or the GC's
    /// heap limit), as for <c>explore</c>; the rest is for planning the tour and the runtime.
    /// </summary>
    public static long DefaultGraphMemory => Math.Max(GraphMemoryRange.Min, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Reads <c>--memory</c>, checked against its range before any work.</summary>
    public static long GraphMemory(string? text)
    {
        var bytes = text is null ? DefaultGraphMemory : StoreOptions.ParseSize(text);
        Io.OptionRange.Check("--memory", bytes, GraphMemoryRange);
        return bytes;
    }

    /// <summary>Reads <c>--shard i/n</c> and <c>--max-steps</c>.</summary>
    public static VectorOptions Options(string? shard, int maxSteps)
    {
        Io.OptionRange.Check("--max-steps", maxSteps, Io.OptionRange.MaxCaseSteps);
        if (shard is null)
        {
            return new VectorOptions(maxSteps);
        }

        var parts = shard.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new CliUsageException($"--shard: '{shard}' is not i/n (shard i of n, e.g. 2/4)");
        }

        if (n < 1 || n > Io.OptionRange.Shards.Max || i < 1 || i > n)
        {
            throw new CliUsageException($"--shard: '{shard}': n must be from 1 to {Io.OptionRange.Shards.Max:N0} and i from 1 to n");
        }

        return new VectorOptions(maxSteps, i, n);
    }

    public static int RunVectors(CliIo io, FileInfo? configFile, FileInfo? output, string format, string? kinds, DirectoryInfo? suites = null, VectorOptions? options = null, string? only = null, bool planOnly = false, long? graphMemory = null)
    {
        // It stops by itself when interrupted (Interruption): a signal cancels it rather than ending the process.
        using var watched = Interruption.Watch();
        options ??= VectorOptions.Whole;
        var outPath = output is null ? null : Io.OutputFile.FullPath(output, "--out", "leave --out out to write the tour to standard output");
        if (suites is not null)
        {
            Io.OutputFile.FullPath(suites, "--suites");
        }

        var budget = graphMemory ?? DefaultGraphMemory;
        var config = CommonOptions.Load(configFile, io.Limits);
        var pair = new FailoverPair(config);
        var source = configFile?.Name ?? "built-in seed LAN-based example";
        if (planOnly && (suites is not null || output is not null || options.Shards != 1))
        {
            throw new CliUsageException($"--plan-only writes nothing: it takes no {(suites is not null ? "--suites" : output is not null ? "--out" : "--shard")}");
        }

        if (suites is not null)
        {
            if (output is not null || kinds is not null)
            {
                throw new CliUsageException($"--suites writes the suites by feature, each with its own events: it takes neither {(output is not null ? "--out" : "--events")} nor the other");
            }

            return RunSuites(io, config, pair, source, format, suites, options, only, budget);
        }

        if (only is not null)
        {
            throw new CliUsageException("--only names suites: it needs --suites");
        }

        var alphabet = Alphabet(config, kinds);
        if (alphabet.Count == 0)
        {
            throw new CliUsageException($"--events: the configuration has no event of the kinds '{kinds}'");
        }

        if (planOnly)
        {
            return RunPlanOnly(io, pair, alphabet, options, budget);
        }

        // The output path is checked (and its temporary file made) before the work, not after minutes of it.
        using var outFile = outPath is null ? null : Io.OutputFile.Create(outPath, "--out");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var coverage = CommandProgress.Run(io, "oracle vectors", progress =>
        {
            var graph = Explore(io, pair, alphabet, progress, budget);
            return WriteInterruptible(io, progress, () => outFile is null
                ? WriteToStdout(io, graph, config, source, format, progress, options)
                : WriteToFile(io, outFile, graph, config, source, format, progress, options));
        });

        io.Error.WriteLine($"oracle vectors: {Summary(coverage, options, clock.Elapsed)}");
        return Cli.Success;
    }

    /// <summary>
    /// <c>--plan-only</c>: the settled graph and the tour's plan, cut into cases as the vectors would be, and what it
    /// costs, with the time each phase took (docs/oracle.md, "The full tour").
    /// </summary>
    private static int RunPlanOnly(CliIo io, FailoverPair pair, IReadOnlyList<Event> alphabet, VectorOptions options, long budget)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan explored = default;
        var (coverage, plan) = CommandProgress.Run(io, "oracle vectors", progress =>
        {
            var graph = Explore(io, pair, alphabet, progress, budget);
            explored = clock.Elapsed;
            return VectorGenerator.Plan(graph, options, io.Cancellation, new PlanningProgress(progress).Report);
        });

        var c = coverage;
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oracle vectors: plan: {c.Transitions:N0} transitions ({c.SelfLoops:N0} self-loops) between {c.States:N0} settled states; a tour of {c.TourCases:N0} test cases and {c.TourSteps:N0} steps, {c.StepsPerTransition:0.00} steps per transition (lower bound {c.LowerBoundPerTransition:0.00}: {plan.Repeated:N0} transitions repeated, {plan.Resets:N0} restarts, {(plan.Optimal ? $"balanced by a minimum-cost flow of {plan.FlowArcs:N0} arcs" : $"balanced from the nearest sources: the flow would have {plan.FlowArcs:N0} arcs, more than {Oracle.Tours.TourPlanner.MaxFlowArcs:N0}")}); explored in {explored.TotalSeconds:0.0} s, planned in {(clock.Elapsed - explored).TotalSeconds:0.0} s"));
        return Cli.Success;
    }

    /// <summary>The suites by feature (docs/oracle.md, "Suites"), one file each, smallest first, and their manifest.</summary>
    private static int RunSuites(CliIo io, PairConfig config, FailoverPair pair, string source, string format, DirectoryInfo folder, VectorOptions options, string? only, long budget)
    {
        var suites = VectorSuites.For(config);
        var timed = TimedSuites.For(config);
        var names = suites.Select(s => s.Name).Concat(timed.Select(s => s.Name)).ToList();
        var named = only?.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (named?.FirstOrDefault(n => !names.Contains(n)) is { } unknown)
        {
            throw new CliUsageException($"--only: unknown suite '{unknown}' (suites: {string.Join(", ", names)})");
        }

        // Every file the suites make is known now: each is checked before the first suite is explored, so that a name
        // that cannot be written is found before minutes of work rather than after half of the suites are written.
        var files = suites.Select((s, i) => (s.Name, File: SuiteFile(i + 1, s.Name, format)))
            .Concat(timed.Select((s, i) => (s.Name, File: SuiteFile(suites.Count + i + 1, s.Name, format))))
            .Where(s => named is null || named.Contains(s.Name))
            .Select(s => s.File)
            .Append(VectorManifest.JsonFile)
            .Append(VectorManifest.TableFile);
        Io.OutputFolder.CheckNames(folder, files, "--suites");
        Io.OutputFolder.Prepare(folder, "--suites");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entries = new List<SuiteEntry>();
        foreach (var (suite, i) in suites.Select((s, i) => (s, i + 1)))
        {
            if (named is not null && !named.Contains(suite.Name))
            {
                continue;
            }

            var file = SuiteFile(i, suite.Name, format);
            using var outFile = Io.OutputFile.Create(Path.Combine(folder.FullName, file), "--suites");
            var coverage = CommandProgress.Run(io, $"oracle vectors: suite {i} of {names.Count}, {suite.Name}", progress =>
            {
                var graph = Explore(io, pair, suite.Alphabet, progress, budget);
                return WriteInterruptible(io, progress, () => WriteToFile(io, outFile, graph, config, source, format, progress, options));
            });
            entries.Add(new SuiteEntry(i, suite, coverage, file));
            io.Error.WriteLine($"oracle vectors: suite {i}, {suite.Name}: {Summary(coverage, options, null)}");
        }

        var timedEntries = new List<TimedSuiteEntry>();
        foreach (var (suite, i) in timed.Select((s, i) => (s, suites.Count + i + 1)))
        {
            if (named is not null && !named.Contains(suite.Name))
            {
                continue;
            }

            var file = SuiteFile(i, suite.Name, format);
            using var outFile = Io.OutputFile.Create(Path.Combine(folder.FullName, file), "--suites");
            TimedCoverage coverage;
            using (var stream = new GZipStream(outFile.Stream, CompressionLevel.Optimal))
            {
                coverage = format == "itf"
                    ? TimedVectors.Write(config, suite, null, new ItfVectorSink(stream, config, source) { Timed = true }, options, io.Cancellation)
                    : TimedVectors.Write(config, suite, new JsonLinesVectorSink(stream, config), null, options, io.Cancellation);
            }

            outFile.Commit();
            timedEntries.Add(new TimedSuiteEntry(i, suite, coverage, file));
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"oracle vectors: suite {i}, {suite.Name}: {coverage.Cases.Count:N0} timed cases ({suite.Faults.Count} faults at {suite.PhasesMs(config).Count} phases of the {(suite.Poll == TimedPoll.Unit ? "unit" : "interface")} poll) of {coverage.Steps:N0} steps, each within the window the oracle allows"));
        }

        Io.OutputFolder.WriteWhole(folder, VectorManifest.JsonFile, VectorManifest.Json(entries, timedEntries, source, config), "--suites");
        Io.OutputFolder.WriteWhole(folder, VectorManifest.TableFile, VectorManifest.Table(entries, timedEntries, source, config), "--suites");
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oracle vectors: {entries.Count + timedEntries.Count} suites, {entries.Sum(e => e.Coverage.Steps) + timedEntries.Sum(e => e.Coverage.Steps):N0} steps in all, in {folder.FullName} ({VectorManifest.TableFile} lists them), {clock.Elapsed.TotalSeconds:0.0} s"));
        return Cli.Success;
    }

    /// <summary>A suite's file in the folder: its order, its name, the format's extension.</summary>
    private static string SuiteFile(int order, string name, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{order:00}-{name}{(format == "itf" ? ".itf" : "")}.jsonl.gz");

    /// <summary>Shows the planner's phases (balancing, bounding) as phases of the command's progress, each once.</summary>
    private sealed class PlanningProgress(CommandProgress progress)
    {
        public string? Last { get; private set; }

        public void Report(string phase, string unit, long done, long total)
        {
            if (phase != Last)
            {
                Last = phase;
                progress.Phase(phase, unit, total);
            }

            progress.Set(done);
        }
    }

    /// <summary>
    /// The settled graph, held whole for the tour's planning, within <paramref name="budget"/> bytes: a graph that outgrows
    /// it (many contexts with the configure kind multiply the states by about three for each) stops with exit 2.
    /// </summary>
    private static SettledGraph Explore(CliIo io, FailoverPair pair, IReadOnlyList<Event> alphabet, CommandProgress progress, long budget)
    {
        progress.Phase("settled graph", "states");
        SettledGraph graph;
        try
        {
            graph = SettledGraph.Explore(pair, alphabet, int.MaxValue, null, (done, found) => progress.Set(done, found), io.Cancellation, selfLoops: true, graph: null, maxBytes: budget);
        }
        catch (SettledGraphTooLargeException e)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--memory: the settled graph outgrew {Mib(e.Budget)} with {e.States:N0} states ({e.StateBytes:N0} bytes each for {pair.Config.Spaces:N0} configuration spaces) and {e.Edges:N0} transitions found, and more to find; name fewer kinds with --events, use fewer contexts, or give more --memory (docs/input-limits.md)"));
        }

        io.Cancellation.ThrowIfCancellationRequested();
        progress.Phase("transition tour", "transitions", graph.EdgeCount);
        return graph;
    }

    private static VectorCoverage WriteInterruptible(CliIo io, CommandProgress progress, Func<VectorCoverage> write)
    {
        try
        {
            return write();
        }
        catch (OperationCanceledException)
        {
            // The partial summary: what was covered before Ctrl-C; the output is not complete and is not kept.
            io.Error.WriteLine($"oracle vectors: interrupted: {progress.Line()}");
            throw;
        }
    }

    private static VectorCoverage WriteToStdout(CliIo io, SettledGraph graph, PairConfig config, string source, string format, CommandProgress progress, VectorOptions options)
    {
        using var stdout = new TextWriterStream(io.Out);
        var written = Write(io, stdout, graph, config, source, format, progress, options);
        stdout.Flush();
        return written;
    }

    /// <summary>
    /// Written whole or not at all: the temporary file beside the target is renamed over it only when complete (Ctrl-C
    /// and errors leave the target as it was).
    /// </summary>
    private static VectorCoverage WriteToFile(CliIo io, Io.OutputFile outFile, SettledGraph graph, PairConfig config, string source, string format, CommandProgress progress, VectorOptions options)
    {
        VectorCoverage coverage;
        using (var stream = new BackgroundWriteStream(outFile.Path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(outFile.Stream, CompressionLevel.Optimal) : outFile.Stream))
        {
            coverage = Write(io, stream, graph, config, source, format, progress, options);
        }

        outFile.Commit();
        return coverage;
    }

    private static VectorCoverage Write(CliIo io, Stream stream, SettledGraph graph, PairConfig config, string source, string format, CommandProgress progress, VectorOptions options)
    {
        IVectorSink sink = format == "itf" ? new ItfVectorSink(stream, config, source) : new JsonLinesVectorSink(stream, config);
        var planning = new PlanningProgress(progress);
        var tourAgain = false;
        return VectorGenerator.Generate(
            graph,
            sink,
            (covered, total) =>
            {
                // Planning showed phases of its own: the tour's is started again once the first cases are written.
                if (planning.Last is not null && !tourAgain)
                {
                    tourAgain = true;
                    progress.Phase("transition tour", "transitions", total);
                }

                progress.Set(covered);
            },
            io.Cancellation,
            options,
            planning.Report);
    }

    private static string Summary(VectorCoverage c, VectorOptions options, TimeSpan? elapsed)
    {
        var shard = options.Shards == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"shard {options.Shard}/{options.Shards} of {c.TourCases:N0} test cases and {c.TourSteps:N0} steps: ");
        var time = elapsed is { } t ? string.Create(CultureInfo.InvariantCulture, $", {t.TotalSeconds:0.0} s") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{shard}{c.Covered:N0} of {c.Transitions:N0} transitions covered ({c.Percent:0.##}%) between {c.States:N0} settled states, in {c.Cases:N0} test cases of {c.Steps:N0} steps in all ({c.StepsPerTransition:0.00} steps per transition, lower bound {c.LowerBoundPerTransition:0.00}; {c.SelfLoops:N0} of the transitions are self-loops){time}");
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20:N0} MiB");
}
