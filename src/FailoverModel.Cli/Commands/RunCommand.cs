using System.CommandLine;
using FailoverModel.Diagrams.Stories;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model run &lt;scenario&gt; [--json] [--html &lt;page&gt;]</c>: runs a scenario and checks its expects.</summary>
public static class RunCommand
{
    public static Command Create(CliIo io)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "the scenario file (docs/scenario-language.md)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object per step (docs/scenario-language.md, \"The snapshot JSON\") instead of text" };
        var html = new Option<FileInfo?>("--html") { Description = "also write a self-contained HTML page that replays the scenario on the pair diagram" };
        var config = CommonOptions.Config();
        var command = new Command("run", "Run a scenario: apply each event, settle, check every expect, print each step and every show.")
        {
            scenario, json, html, config,
        };
        command.SetAction(parse => Run(io, parse.GetRequiredValue(scenario), parse.GetValue(json), parse.GetValue(config), parse.GetValue(html)));
        return command;
    }

    public static int Run(CliIo io, FileInfo file, bool json, FileInfo? configFile, FileInfo? html = null)
    {
        var page = html is null ? null : Io.OutputFile.FullPath(html, "--html");
        var parsed = ScenarioParser.ParseFile(file.FullName, CommonOptions.Load(configFile, io.Limits), ConfigFiles.Within(io.Limits), io.Limits);

        // The page is checked once the inputs are read (the scenario names its configuration, which names its context
        // files) and before the scenario runs: it must be writable and none of them.
        if (page is not null)
        {
            Io.OutputFile.CheckTarget(page, "--html");
        }

        var result = ScenarioRunner.Run(parsed);
        if (page is not null)
        {
            DiagramsCommand.WriteWhole(page, DiagramsCommand.Page(StoryCatalog.Of(parsed, result)), "--html");
        }

        var config = parsed.Config;
        var display = Path.GetRelativePath(Environment.CurrentDirectory, file.FullName);
        foreach (var output in result.Outputs)
        {
            switch (output)
            {
                case StepOutput s when json:
                    io.Out.WriteLine(PairStateJson.StepLine(config, s.Step, s.Line, s.Result.External.Event.ToString(), s.Result.State, s.Result.Messages, s.TimeMs, s.OutageMs));
                    break;
                case StepOutput s:
                    WriteStep(io.Out, config, s);
                    break;
                case ShowOutput s when !json:
                    io.Out.WriteLine($"show {s.Statement.Where} {s.Statement.Command}  (line {s.Line})");
                    io.Out.Write(s.Silence is null ? Indent(s.Text) : Indent($"({s.Silence})\n"));
                    break;
                case ExpectOutput e when e.Failure is null && !json:
                    io.Out.WriteLine($"  ok    line {e.Line}: expect {e.Expectation}");
                    break;
                case ExpectOutput e when e.Failure is not null:
                    if (!json)
                    {
                        io.Out.WriteLine($"  FAIL  line {e.Line}: expect {e.Expectation}; {e.Failure}");
                    }

                    io.Error.WriteLine($"{display}:{e.Line}: expected {e.Expectation}, but {e.Failure}");
                    break;
            }
        }

        var failures = result.Failures.Count();
        var expects = result.Outputs.OfType<ExpectOutput>().Count();
        if (!json)
        {
            io.Out.WriteLine(failures == 0
                ? $"{display}: {expects} expects hold"
                : $"{display}: {failures} of {expects} expects failed");
        }

        return failures == 0 ? Cli.Success : Cli.CheckFailed;
    }

    private static void WriteStep(TextWriter w, PairConfig config, StepOutput s)
    {
        var state = s.Result.State;
        var @event = s.Result.External.Event.ToString().Replace("\n", "\n        ", StringComparison.Ordinal);
        w.WriteLine($"step {s.Step} (line {s.Line}): {@event}");
        foreach (var note in s.Result.Notes)
        {
            w.WriteLine($"  note: {note}");
        }

        foreach (var unit in UnitRoles.Both)
        {
            var u = state.Unit(unit);
            var groups = string.Join("  ", config.GroupIds.Select(g => $"group {g} {u.Group(g).State.Display(),-22}"));
            w.WriteLine($"  {unit.Token(),-9}  {u.Status.Display(),-15}  {groups.TrimEnd()}");
        }

        w.WriteLine($"  links      failover {state.FailoverLink.Token()}, state {state.StateLink.Token()}");
        var outages = string.Join(", ", config.GroupIds.Where(g => s.OutageMs[g.Index] > 0).Select(g => $"group {g} {FailoverTimers.Seconds(s.OutageMs[g.Index])}"));
        w.WriteLine(outages.Length == 0 ? $"  clock      {Clock(s.TimeMs)}" : $"  clock      {Clock(s.TimeMs)}  outage {outages}");
        foreach (var message in s.Result.Messages)
        {
            w.WriteLine($"  log   {message}");
        }
    }

    /// <summary>Simulated time since the start of the scenario, as h:mm:ss.fff.</summary>
    private static string Clock(long milliseconds) =>
        TimeSpan.FromMilliseconds(milliseconds).ToString(@"h\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select((line, i) => i == 0 || line.Length > 0 ? "    " + line + "\n" : ""));
}
