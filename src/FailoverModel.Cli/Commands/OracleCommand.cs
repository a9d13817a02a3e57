using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text;
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
        var command = new Command("check", "Replay another implementation's trace on the model and report the first divergence (exit 1), or conformance (exit 0).")
        {
            trace, config, order,
        };
        command.SetAction(parse => RunCheck(io, parse.GetRequiredValue(trace), parse.GetValue(config), ParseSyslogOrder(parse.GetValue(order)!)));
        return command;
    }

    public static int RunCheck(CliIo io, string trace, FileInfo? configFile, SyslogOrder syslogOrder = SyslogOrder.Model)
    {
        var config = CommonOptions.Load(configFile, io.Limits);
        var stdin = trace == "-";
        // The trace is named as the user named it: a path relative to a folder the scenario does not live in means nothing.
        var display = stdin ? "stdin" : trace;
        var checker = new TraceChecker(config, syslogOrder);
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
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{display}: conforms: {verdict.Steps:N0} steps in {verdict.Cases:N0} test cases, {verdict.Compared:N0} states compared"));
            foreach (var (form, lines) in verdict.OtherForms)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  device syslog in another documented form: {form}: {lines:N0} lines"));
            }

            return Cli.Success;
        }

        io.Out.WriteLine($"{display}:{d.Line}: diverges at step {d.Step} ({d.Event.Replace("\n", "; ", StringComparison.Ordinal)}): {d.Fields[0].Message}");
        foreach (var other in d.Fields.Skip(1))
        {
            io.Out.WriteLine($"  also {other.Message}");
        }

        io.Out.WriteLine();

        // The reproducer is built from the case as it was read (kept while reading), never by reading the trace again,
        // so a stream is fine; it is replayed on the model before it is printed.
        var search = new ReproducerSearch(config, syslogOrder);
        if (search.Find(d) is not { } reproducer)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# No reproducer: the case starting at {display}:{d.CaseStartLine} is longer than the {TraceChecker.MaxCaseEvents:N0} events the checker keeps."));
            return Cli.CheckFailed;
        }

        var first = d.Fields[0];
        io.Out.Write(reproducer.Text(
            configFile?.FullName,
            [$"Reproduces the divergence at {display}:{d.Line}: after the last event, {first.Message}", reproducer.Describe()]));
        return Cli.CheckFailed;
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
