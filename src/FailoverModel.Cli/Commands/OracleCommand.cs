using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FailoverModel.Cli.Terminal;
using FailoverModel.Exploration;
using FailoverModel.Input;
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
    public static Command Create(CliIo io)
    {
        var oracle = new Command("oracle", "The reference oracle for other implementations: test vectors, trace checking, lock-step (docs/oracle.md).");
        oracle.Add(OracleVectorsCommand.Create(io));
        oracle.Add(Check(io));
        oracle.Add(Serve(io));
        return oracle;
    }

    /// <summary><c>--syslog-order model|any</c>: whether a message logged at another place in the step is a divergence.</summary>
    private static Option<string> SyslogOrderOption()
    {
        var option = new Option<string>("--syslog-order")
        {
            Description = "model: messages in the model's order, a moved one is reported (docs/oracle.md, \"Syslog order\"); any: order-insensitive, for implementations that log concurrently",
            DefaultValueFactory = _ => "model",
        };
        option.AcceptOnlyFromAmong("model", "any");
        return option;
    }

    private static SyslogOrder ParseSyslogOrder(string text) => text == "any" ? SyslogOrder.Any : SyslogOrder.Model;

    private static Command Check(CliIo io)
    {
        var config = CommonOptions.Config();
        var order = SyslogOrderOption();
        var trace = new Argument<string>("trace") { Description = "the trace: JSON lines (gzip when it ends in .gz), each an event and what the implementation observed; - for standard input" };
        var untimed = new Option<bool>("--untimed")
        {
            Description = "check a timed suite's trace (its manifest.json beside it says the suite is timed) without \"at\" on its lines; the summary says so",
        };
        var reproducerTime = new Option<int>("--reproducer-time")
        {
            Description = $"seconds the search for a short reproducer of a divergence may take ({Io.OptionRange.ReproducerSeconds.Min} to {Io.OptionRange.ReproducerSeconds.Max:N0}; default {ReproducerSearch.DefaultTime.TotalSeconds:N0}); past it no reproducer is printed, and a comment says so",
            DefaultValueFactory = _ => (int)ReproducerSearch.DefaultTime.TotalSeconds,
        };
        var command = new Command("check", "Replay another implementation's trace on the model and report the first divergence (exit 1), or conformance (exit 0).")
        {
            trace, config, order, untimed, reproducerTime,
        };
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(reproducerTime);
            Io.OptionRange.Check("--reproducer-time", seconds, Io.OptionRange.ReproducerSeconds);
            return RunCheck(io, parse.GetRequiredValue(trace), parse.GetValue(config), ParseSyslogOrder(parse.GetValue(order)!), parse.GetValue(untimed), TimeSpan.FromSeconds(seconds));
        });
        return command;
    }

    public static int RunCheck(CliIo io, string trace, FileInfo? configFile, SyslogOrder syslogOrder = SyslogOrder.Model, bool untimed = false, TimeSpan? reproducerTime = null)
    {
        var config = CommonOptions.Load(configFile, io.Limits);
        var stdin = trace == "-";

        // A trace file is read to its end or stops when interrupted (Interruption); standard input may block on a
        // read that no cancellation ends, so a signal then ends the process.
        using var watched = stdin ? null : Interruption.Watch();
        // The trace is named as the user named it: a path relative to a folder the scenario does not live in means nothing.
        var display = stdin ? "stdin" : trace;
        var timedSuite = stdin ? null : TimedSuiteOf(new FileInfo(trace));
        var checker = new TraceChecker(config, syslogOrder) { TimedSuite = untimed ? null : timedSuite };
        var verdict = CommandProgress.Run(io, "oracle check", progress =>
        {
            progress.Phase("trace lines", "lines");
            using var reader = stdin
                ? new LineReader(io.OpenIn(), display, io.Limits.MaxLineBytes)
                : Open(new FileInfo(trace), display, io.Limits);
            try
            {
                return checker.Check(reader, (lines, _) => progress.Set(lines), io.Cancellation);
            }
            catch (OperationCanceledException)
            {
                io.Error.WriteLine($"oracle check: interrupted: no divergence up to here: {progress.Line()}");
                throw;
            }
        });

        if (verdict.Divergence is not { } d)
        {
            var untimedNote = untimed ? timedSuite is { } suite ? $" (--untimed: the timed suite {suite} without its clock)" : " (--untimed)" : "";
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{display}: conforms: {verdict.Steps:N0} steps in {verdict.Cases:N0} test cases, {verdict.Compared:N0} states compared, {verdict.TimedSteps:N0} steps timed, {verdict.UntimedSteps:N0} not timed{untimedNote}"));
            foreach (var (form, lines) in verdict.OtherForms)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  device syslog in another documented form: {form}: {lines:N0} lines"));
            }

            return Cli.Success;
        }

        // What the trace observed is echoed: its control characters are shown as escapes, never sent to the terminal.
        io.Out.WriteLine(Printable.Escape($"{display}:{d.Line}: diverges at step {d.Step} ({d.Event.Replace("\n", "; ", StringComparison.Ordinal)}): {d.Fields[0].Message}"));
        foreach (var other in d.Fields.Skip(1))
        {
            io.Out.WriteLine(Printable.Escape($"  also {other.Message}"));
        }

        io.Out.WriteLine();

        // The reproducer is built from the case as it was read (kept while reading), never by reading the trace again,
        // so a stream is fine; it is replayed on the model before it is printed.
        var search = new ReproducerSearch(config, syslogOrder);
        Reproducer? reproducer;
        try
        {
            // The search stops when interrupted, also for a trace read from standard input.
            using var searching = Interruption.Watch();
            reproducer = search.Find(d, time: reproducerTime, cancel: io.Cancellation);
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("oracle check: interrupted while searching for a reproducer: the divergence above stands");
            throw;
        }
        catch (TimeoutException e)
        {
            io.Out.WriteLine($"# No reproducer: {e.Message} (--reproducer-time raises it).");
            return Cli.CheckFailed;
        }

        if (reproducer is null)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# No reproducer: the case starting at {display}:{d.CaseStartLine} is longer than the {TraceChecker.MaxCaseEvents:N0} events or {TraceChecker.MaxCaseEventChars:N0} characters of events the checker keeps."));
            return Cli.CheckFailed;
        }

        var first = d.Fields[0];
        io.Out.Write(reproducer.Text(
            configFile?.FullName,
            [Printable.Escape($"Reproduces the divergence at {display}:{d.Line}: after the last event, {first.Message}"), reproducer.Describe()]));
        return Cli.CheckFailed;
    }

    /// <summary>The most bytes of a <c>manifest.json</c> read to learn whether a trace is a timed suite; a larger file is not a vectors manifest.</summary>
    private const long MaxManifestBytes = 16 << 20;

    /// <summary>
    /// The timed suite a trace file is, when the <c>manifest.json</c> that <c>oracle vectors --suites</c> writes beside
    /// it lists the file with <c>"kind": "timed"</c>; null otherwise (no manifest, not one of its files, a tour, or a
    /// file that is not a vectors manifest).
    /// </summary>
    private static string? TimedSuiteOf(FileInfo trace)
    {
        var manifest = new FileInfo(Path.Combine(trace.DirectoryName ?? ".", "manifest.json"));
        if (!manifest.Exists || manifest.Length > MaxManifestBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest.FullName));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("suites", out var suites) || suites.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var suite in suites.EnumerateArray())
            {
                if (suite.ValueKind == JsonValueKind.Object
                    && suite.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String && file.GetString() == trace.Name
                    && suite.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "timed"
                    && suite.TryGetProperty("suite", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    return name.GetString();
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Not a manifest that can be read: the trace is checked as any trace, and the summary still says how many steps were timed.
        }

        return null;
    }

    /// <summary>The trace through the input layer: a regular file, gzip-verified when its name ends in .gz, in bounded lines.</summary>
    private static LineReader Open(FileInfo trace, string display, InputLimits limits)
    {
        var opened = RegularFile.Open(trace.FullName, "the trace", InputLocation.Of(display));
        Stream stream = trace.Name.EndsWith(".gz", StringComparison.Ordinal) ? new VerifiedGzipStream(opened.Stream) : opened.Stream;
        return new LineReader(stream, display, limits.MaxLineBytes);
    }

    private static Command Serve(CliIo io)
    {
        var config = CommonOptions.Config();
        var order = SyslogOrderOption();
        var command = new Command("serve", "Lock-step: read events (JSON lines) on stdin, answer each with the model's state and, for an observed state, a verdict.")
        {
            config, order,
        };
        command.SetAction(parse => RunServe(io, parse.GetValue(config), ParseSyslogOrder(parse.GetValue(order)!)));
        return command;
    }

    public static int RunServe(CliIo io, FileInfo? configFile, SyslogOrder syslogOrder = SyslogOrder.Model)
    {
        var session = new LockStep(CommonOptions.Load(configFile, io.Limits), syslogOrder);
        using var requests = new LineReader(io.OpenIn(), "request", io.Limits.MaxLineBytes);
        while (true)
        {
            string? request;
            try
            {
                request = requests.ReadLine();
            }
            catch (InputException e) when (e.File == "request")
            {
                // A line too long or not UTF-8 has been read to its end: answer it and go on.
                io.Out.WriteLine(LockStep.Error(requests.LineNumber, e.Message));
                io.Out.Flush();
                continue;
            }

            if (request is null)
            {
                return Cli.Success;
            }

            if (string.IsNullOrWhiteSpace(request))
            {
                continue;
            }

            io.Out.WriteLine(session.Answer(request, requests.LineNumber));
            io.Out.Flush();
        }
    }
}
