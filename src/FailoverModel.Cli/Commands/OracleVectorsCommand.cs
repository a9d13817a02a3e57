using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model oracle vectors</c>: test vectors covering every transition of the settled graph (docs/oracle.md,
/// "Vectors"); <c>check</c> and <c>serve</c> live in <see cref="OracleCommand"/>.
/// </summary>
public static class OracleVectorsCommand
{
    /// <summary>The event kinds <c>--events</c> can name, each with the events of the alphabet it selects.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Event, bool>> EventKinds = new Dictionary<string, Func<Event, bool>>(StringComparer.Ordinal)
    {
        ["power-on"] = e => e is PowerOn,
        ["power-off"] = e => e is PowerOff,
        ["crash"] = e => e is Crash,
        ["hardware-fail"] = e => e is HardwareFail,
        ["replace"] = e => e is Replace,
        ["interface"] = e => e is InterfaceChange,
        ["link-failover"] = e => e is LinkChange { Link: Machines.LinkKind.Failover },
        ["link-state"] = e => e is LinkChange { Link: Machines.LinkKind.State },
        ["failover"] = e => e is CommandEvent { Command: EnableFailover },
        ["no-failover"] = e => e is CommandEvent { Command: DisableFailover },
        ["failover-active"] = e => e is CommandEvent { Command: FailoverActive },
        ["no-failover-active"] = e => e is CommandEvent { Command: NoFailoverActive },
        ["failover-reset"] = e => e is CommandEvent { Command: FailoverReset },
        ["write-memory"] = e => e is CommandEvent { Command: WriteMemory },
        ["write-standby"] = e => e is CommandEvent { Command: WriteStandby },
    };

    /// <summary>The alphabet of the built-in or given configuration, restricted to the kinds named (all when none).</summary>
    public static IReadOnlyList<Event> Alphabet(PairConfig config, string? kinds)
    {
        var all = EventAlphabet.For(config);
        if (string.IsNullOrWhiteSpace(kinds))
        {
            return all;
        }

        var selected = new List<Func<Event, bool>>();
        var named = kinds.Split(',', StringSplitOptions.TrimEntries);
        if (named.Any(k => k.Length == 0))
        {
            throw new CliUsageException($"--events: an empty event kind in '{kinds}' (a comma-separated list of: {string.Join(", ", EventKinds.Keys)})");
        }

        foreach (var kind in named)
        {
            selected.Add(EventKinds.TryGetValue(kind, out var select)
                ? select
                : throw new CliUsageException($"--events: unknown event kind '{kind}' (known: {string.Join(", ", EventKinds.Keys)})"));
        }

        return [.. all.Where(e => selected.Any(s => s(e)))];
    }

    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var output = new Option<FileInfo?>("--out") { Description = "write the vectors to this file (gzip when it ends in .gz); default: stdout" };
        var format = new Option<string>("--format") { Description = "jsonl (one step a line, a valid trace) or itf (one ITF trace a line)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "itf");
        var events = new Option<string?>("--events") { Description = $"only these event kinds, comma-separated ({string.Join(", ", EventKinds.Keys)})" };
        var command = new Command("vectors", "Test vectors: event sequences from power-off with the expected state after every step, covering every transition of the settled graph.")
        {
            config, output, format, events,
        };
        command.SetAction(parse => RunVectors(io, parse.GetValue(config), parse.GetValue(output), parse.GetValue(format)!, parse.GetValue(events)));
        return command;
    }

    public static int RunVectors(CliIo io, FileInfo? configFile, FileInfo? output, string format, string? kinds)
    {
        var config = CommonOptions.Load(configFile, io.Limits);
        var pair = new FailoverPair(config);
        var alphabet = Alphabet(config, kinds);
        if (alphabet.Count == 0)
        {
            throw new CliUsageException($"--events: the configuration has no event of the kinds '{kinds}'");
        }

        // The output path is checked (and its temporary file made) before the work, not after minutes of it.
        using var outFile = output is null ? null : Io.OutputFile.Create(output.FullName, "--out");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var coverage = CommandProgress.Run(io, "oracle vectors", progress =>
        {
            progress.Phase("settled graph", "states");
            var graph = SettledGraph.Explore(pair, alphabet, progress: (done, found) => progress.Set(done, found), cancellation: io.Cancellation);
            io.Cancellation.ThrowIfCancellationRequested();
            progress.Phase("transition tour", "transitions", graph.EdgeCount);
            try
            {
                return WriteTo(graph, progress);
            }
            catch (OperationCanceledException)
            {
                // The partial summary: what was covered before Ctrl-C; the output is not complete and is not kept.
                io.Error.WriteLine($"oracle vectors: interrupted: {progress.Line()}");
                throw;
            }
        });

        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oracle vectors: {coverage.Covered:N0} of {coverage.Transitions:N0} transitions covered ({coverage.Percent:0.##}%) between {coverage.States:N0} settled states, in {coverage.Cases:N0} test cases of {coverage.Steps:N0} steps in all ({(double)coverage.Steps / Math.Max(1, coverage.Transitions):0.00} steps per transition), {clock.Elapsed.TotalSeconds:0.0} s"));
        return Cli.Success;

        VectorCoverage WriteTo(SettledGraph graph, CommandProgress progress)
        {
            if (outFile is null)
            {
                using var stdout = new TextWriterStream(io.Out);
                var written = Write(stdout, graph, progress);
                stdout.Flush();
                return written;
            }

            // Written whole or not at all: the temporary file beside the target is renamed over it only when complete
            // (Ctrl-C and errors leave the target as it was).
            VectorCoverage coverage;
            using (var stream = new BackgroundWriteStream(output!.Name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(outFile.Stream, CompressionLevel.Optimal) : outFile.Stream))
            {
                coverage = Write(stream, graph, progress);
            }

            outFile.Commit();
            return coverage;
        }

        VectorCoverage Write(Stream stream, SettledGraph graph, CommandProgress progress)
        {
            IVectorSink sink = format == "itf"
                ? new ItfVectorSink(stream, config, configFile?.Name ?? "built-in seed LAN-based example")
                : new JsonLinesVectorSink(stream, config);
            try
            {
                return VectorGenerator.Generate(graph, sink, (covered, _) => progress.Set(covered), io.Cancellation);
            }
            catch (UnbalancedAlphabetException e)
            {
                throw new CliUsageException($"--events {kinds}: {e.Message}");
            }
        }
    }
}
