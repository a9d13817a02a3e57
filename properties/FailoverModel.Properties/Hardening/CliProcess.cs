using System.Diagnostics;
using System.Globalization;

namespace FailoverModel.Properties.Hardening;

/// <summary>What one run of <c>failover-model</c> did: exit code, output, how long it took and its peak resident memory.</summary>
public sealed record CliOutcome(int Exit, string Out, string Err, TimeSpan Elapsed, long PeakBytes)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"exit {Exit} in {Elapsed.TotalSeconds:0.0} s, peak {PeakBytes / 1e6:0} MB; stderr: {Err.Trim()}");
}

/// <summary>
/// Runs the built <c>failover-model</c> as a process of its own, so that its memory is its own: the peak resident
/// set (Linux's <c>VmHWM</c>, the kernel's own high-water mark, read while it runs) is what the acceptance bounds, and
/// the GC heap is capped at that bound too (<c>DOTNET_GCHeapHardLimit</c>), so growth past it fails the run rather
/// than the machine. A run that outlives <paramref name="limit"/> is killed and reported as a hang.
/// </summary>
public static class CliProcess
{
    public const long MemoryBound = 256L << 20;

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "failover-model.dll");

    /// <param name="args">The command line after <c>failover-model</c>.</param>
    /// <param name="stdin">What standard input holds.</param>
    /// <param name="limit">How long the run may take before it is killed as a hang.</param>
    /// <param name="workingDirectory">Where it runs; the temporary folder by default.</param>
    /// <param name="path">Folders put before the others on <c>PATH</c>, where a fake tool (a <c>dot</c> that hangs) is found first.</param>
    /// <param name="interruptAfter">When to send it SIGINT, as Ctrl-C does.</param>
    /// <param name="tailOnly">Keep only the last 4,096 characters of standard output: a run that prints hundreds of megabytes is not held by the test either.</param>
    /// <param name="environment">Variables set for it (<c>LANG</c>, <c>TERM</c>).</param>
    public static CliOutcome Run(IEnumerable<string> args, string? stdin = null, TimeSpan? limit = null, string? workingDirectory = null, string? path = null, TimeSpan? interruptAfter = null, bool tailOnly = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Launch("dotnet", [Dll, .. args], stdin, limit, workingDirectory, environment, path, interruptAfter, tailOnly);

    /// <summary>
    /// Runs <c>failover-model</c> with its standard streams as a shell leaves them: <paramref name="redirections"/> is
    /// what follows the command in <c>bash</c> (<c>&lt;&amp;-</c> closes standard input, <c>2&gt;/dev/full</c> fills
    /// standard error). The outcome's streams are the shell's, so a stream redirected away reads empty.
    /// </summary>
    public static CliOutcome Shell(IEnumerable<string> args, string redirections, TimeSpan? limit = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var quoted = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return Launch("bash", ["-c", $"exec {quoted} {redirections}"], null, limit, null, environment);
    }

    /// <summary>Runs <c>failover-model</c> on a pseudo-terminal (util-linux's <c>script</c>) whose <c>TERM</c> is <paramref name="term"/>.</summary>
    public static CliOutcome OnTerminal(string term, IEnumerable<string> args, TimeSpan? limit = null)
    {
        var quoted = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return Launch("script", ["-qec", $"TERM={term} {quoted}", "/dev/null"], null, limit, null, null);
    }

    private static CliOutcome Launch(string program, IReadOnlyList<string> args, string? stdin, TimeSpan? limit, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, string? path = null, TimeSpan? interruptAfter = null, bool tailOnly = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{MemoryBound:X}";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (path is not null)
        {
            start.Environment["PATH"] = $"{path}:{Environment.GetEnvironmentVariable("PATH")}";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = tailOnly ? Task.Run(() => Tail(process.StandardOutput, 4096)) : process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var feeding = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(stdin ?? "");
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process ended before it read all of its input.
            }
        });
        long peak = 0;
        var deadline = limit ?? TimeSpan.FromSeconds(60);
        var interrupted = false;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (interruptAfter is { } after && !interrupted && clock.Elapsed > after)
            {
                interrupted = true;
                _ = Mono.Unix.Native.Syscall.kill(process.Id, Mono.Unix.Native.Signum.SIGINT);
            }

            if (clock.Elapsed > deadline)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"failover-model {string.Join(' ', args)} did not finish within {deadline.TotalSeconds} s (a hang)");
            }
        }

        feeding.Wait();
        return new CliOutcome(process.ExitCode, output.Result, error.Result, clock.Elapsed, peak);
    }

    /// <summary>
    /// Starts <c>failover-model</c> and hands it back running, for a test that acts on the process while it works (sends
    /// it a signal). No heap cap: what such a test bounds is what the process leaves behind, not its memory.
    /// </summary>
    public static RunningCli Start(IEnumerable<string> args, string workingDirectory)
    {
        var process = Process.Start(StartInfo(args, workingDirectory))!;
        process.StandardInput.Close();
        return new RunningCli(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>How to start <c>failover-model</c> with its standard streams redirected, for a test that talks to it line by line.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        return start;
    }

    private static string Tail(StreamReader reader, int keep)
    {
        var tail = new System.Text.StringBuilder();
        var buffer = new char[1 << 16];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            tail.Append(buffer, 0, n);
            if (tail.Length > 2 * keep)
            {
                tail.Remove(0, tail.Length - keep);
            }
        }

        return tail.Length > keep ? tail.ToString(tail.Length - keep, keep) : tail.ToString();
    }

    /// <summary>The process's peak resident set so far, in bytes (0 where /proc is not there).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just ended.
        }

        return 0;
    }
}

/// <summary>A <c>failover-model</c> process still running, its output collected as it comes.</summary>
public sealed record RunningCli(Process Process, Task<string> Out, Task<string> Err) : IDisposable
{
    /// <summary>Waits for the process to end; one that outlives <paramref name="limit"/> is killed and reported as a hang.</summary>
    public CliOutcome Wait(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        if (!Process.WaitForExit(limit))
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            throw new TimeoutException($"failover-model did not end within {limit.TotalSeconds} s of the signal (a hang); stderr: {Err.Result}");
        }

        Process.WaitForExit();
        return new CliOutcome(Process.ExitCode, Out.Result, Err.Result, clock.Elapsed, 0);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
