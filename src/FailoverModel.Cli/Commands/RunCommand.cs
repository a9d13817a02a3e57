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
        var dotTimeout = DiagramsCommand.DotTimeout();
        var command = new Command("run", "Run a scenario: apply each event, settle, check every expect, print each step and every show.")
        {
            scenario, json, html, config, dotTimeout,
        };
        command.SetAction(parse => Run(io, parse.GetRequiredValue(scenario), parse.GetValue(json), parse.GetValue(config), parse.GetValue(html), parse.GetValue(dotTimeout)));
        return command;
    }

    /// <summary>
    /// The most steps a replay page (<c>--html</c>) holds: the page carries every step's state and the browser replays
    /// them from memory, and the run keeps every step until the page is written (docs/input-limits.md).
    /// </summary>
    public const int MaxPageSteps = 5_000;

    public static int Run(CliIo io, FileInfo file, bool json, FileInfo? configFile, FileInfo? html = null, int dotTimeoutSeconds = Io.Graphviz.DefaultTimeoutSeconds)
    {
        var timeout = DiagramsCommand.Timeout(dotTimeoutSeconds);
        var page = html is null ? null : Io.OutputFile.FullPath(html, "--html");
        var parsed = ScenarioParser.ParseFile(file.FullName, CommonOptions.Load(configFile, io.Limits), ConfigFiles.Within(io.Limits), io.Limits);

        // The page is checked once the inputs are read (the scenario names its configuration, which names its context
        // files) and before the scenario runs: it must be writable and none of them.
        if (page is not null)
        {
            Io.OutputFile.CheckTarget(page, "--html");
        }

        var config = parsed.Config;
        var display = Path.GetRelativePath(Environment.CurrentDirectory, file.FullName);
        var expects = 0;
        var failures = 0;

        // Each output is printed as it is made and dropped: only the page, when asked for, keeps its steps, as the
        // story's steps, which hold less than the run's.
        var pair = new FailoverPair(config);
        var steps = html is null ? null : new List<StoryStep>();
        ScenarioRunner.Stream(parsed, pair, output =>
        {
            if (steps is not null && output is StepOutput step)
            {
                if (steps.Count == MaxPageSteps)
                {
                    throw new CliUsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--html: the run has more than {MaxPageSteps:N0} steps, the most a replay page holds (at line {step.Line}); run it without --html"));
                }

                steps.Add(Story.StepOf(config, pair, step));
            }

            if (output is ExpectOutput e)
            {
                expects++;
                failures += e.Failure is null ? 0 : 1;
            }

            Write(io, config, display, json, output);
        });
        io.Out.Flush();
        if (html is not null)
        {
            DiagramsCommand.WritePage(page!, StoryCatalog.Of(parsed, [.. steps!]), "--html", timeout, io.Cancellation);
        }

        if (!json)
        {
            io.Out.WriteLine(failures == 0
                ? $"{display}: {expects} expects hold"
                : $"{display}: {failures} of {expects} expects failed");
        }

        return failures == 0 ? Cli.Success : Cli.CheckFailed;
    }

    private static void Write(CliIo io, PairConfig config, string display, bool json, ScenarioOutput output)
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
