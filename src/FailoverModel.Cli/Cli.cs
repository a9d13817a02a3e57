using System.CommandLine;
using FailoverModel.Cli.Commands;
using FailoverModel.Topology;

namespace FailoverModel.Cli;

/// <summary>
/// The <c>failover-model</c> command. Exit codes: 0 success, 1 a check failed (expect, invariant, divergence),
/// 2 bad input (arguments, configuration, scenario, trace), 3 an internal error of the model, 4 (<c>show</c>) the unit is
/// off and prints nothing.
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

    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null) =>
        Invoke(args, new CliIo(stdout, stderr, stdin ?? TextReader.Null) { Width = Terminal.TerminalConsole.DefaultWidth });

    public static int Invoke(string[] args, CliIo io)
    {
        var stdout = io.Out;
        var stderr = io.Error;
        var root = new RootCommand("An executable specification of Cisco PIX/ASA Active/Active failover.");
        foreach (var command in CommandSet.All(io))
        {
            root.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && Terminal.UnknownCommand.Describe(root, args) is { } unknown)
        {
            stderr.WriteLine($"failover-model: {unknown} (see 'failover-model --help')");
            return BadInput;
        }

        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"failover-model: {parse.Errors[0].Message} (see 'failover-model --help')");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine(e.Describe());
            return BadInput;
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"failover-model: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException) when (io.Cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("failover-model: interrupted");
            return Interrupted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"failover-model: internal error: {e.GetType().Name}: {e.Message}");
            return InternalError;
        }
    }
}

/// <summary>Where a command reads and writes; tests pass their own readers and writers.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In)
{
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
