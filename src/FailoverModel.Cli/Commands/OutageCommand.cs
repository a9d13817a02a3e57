using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FailoverModel.Cli.Terminal;
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
        var config = CommonOptions.Load(configFile);
        var lines = CommandProgress.Run(io, "outage", progress =>
        {
            // OutageTable measures all rows in one call: the display shows the phase and its elapsed time.
            progress.Phase("faults at every poll phase", "rows");
            var measured = OutageTable.Measure(config);
            progress.Set(measured.Length);
            return measured;
        });
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
        // Laid out for 80 columns and up: the numbers never wrap, the seed's long event names go to a legend below.
        var table = new Table().AddColumns(
            new TableColumn("row").NoWrap(),
            new TableColumn("fault, and the traffic it stops"),
            new TableColumn("best").RightAligned().NoWrap(),
            new TableColumn("typical").RightAligned().NoWrap(),
            new TableColumn("worst").RightAligned().NoWrap(),
            new TableColumn("settled").RightAligned().NoWrap());
        foreach (var l in lines)
        {
            table.AddRow(
                l.Row?.Number.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape($"{l.Fault}\n  {l.Traffic}"),
                Duration(l.BestMs),
                Duration(l.TypicalMs),
                Duration(l.WorstMs),
                Duration(l.SettledMs));
        }

        TerminalConsole.Write(io, table);
        foreach (var row in lines.Select(l => l.Row).Distinct())
        {
            TerminalConsole.Write(io, new Text($"{(row is null ? "-" : row.Number.ToString(CultureInfo.InvariantCulture))}: {row?.SeedEvent ?? "Forced failover"}\n"));
        }

        TerminalConsole.Write(io, new Text($"Each fault is injected at {OutageTable.Phases} even phases of the longest poll period (typical: their mean) and just after and before each poll; an outage is the time until the traffic flows again; settled: until no internal step is pending. Times in seconds.\n"));
        return Cli.Success;
    }

    private static string Duration(long milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.000}");
}
