using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model oracle vectors|check|serve</c>: the reference oracle for other implementations (docs/oracle.md):
/// test vectors covering every transition, trace checking, and a lock-step session on stdin/stdout.
/// </summary>
public static class OracleCommand
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

    public static Command Create(CliIo io)
    {
        var oracle = new Command("oracle", "The reference oracle for other implementations: test vectors, trace checking, lock-step (docs/oracle.md).");
        oracle.Add(Vectors(io));
        oracle.Add(Check(io));
        oracle.Add(Serve(io));
        return oracle;
    }

    /// <summary>The alphabet of the built-in or given configuration, restricted to the kinds named (all when none).</summary>
    public static IReadOnlyList<Event> Alphabet(PairConfig config, string? kinds)
    {
        var all = EventAlphabet.For(config);
        if (string.IsNullOrWhiteSpace(kinds))
        {
            return all;
        }

        var selected = new List<Func<Event, bool>>();
        foreach (var kind in kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            selected.Add(EventKinds.TryGetValue(kind, out var select)
                ? select
                : throw new CliUsageException($"--events: unknown event kind '{kind}' (known: {string.Join(", ", EventKinds.Keys)})"));
        }

        return [.. all.Where(e => selected.Any(s => s(e)))];
    }

    private static Command Vectors(CliIo io)
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
        var config = CommonOptions.Load(configFile);
        var pair = new FailoverPair(config);
        var alphabet = Alphabet(config, kinds);
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
            if (output is null)
            {
                using var stdout = new TextWriterStream(io.Out);
                var written = Write(stdout, graph, progress);
                stdout.Flush();
                return written;
            }

            var temporary = output.FullName + ".tmp";
            try
            {
                VectorCoverage written;
                using (var file = File.Create(temporary))
                using (var stream = new BackgroundWriteStream(output.Name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionLevel.Optimal) : file))
                {
                    written = Write(stream, graph, progress);
                }

                File.Move(temporary, output.FullName, overwrite: true);
                return written;
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }

        VectorCoverage Write(Stream stream, SettledGraph graph, CommandProgress progress)
        {
            IVectorSink sink = format == "itf"
                ? new ItfVectorSink(stream, config, configFile?.Name ?? "built-in seed LAN-based example")
                : new JsonLinesVectorSink(stream, config);
            return VectorGenerator.Generate(graph, sink, (covered, _) => progress.Set(covered), io.Cancellation);
        }
    }

    private static Command Check(CliIo io)
    {
        var config = CommonOptions.Config();
        var trace = new Argument<FileInfo>("trace") { Description = "the trace: JSON lines (gzip when it ends in .gz), each an event and what the implementation observed" };
        var command = new Command("check", "Replay another implementation's trace on the model and report the first divergence (exit 1), or conformance (exit 0).")
        {
            trace, config,
        };
        command.SetAction(parse => RunCheck(io, parse.GetRequiredValue(trace), parse.GetValue(config)));
        return command;
    }

    public static int RunCheck(CliIo io, FileInfo trace, FileInfo? configFile)
    {
        var config = CommonOptions.Load(configFile);
        var display = Path.GetRelativePath(Environment.CurrentDirectory, trace.FullName);
        if (!trace.Exists)
        {
            throw new InputException(display, 1, 1, "cannot read the trace: the file does not exist");
        }

        var checker = new TraceChecker(config);
        var verdict = CommandProgress.Run(io, "oracle check", progress =>
        {
            progress.Phase("trace lines", "lines");
            using var reader = Open(trace);
            try
            {
                return checker.Check(reader, display, (lines, _) => progress.Set(lines), io.Cancellation);
            }
            catch (OperationCanceledException)
            {
                io.Error.WriteLine($"oracle check: interrupted: no divergence up to here: {progress.Line()}");
                throw;
            }
        });

        if (verdict.Divergence is not { } d)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{display}: conforms: {verdict.Steps:N0} steps in {verdict.Cases:N0} test cases, {verdict.Compared:N0} states compared"));
            return Cli.Success;
        }

        var first = d.Fields[0];
        io.Out.WriteLine($"{display}:{d.Line}: diverges at step {d.Step} ({d.Event.Replace("\n", "; ", StringComparison.Ordinal)}): {first.Field}: the model has {first.Expected}, the trace {first.Observed}");
        foreach (var other in d.Fields.Skip(1))
        {
            io.Out.WriteLine($"  also {other.Field}: the model has {other.Expected}, the trace {other.Observed}");
        }

        io.Out.WriteLine();
        var header = new List<string> { $"Reproduces the divergence at {display}:{d.Line}: after the last event the model has {first.Field} = {first.Expected}" };
        var configLine = configFile is null ? "" : $"config {Path.GetRelativePath(Environment.CurrentDirectory, configFile.FullName)}\n";
        if (checker.ShortestPrefix(d) is { } shortest && checker.Reproduces(shortest, d))
        {
            io.Out.Write(configLine + $"# {header[0]}\n# The shortest way from power-off to the state before the divergence ({shortest.Count - 1} event{(shortest.Count == 2 ? "" : "s")}), then the diverging event.\n");
            foreach (var @event in shortest)
            {
                io.Out.WriteLine(@event.ToString());
            }
        }
        else
        {
            io.Out.Write(configLine + $"# {header[0]}\n# The trace's own events from line {d.CaseStartLine} to line {d.Line}.\n");
            using var reader = Open(trace);
            WritePrefix(io.Out, reader, d);
        }

        return Cli.CheckFailed;
    }

    private static void WritePrefix(TextWriter output, TextReader reader, TraceDivergence d)
    {
        var lineNo = 0;
        while (reader.ReadLine() is { } text && ++lineNo <= d.Line)
        {
            if (lineNo < d.CaseStartLine || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = System.Text.Json.JsonDocument.Parse(text);
            var root = doc.RootElement;
            var @event = root.GetProperty("event").GetString()!;
            if (@event.StartsWith('#'))
            {
                continue;
            }

            if (root.TryGetProperty("settle", out var settle) && settle.ValueKind == System.Text.Json.JsonValueKind.False)
            {
                output.WriteLine("step");
            }

            output.WriteLine(@event);
        }
    }

    private static TextReader Open(FileInfo trace)
    {
        try
        {
            Stream stream = trace.OpenRead();
            if (trace.Name.EndsWith(".gz", StringComparison.Ordinal))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            return new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(trace.Name, 1, 1, $"cannot read the trace: {e.Message}");
        }
    }

    private static Command Serve(CliIo io)
    {
        var config = CommonOptions.Config();
        var command = new Command("serve", "Lock-step: read events (JSON lines) on stdin, answer each with the model's state and, for an observed state, a verdict.")
        {
            config,
        };
        command.SetAction(parse => RunServe(io, parse.GetValue(config)));
        return command;
    }

    public static int RunServe(CliIo io, FileInfo? configFile)
    {
        var session = new LockStep(CommonOptions.Load(configFile));
        var line = 0;
        while (io.In.ReadLine() is { } request)
        {
            line++;
            if (string.IsNullOrWhiteSpace(request))
            {
                continue;
            }

            io.Out.WriteLine(session.Answer(request, line));
            io.Out.Flush();
        }

        return Cli.Success;
    }
}
