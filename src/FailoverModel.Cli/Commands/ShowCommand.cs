using System.CommandLine;
using FailoverModel.Asa.Show;
using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>failover-model show [--config F] &lt;scenario&gt; &lt;unit&gt;[/&lt;context&gt;] &lt;show-command&gt;</c>: the show
/// output a unit prints after a scenario, for comparing with a device. The show command is parsed as the scenario
/// statement <c>show &lt;unit&gt; &lt;command&gt;</c> would be, so the two accept exactly the same commands.
/// </summary>
public static class ShowCommand
{
    public static Command Create(CliIo io)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "the scenario file (docs/scenario-language.md) that brings the pair into the state to show" };
        var where = new Argument<string>("unit") { Description = "primary or secondary; primary/<context> for commands entered inside a context" };
        var words = new Argument<string[]>("show-command")
        {
            Description = $"the show command without 'show': {string.Join(", ", ShowCommands.Known)}",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = CommonOptions.Config();
        var command = new Command("show", "Print what a unit's show command prints after a scenario (e.g. show tour.scenario primary failover state).")
        {
            scenario, where, words, config,
        };
        command.SetAction(parse => Run(io, parse.GetRequiredValue(scenario), parse.GetRequiredValue(where), parse.GetRequiredValue(words), parse.GetValue(config)));
        return command;
    }

    public static int Run(CliIo io, FileInfo file, string where, string[] words, FileInfo? configFile)
    {
        var parsed = ScenarioParser.ParseFile(file.FullName, CommonOptions.Load(configFile, io.Limits), ConfigFiles.Within(io.Limits), io.Limits);
        var text = $"show {where} {string.Join(' ', words)}";
        if (text.IndexOfAny(['\n', '\r']) is var at and >= 0)
        {
            throw new InputException("command line", 1, at + 1, "a line break inside the show command: it is one line");
        }

        var statement = ScenarioParser.Parse($"show {where} {string.Join(' ', words)}", "command line", parsed.Config).Statements.OfType<ShowStatement>().Single();
        var lastLine = parsed.Statements.Count == 0 ? 0 : parsed.Statements[^1].Line;
        // Only the last output is the answer: the others are dropped as they are made, but for the expects that failed.
        ScenarioOutput? last = null;
        var failures = new List<ExpectOutput>();
        ScenarioRunner.Stream(parsed with { Statements = [.. parsed.Statements, statement with { Line = lastLine + 1 }] }, new FailoverPair(parsed.Config), output =>
        {
            last = output;
            if (output is ExpectOutput { Failure: not null } failure)
            {
                failures.Add(failure);
            }
        });
        var show = (ShowOutput)last!;
        if (show.Silence is { } silence)
        {
            // A unit that is off has no console: nothing on standard output, the reason on standard error.
            io.Error.WriteLine($"failover-model show: {silence}");
            return Cli.UnitSilent;
        }

        io.Out.Write(show.Text);
        foreach (var failure in failures)
        {
            io.Error.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, file.FullName)}:{failure.Line}: expected {failure.Expectation}, but {failure.Failure}");
        }

        return failures.Count == 0 ? Cli.Success : Cli.CheckFailed;
    }
}
