using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FailoverModel.Cli.Terminal;

/// <summary>
/// What a long command shows while it works, on standard error so that standard output stays clean: on a terminal a
/// live table (each phase with its count, total where known, rate, elapsed time and ETA), redirected a plain line with
/// the same facts every few seconds (a run shorter than that prints none: its summary says it all). The work runs on a thread of its own and reports with
/// <see cref="Phase"/> and <see cref="Set"/>, which only store numbers: rendering happens on the calling thread.
/// </summary>
public sealed class CommandProgress
{
    /// <summary>How often a plain line is written when standard error is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly string _command;
    private readonly Lock _lock = new();
    private readonly List<PhaseState> _phases = [];

    private CommandProgress(string command) => _command = command;

    /// <summary>Starts a phase (ending the one before): its name, what it counts, and the total when known.</summary>
    public void Phase(string name, string unit, long? total = null)
    {
        lock (_lock)
        {
            if (_phases.Count > 0)
            {
                _phases[^1].Clock.Stop();
            }

            _phases.Add(new PhaseState(name, unit, total, Stopwatch.StartNew()));
        }
    }

    /// <summary>How many of the current phase's units are done, and the total when it has grown (a search's frontier).</summary>
    public void Set(long count, long? total = null)
    {
        lock (_lock)
        {
            if (_phases.Count > 0)
            {
                _phases[^1].Count = count;
                _phases[^1].Total = total ?? _phases[^1].Total;
            }
        }
    }

    /// <summary>Facts of the current phase beyond its count (a search's level, frontier, memory and disk), shown after it.</summary>
    public void Detail(string detail)
    {
        lock (_lock)
        {
            if (_phases.Count > 0)
            {
                _phases[^1].Detail = detail;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own while its progress is shown; returns its result or rethrows its exception.</summary>
    public static T Run<T>(CliIo io, string command, Func<CommandProgress, T> work) => Run(io, command, work, PlainInterval);

    internal static T Run<T>(CliIo io, string command, Func<CommandProgress, T> work, TimeSpan plainInterval)
    {
        var progress = new CommandProgress(command);
        var task = Task.Factory.StartNew(() => work(progress), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (io.ErrorIsTerminal)
        {
            TerminalConsole.ForError(io).Live(progress.Render()).AutoClear(false).Start(context =>
            {
                while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(200))
                {
                    context.UpdateTarget(progress.Render());
                }

                progress.Finish();
                context.UpdateTarget(progress.Render());
            });
        }
        else
        {
            var last = Stopwatch.StartNew();
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(100))
            {
                if (last.Elapsed >= plainInterval)
                {
                    io.Error.WriteLine(progress.Line());
                    last.Restart();
                }
            }
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>The current phase as one plain line: phase, count, total, rate, elapsed, ETA.</summary>
    public string Line()
    {
        lock (_lock)
        {
            return _phases.Count == 0 ? $"{_command}: starting" : Describe(_phases[^1]);
        }
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static double Rate(PhaseState p) => p.Count / Math.Max(0.001, p.Clock.Elapsed.TotalSeconds);

    private static string? Eta(PhaseState p) =>
        p.Total is { } total && p.Count > 0 && p.Count < total && p.Clock.IsRunning
            ? Time(TimeSpan.FromSeconds((total - p.Count) / Rate(p)))
            : null;

    private string Describe(PhaseState p)
    {
        var of = p.Total is { } total ? $" of {Number(total)} ({100.0 * p.Count / Math.Max(1, total):0} %)" : "";
        var eta = Eta(p) is { } e ? $", ETA {e}" : "";
        var verb = p.Clock.IsRunning ? "" : " done";
        var detail = p.Detail is { } d ? $", {d}" : "";
        return $"{_command}: {p.Name}{verb}: {Number(p.Count)}{of} {p.Unit}, {Number((long)Rate(p))} {p.Unit}/s{detail}, elapsed {Time(p.Clock.Elapsed)}{eta}";
    }

    private void Finish()
    {
        lock (_lock)
        {
            if (_phases.Count > 0)
            {
                _phases[^1].Clock.Stop();
            }
        }
    }

    private IRenderable Render()
    {
        lock (_lock)
        {
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(_command))
                .AddColumns("phase", "done", "of", "rate", "elapsed", "ETA");
            if (_phases.Count > 0 && _phases[^1].Detail is { } detail)
            {
                table.Caption(Markup.Escape(detail));
            }

            foreach (var p in _phases)
            {
                var running = p.Clock.IsRunning;
                table.AddRow(
                    running ? $"[bold]{Markup.Escape(p.Name)}[/]" : Markup.Escape(p.Name),
                    $"{Number(p.Count)} {Markup.Escape(p.Unit)}",
                    p.Total is { } t ? Number(t) : "?",
                    $"{Number((long)Rate(p))}/s",
                    Time(p.Clock.Elapsed),
                    running ? Eta(p) ?? "" : "done");
            }

            return table;
        }
    }

    private sealed class PhaseState(string name, string unit, long? total, Stopwatch clock)
    {
        public string Name { get; } = name;

        public string Unit { get; } = unit;

        public long? Total { get; set; } = total;

        public Stopwatch Clock { get; } = clock;

        public long Count { get; set; }

        public string? Detail { get; set; }
    }
}
