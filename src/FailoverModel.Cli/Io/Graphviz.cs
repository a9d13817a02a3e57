using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FailoverModel.Cli.Io;

/// <summary>
/// Graphviz's <c>dot</c>, run as a process of its own to draw one SVG. Whatever goes wrong there is Graphviz's and is
/// said so (exit 2, naming Graphviz and the diagram): a <c>dot</c> that fails, that writes no SVG, or that outlives the
/// time-out; a <c>dot</c> that is stopped (time-out, Ctrl-C) is killed with whatever it started, so none is left behind.
/// </summary>
internal static class Graphviz
{
    /// <summary><c>--dot-timeout</c> when not given: the seed's largest diagram takes about a second.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary><c>--dot-timeout</c>'s range, in seconds.</summary>
    public static readonly (long Min, long Max) TimeoutSeconds = (1, 3_600);

    /// <summary>The most SVG read back from one <c>dot</c>: the largest diagram is a few megabytes; a <c>dot</c> that writes without end is stopped here.</summary>
    public const int MaxSvgChars = 16 << 20;

    /// <summary>
    /// The SVG <c>dot</c> draws of <paramref name="dot"/> (<paramref name="what"/> names the diagram in errors), or null
    /// when <c>dot</c> is not installed.
    /// </summary>
    public static string? Svg(string dot, string what, TimeSpan timeout, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dot", "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            // While dot draws, a signal cancels (dot is then killed with what it started) instead of ending the process
            // at once, which would leave dot running.
            using var watched = Interruption.Watch();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            stop.CancelAfter(timeout);

            // Input, output and errors at once: a dot that writes before it has read everything must not wait on us.
            var feeding = Task.Run(() => Feed(process, dot));
            var output = Task.Run(() => ReadAtMost(process.StandardOutput, MaxSvgChars, stop));
            var errors = Task.Run(() => FirstLine(process.StandardError));
            try
            {
                process.WaitForExitAsync(stop.Token).GetAwaiter().GetResult();
                output.Wait(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellation.ThrowIfCancellationRequested();
                if (output.IsCompletedSuccessfully && output.Result is null)
                {
                    throw new CliUsageException($"Graphviz: dot wrote more than {MaxSvgChars:N0} characters of SVG for {what}; it was stopped");
                }

                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"Graphviz: dot did not finish {what} within {timeout.TotalSeconds:N0} s (--dot-timeout sets the time-out); it was stopped"));
            }
            finally
            {
                Kill(process);

                // Whatever dot left running (and killed with it) may have held its input open: not waited for without end.
                feeding.Wait(TimeSpan.FromSeconds(5));
            }

            var error = errors.Wait(TimeSpan.FromSeconds(1)) ? errors.Result : "";
            if (process.ExitCode != 0)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"Graphviz: dot failed on {what} (exit status {process.ExitCode}){(error.Length == 0 ? "" : ": " + error)}"));
            }

            var svg = output.Result ?? "";
            if (!svg.Contains("<svg", StringComparison.Ordinal) || !svg.Contains("</svg>", StringComparison.Ordinal))
            {
                throw new CliUsageException($"Graphviz: dot wrote {(svg.Length == 0 ? "nothing" : "no whole SVG")} for {what} and exited with success{(error.Length == 0 ? "" : ": " + error)}");
            }

            return svg;
        }
    }

    private static void Feed(Process process, string dot)
    {
        try
        {
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // dot ended (or was stopped) before it read all of the diagram: its exit status says why.
        }
    }

    /// <summary>The whole of <paramref name="reader"/>, or null when it holds more than <paramref name="limit"/> characters (<paramref name="overflow"/> is then cancelled).</summary>
    private static string? ReadAtMost(StreamReader reader, int limit, CancellationTokenSource overflow)
    {
        var text = new StringBuilder();
        var buffer = new char[1 << 16];
        try
        {
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + n > limit)
                {
                    overflow.Cancel();
                    return null;
                }

                text.Append(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was stopped while it wrote.
        }

        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It has ended already.
        }
    }

    /// <summary>The first line dot wrote on its standard error that says something, read to the end so that dot never waits to write more.</summary>
    private static string FirstLine(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                kept.Append(buffer, 0, Math.Min(n, Math.Max(0, 1024 - kept.Length)));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was stopped while it wrote.
        }

        var first = kept.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return first.Length > 300 ? first[..300] + "…" : first;
    }
}
