using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Time;
using Spectre.Console;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model outage [--config F] [--json]</c>: for each failure event of the seed's table, how long the traffic
/// it hits is down under the configured timers, best, typical (mean) and worst over the phases of the polls.
/// </summary>
public static class OutageCommand
{
    public static Command Create(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "print the table as one JSON array (durations in milliseconds)" };
        var config = CommonOptions.Config();
        var command = new Command("outage", "Worst-case and typical outage of each failure event of the seed's table under the configured timers.")
        {
            json, config,
        };
        command.SetAction(parse => Run(io, parse.GetValue(json), parse.GetValue(config)));
        return command;
    }

    public static int Run(CliIo io, bool json, FileInfo? configFile)
    {
        var config = CommonOptions.Load(configFile, io.Limits);
        var lines = OutageTable.Measure(config);
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(
                lines.Select(l => new
                {
                    row = l.Row?.Number,
                    @event = l.Row?.SeedEvent ?? "forced failover (no failover active group 1)",
                    fault = l.Fault,
                    traffic = l.Traffic,
                    bestMs = l.BestMs,
                    typicalMs = l.TypicalMs,
                    worstMs = l.WorstMs,
                    settledMs = l.SettledMs,
                }),
                new JsonSerializerOptions { Encoder = PairStateJson.Options.Encoder }));
            return Cli.Success;
        }

        var t = config.Timers;
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{config.Name}: unit poll {FailoverTimers.Seconds(t.UnitPollMs)} hold {FailoverTimers.Seconds(t.UnitHoldMs)}, interface poll {FailoverTimers.Seconds(t.InterfacePollMs)} hold {FailoverTimers.Seconds(t.InterfaceHoldMs)}"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        var table = new Table().AddColumns("row", "failure event", "fault", "traffic of", "best", "typical", "worst", "settled within");
        foreach (var l in lines)
        {
            table.AddRow(
                l.Row?.Number.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(l.Row?.SeedEvent ?? "Forced failover"),
                Markup.Escape(l.Fault),
                Markup.Escape(l.Traffic),
                Duration(l.BestMs),
                Duration(l.TypicalMs),
                Duration(l.WorstMs),
                Duration(l.SettledMs));
        }

        console.Write(table);
        io.Out.WriteLine($"Each fault is injected at {OutageTable.Phases} even phases of the longest poll period (typical: their mean) and just after and before each poll; an outage is the time until the traffic flows again.");
        return Cli.Success;
    }

    private static string Duration(long milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.000} s");
}
