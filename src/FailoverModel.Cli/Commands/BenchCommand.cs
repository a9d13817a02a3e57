using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FailoverModel.Cli.Bench;
using FailoverModel.Cli.Terminal;
using Spectre.Console;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model bench [--json]</c>: the standard workloads measured in one run.</summary>
public static class BenchCommand
{
    public static Command Create(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "print the figures as one JSON array" };
        var quick = new Option<bool>("--quick") { Description = "bound the explorations (half a million states) so that the run takes a minute, not ten" };
        var config = CommonOptions.Config();
        var command = new Command("bench", "Measure the standard workloads: the Stateless baseline, exploration beside CsCheck's exhaustive engine, the settled graph and random stepping.")
        {
            json, config, quick,
        };
        command.SetAction(parse => Run(io, parse.GetValue(json), parse.GetValue(config), parse.GetValue(quick)));
        return command;
    }

    public static int Run(CliIo io, bool json, FileInfo? configFile, bool quick = false)
    {
        var config = CommonOptions.Load(configFile);
        var workloads = new (string Name, Func<IEnumerable<BenchFigure>> Measure)[]
        {
            ("Stateless baseline", () => StatelessBaseline.Measure(2_000_000)),
            ("exploration", () => ModelWorkloads.Exploration(config, quick)),
            ("random checking", () => ModelWorkloads.RandomChecking(quick ? 500 : 5_000)),
            ("oracle", () => OracleAndParsingWorkloads.OracleCheck(config)),
            ("configuration parsing", () => OracleAndParsingWorkloads.ConfigParsing(2_000)),
        };

        // Each figure is printed as soon as it is measured (stderr with --json, so that stdout stays one JSON array);
        // the table of all of them follows at the end.
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
                (json ? io.Error : io.Out).WriteLine($"  {f.Workload}: {f.Measure} {Value(f)} {f.Unit}");
            }
        }

        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(figures.Select(f => new { workload = f.Workload, measure = f.Measure, value = Math.Round(f.Value, 2), unit = f.Unit, reproduce = f.Reproduce })));
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

    private static string Value(BenchFigure f) => f.Value.ToString(f.Value < 100 ? "N2" : "N0", CultureInfo.InvariantCulture);
}
