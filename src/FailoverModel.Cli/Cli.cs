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

    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("An executable specification of Cisco PIX/ASA Active/Active failover.");
        var io = new CliIo(stdout, stderr, stdin ?? TextReader.Null);
        foreach (var command in CommandSet.All(io))
        {
            root.Add(command);
        }

        var parse = root.Parse(args);
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"failover-model: internal error: {e.GetType().Name}: {e.Message}");
            return InternalError;
        }
    }
}

/// <summary>Where a command reads and writes; tests pass their own readers and writers.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In);

/// <summary>Bad command-line usage found after parsing (a file that does not exist, a value out of range).</summary>
public sealed class CliUsageException(string message) : Exception(message);
