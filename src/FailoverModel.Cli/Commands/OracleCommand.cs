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
        var config = CommonOptions.Load(configFile, io.Limits);
        var display = Path.GetRelativePath(Environment.CurrentDirectory, trace.FullName);
        var checker = new TraceChecker(config);
        var verdict = CommandProgress.Run(io, "oracle check", progress =>
        {
            progress.Phase("trace lines", "lines");
            using var reader = Open(trace, display, io.Limits);
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
            using var reader = Open(trace, display, io.Limits);
            WritePrefix(io.Out, reader, d);
        }

        return Cli.CheckFailed;
    }

    private static void WritePrefix(TextWriter output, LineReader reader, TraceDivergence d)
    {
        while (reader.ReadLine() is { } text && reader.LineNumber <= d.Line)
        {
            if (reader.LineNumber < d.CaseStartLine || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = StrictJson.Parse(text, reader.File, reader.LineNumber);
            var line = TraceLine.Read(doc.RootElement, reader.File, reader.LineNumber);
            if (line.Event.StartsWith('#'))
            {
                continue;
            }

            if (!line.Settle)
            {
                output.WriteLine("step");
            }

            output.WriteLine(line.Event);
        }
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
        var command = new Command("serve", "Lock-step: read events (JSON lines) on stdin, answer each with the model's state and, for an observed state, a verdict.")
        {
            config,
        };
        command.SetAction(parse => RunServe(io, parse.GetValue(config)));
        return command;
    }

    public static int RunServe(CliIo io, FileInfo? configFile)
    {
        var session = new LockStep(CommonOptions.Load(configFile, io.Limits));
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
