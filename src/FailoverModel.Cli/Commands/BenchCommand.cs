using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FailoverModel.Cli.Bench;
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
        var config = CommonOptions.Load(configFile, io.Limits);
        var figures = new List<BenchFigure>();
        figures.AddRange(StatelessBaseline.Measure(2_000_000));
        figures.AddRange(ModelWorkloads.Exploration(config, quick));
        figures.AddRange(ModelWorkloads.RandomChecking(quick ? 500 : 5_000));
        figures.AddRange(OracleAndParsingWorkloads.OracleCheck(config));
        figures.AddRange(OracleAndParsingWorkloads.ConfigParsing(2_000));
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(figures.Select(f => new { workload = f.Workload, measure = f.Measure, value = Math.Round(f.Value, 2), unit = f.Unit, reproduce = f.Reproduce })));
            return Cli.Success;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 120;
        var table = new Table().AddColumns("workload", "measure", "value", "unit");
        foreach (var f in figures)
        {
            table.AddRow(Markup.Escape(f.Workload), Markup.Escape(f.Measure), f.Value.ToString(f.Value < 100 ? "N2" : "N0", CultureInfo.InvariantCulture), Markup.Escape(f.Unit));
        }

        console.Write(table);
        return Cli.Success;
    }
}
