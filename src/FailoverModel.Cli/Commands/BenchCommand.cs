using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FailoverModel.Cli.Bench;
using FailoverModel.Cli.Terminal;
using Spectre.Console;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model bench [--quick] [--json | --markdown] [--only ...]</c>: the standard workloads measured in one run.</summary>
public static class BenchCommand
{
    public static Command Create(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "print the figures as one JSON array" };
        var markdown = new Option<bool>("--markdown") { Description = "print the figures as a Markdown table (docs/performance.md's)" };
        var quick = new Option<bool>("--quick") { Description = "smaller bounds (100,000 states per exploration instead of 1,000,000): minutes, not half an hour" };
        var only = new Option<string[]>("--only") { Description = "only these workloads, comma-separated: stateless, exploration, growth, random, oracle, parsing", CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] };
        var config = CommonOptions.Config();
        var command = new Command("bench", "Measure the standard workloads in one run, each figure printed as measured: the Stateless baseline, exploration beside the reference explorer, CsCheck's exhaustive engine and the store's floor, the settled graph, growth with the configuration, random checking, oracle check beside a bare JSON pass, configuration parsing (docs/performance.md).")
        {
            json, markdown, config, quick, only,
        };
        command.SetAction(parse => Run(io, parse.GetValue(json), parse.GetValue(config), parse.GetValue(quick), parse.GetValue(markdown), parse.GetValue(only)));
        return command;
    }

    public static int Run(CliIo io, bool json, FileInfo? configFile, bool quick = false, bool markdown = false, string[]? only = null)
    {
        // It stops by itself when interrupted (Interruption): a signal cancels it rather than ending the process.
        using var watched = Interruption.Watch();
        if (json && markdown)
        {
            io.Error.WriteLine("failover-model: bench: --json and --markdown print the figures two ways; give one");
            return Cli.BadInput;
        }

        var config = CommonOptions.Load(configFile, io.Limits);
        var bounds = quick ? BenchBounds.Quick : BenchBounds.Full;
        var all = new (string Key, string Name, Func<IEnumerable<BenchFigure>> Measure)[]
        {
            ("stateless", "Stateless baseline", () => StatelessBaseline.Measure(2_000_000)),
            ("exploration", "exploration", () => ModelWorkloads.Exploration(config, bounds)),
            ("growth", "growth with the configuration", () => GrowthWorkload.Measure(bounds)),
            ("random", "random checking", () => ModelWorkloads.RandomChecking(bounds.RandomRuns)),
            ("oracle", "oracle", () => OracleAndParsingWorkloads.OracleCheck(config, bounds.Vectors)),
            ("parsing", "configuration parsing", () => OracleAndParsingWorkloads.ConfigParsing(2_000)),
        };
        if (only?.FirstOrDefault(o => !all.Any(w => w.Key == o)) is { } unknown)
        {
            io.Error.WriteLine($"failover-model: bench: --only: no workload '{unknown}' (the workloads are {string.Join(", ", all.Select(w => w.Key))})");
            return Cli.BadInput;
        }

        var workloads = all.Where(w => only is null or [] || only.Contains(w.Key)).Select(w => (w.Name, w.Measure));

        // Each figure is printed as soon as it is measured (stderr with --json or --markdown, so that stdout is only the
        // array or the table); the table of all of them follows at the end.
        var figures = new List<BenchFigure>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var interrupted = false;
        foreach (var (name, measure) in workloads)
        {
            if (io.Cancellation.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            io.Error.WriteLine($"bench: {name} ({clock.Elapsed.TotalSeconds:F0} s so far)");
            foreach (var f in measure())
            {
                figures.Add(f);
                (json || markdown ? io.Error : io.Out).WriteLine($"  {f.Workload}: {f.Measure} {Value(f)} {f.Unit}");
            }
        }

        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(figures.Select(f => new { workload = f.Workload, measure = f.Measure, value = Math.Round(f.Value, 2), unit = f.Unit, reproduce = f.Reproduce })));
        }
        else if (markdown)
        {
            io.Out.WriteLine("| workload | measure | value | unit |");
            io.Out.WriteLine("|---|---|---:|---|");
            foreach (var f in figures)
            {
                var value = f.Workload.StartsWith("ratio:", StringComparison.Ordinal) ? $"**{Value(f)}**" : Value(f);
                io.Out.WriteLine($"| {Cell(f.Workload)} | {Cell(f.Measure)} | {value} | {Cell(f.Unit)} |");
            }
        }
        else
        {
            var table = new Table().AddColumns("workload", "measure", "value", "unit");
            foreach (var f in figures)
            {
                table.AddRow(Markup.Escape(f.Workload), Markup.Escape(f.Measure), Value(f), Markup.Escape(f.Unit));
            }

            io.Out.WriteLine();
            TerminalConsole.Write(io, table);
        }

        if (interrupted)
        {
            io.Error.WriteLine($"bench: interrupted after {figures.Count} figures");
            return Cli.Interrupted;
        }

        return Cli.Success;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Value(BenchFigure f) => f.Value.ToString(f.Value < 100 ? "N2" : "N0", CultureInfo.InvariantCulture);
}
