using System.CommandLine;
using FailoverModel.Cli.Commands;
using FailoverModel.Input;
using FailoverModel.Topology;

namespace FailoverModel.Cli;

/// <summary>
/// The <c>failover-model</c> command. Exit codes: 0 success, 1 a check failed (expect, invariant, divergence),
/// 2 bad input (arguments, configuration, scenario, trace, paths), 3 an internal error of the model, 4 (<c>show</c>)
/// the unit is off and prints nothing, 130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM, 129 by SIGHUP.
/// </summary>
public static class Cli
{
    public const int Success = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;
    public const int UnitSilent = 4;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>Interrupted by SIGTERM (128 + 15): <c>kill</c>, <c>timeout</c>, a CI runner cancelling a job.</summary>
    public const int Terminated = 143;

    /// <summary>Interrupted by SIGHUP (128 + 1): the terminal closed.</summary>
    public const int HungUp = 129;

    /// <summary>The exit code of a command a signal interrupted: 128 + the signal's number, as a shell reports a process the signal ended.</summary>
    internal static int ExitOnSignal(System.Runtime.InteropServices.PosixSignal signal) => signal switch
    {
        System.Runtime.InteropServices.PosixSignal.SIGTERM => Terminated,
        System.Runtime.InteropServices.PosixSignal.SIGHUP => HungUp,
        _ => Interrupted,
    };

    /// <param name="stdinBytes">Standard input as bytes (the process's own); when null, <paramref name="stdin"/> is read.</param>
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null, Stream? stdinBytes = null) =>
        Invoke(args, new CliIo(stdout, stderr, stdin ?? TextReader.Null) { Width = Terminal.TerminalConsole.DefaultWidth, InBytes = stdinBytes });

    public static int Invoke(string[] args, CliIo io)
    {
        // Every file the command reads is recorded, so that no output of it can be written over one of them.
        using var inputs = InputFiles.Track();
        var stdout = io.Out;
        var stderr = io.Error;
        var root = new RootCommand("An executable specification of Cisco PIX/ASA Active/Active failover.");
        var maxFile = new Option<long>("--max-file-size")
        {
            Description = $"largest configuration, context or scenario file read, in bytes ({InputLimits.MinFileBytes:N0} to {InputLimits.MaxFileBytesLimit:N0}; docs/input-limits.md)",
            DefaultValueFactory = _ => InputLimits.DefaultMaxFileBytes,
            Recursive = true,
        };
        var maxLine = new Option<int>("--max-line-length")
        {
            Description = $"longest line of any input, in bytes ({InputLimits.MinLineBytes:N0} to {InputLimits.MaxLineBytesLimit:N0}; docs/input-limits.md)",
            DefaultValueFactory = _ => InputLimits.DefaultMaxLineBytes,
            Recursive = true,
        };
        root.Add(maxFile);
        root.Add(maxLine);
        foreach (var command in CommandSet.All(io))
        {
            root.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && Terminal.UnknownCommand.Describe(root, args) is { } unknown)
        {
            stderr.WriteLine($"failover-model: {OneLine(unknown)} (see 'failover-model --help')");
            return BadInput;
        }

        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"failover-model: {OneLine(Plain(parse.Errors[0].Message))} (see 'failover-model --help')");
            return BadInput;
        }

        // System.CommandLine answers --version whatever follows it; a word after it is a mistake to point out.
        if (parse.Tokens.Any(t => t.Value == "--version") && parse.Tokens.Count > 1)
        {
            stderr.WriteLine("failover-model: --version takes no other argument (see 'failover-model --help')");
            return BadInput;
        }

        try
        {
            var fileBytes = parse.GetValue(maxFile);
            var lineBytes = parse.GetValue(maxLine);
            Io.OptionRange.Check("--max-file-size", fileBytes, (InputLimits.MinFileBytes, InputLimits.MaxFileBytesLimit));
            Io.OptionRange.Check("--max-line-length", lineBytes, (InputLimits.MinLineBytes, InputLimits.MaxLineBytesLimit));
            io.Limits = new InputLimits(fileBytes, lineBytes);
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine(OneLine(e.Describe()));
            return BadInput;
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"failover-model: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Terminal.StandardInputClosedException e)
        {
            stderr.WriteLine($"failover-model: {e.Message}");
            return BadInput;
        }
        catch (ExploreStoppedException e)
        {
            stderr.WriteLine(OneLine(e.Message));
            return CheckFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading and writing go through the input and output layers, which name the file; what still escapes
            // (a disk that fills up while writing) is about the environment, not the model.
            stderr.WriteLine($"failover-model: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (OperationCanceledException) when (io.Cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("failover-model: interrupted");
            return Interrupted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"failover-model: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return InternalError;
        }
    }

    /// <summary>
    /// A parse error in the user's words: System.CommandLine names the .NET type it wanted ("as expected type
    /// 'System.Nullable`1[System.Int32]'"), which says nothing to someone typing a number.
    /// </summary>
    private static string Plain(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$");
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var what = type.Contains("Int", StringComparison.Ordinal) ? "a whole number in range"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a value of the kind it takes";
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {what}";
    }

    /// <summary>
    /// A message on one line, safe for a terminal: a newline in a value the user gave (a show argument, a path) must not
    /// split it, and a control character from an input must not reach the terminal.
    /// </summary>
    private static string OneLine(string message) => Printable.Escape(message);
}

/// <summary>Where a command reads and writes, and within which limits; tests pass their own readers and writers.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In)
{
    /// <summary>The limits of <c>--max-file-size</c> and <c>--max-line-length</c>, set once the command line is parsed.</summary>
    public InputLimits Limits { get; set; } = InputLimits.Default;

    /// <summary>Standard input as bytes, when the caller has it (the process); otherwise <see cref="In"/>'s text is read.</summary>
    public Stream? InBytes { get; init; }

    /// <summary>Standard input as a stream of bytes, for <see cref="LineReader"/>.</summary>
    public Stream OpenIn() => InBytes ?? new TextReaderStream(In);

    /// <summary>Cancelled by Ctrl-C: long commands stop, print what they covered and exit 130.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether <see cref="Out"/> is a terminal (colour, the terminal's width) rather than a file or pipe.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> is a terminal: progress is then a live display, otherwise a plain line now and then.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The width tables are laid out for; null: the terminal's, or <c>COLUMNS</c>, or 80 when redirected.</summary>
    public int? Width { get; init; }
}

/// <summary>Bad command-line usage found after parsing (a file that does not exist, a value out of range).</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A run that cannot go on for want of disk or memory (exit 1): the message says what to do, and a checkpoint resumes it.</summary>
public sealed class ExploreStoppedException(string message) : Exception(message);
