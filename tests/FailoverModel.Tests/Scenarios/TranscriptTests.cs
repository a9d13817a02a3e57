using System.Text;
using System.Text.Json;
using FailoverModel.Asa;
using FailoverModel.Cli.Commands;
using FailoverModel.Pair;
using FailoverModel.Scenarios;

namespace FailoverModel.Tests.Scenarios;

/// <summary>
/// The full transcript of every scenario — each internal step the pair took, the table rows it exercised, every group
/// change with ASA's reason, every syslog message and note, and the snapshot JSON after each event — pinned in
/// <c>tests/golden/transcripts</c>. The scenarios' expects check what the seed says; the transcripts make every other
/// observable difference (a reason, a message's wording, a note, a JSON field) a reviewed change: set
/// <c>FAILOVER_BLESS=1</c> to rewrite them, and read the diff before committing it.
/// </summary>
public class TranscriptTests
{
    public static TheoryData<string> ScenarioFiles() => ScenarioFileTests.ScenarioFiles();

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void TheScenarioTranscriptIsTheReviewedOne(string name)
    {
        var path = RepositoryFiles.Path("tests", "scenarios", name);
        var scenario = ScenarioParser.ParseFile(path, BuiltInConfigurations.SeedLanExample, ConfigFiles.Loader);
        var transcript = Transcript(ScenarioRunner.Run(scenario));
        var golden = RepositoryFiles.Path("tests", "golden", "transcripts", Path.ChangeExtension(name, ".txt"));

        if (Environment.GetEnvironmentVariable("FAILOVER_BLESS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, transcript);
        }

        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests once with FAILOVER_BLESS=1 and review it");
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        if (expected != transcript)
        {
            Assert.Fail(FirstDifference(name, expected, transcript));
        }
    }

    [Fact]
    public void EveryTranscriptBelongsToAScenario()
    {
        var scenarios = Directory.GetFiles(RepositoryFiles.Path("tests", "scenarios"), "*.scenario").Select(f => Path.ChangeExtension(Path.GetFileName(f), ".txt")).ToHashSet(StringComparer.Ordinal);
        var transcripts = Directory.GetFiles(RepositoryFiles.Path("tests", "golden", "transcripts"), "*.txt").Select(Path.GetFileName);

        Assert.All(transcripts, t => Assert.Contains(t!, scenarios));
    }

    /// <summary>Every step with everything it did; the state JSON is written after each settled event.</summary>
    public static string Transcript(ScenarioResult result)
    {
        var config = result.Scenario.Config;
        var text = new StringBuilder();
        foreach (var output in result.Outputs)
        {
            switch (output)
            {
                case StepOutput s:
                    text.Append("step ").Append(s.Step).Append(" (line ").Append(s.Line).Append(") at ").Append(s.TimeMs).Append(" ms, outage [")
                        .AppendJoin(", ", s.OutageMs).Append("]\n");
                    foreach (var step in s.Result.Steps)
                    {
                        Append(text, step);
                    }

                    text.Append("  state ").Append(StateJson(config, s.Result.State)).Append('\n');
                    break;
                case ExpectOutput e:
                    text.Append("expect (line ").Append(e.Line).Append(") ").Append(e.Expectation).Append(e.Failure is null ? ": holds" : ": " + e.Failure).Append('\n');
                    break;
                case ShowOutput show:
                    text.Append("show (line ").Append(show.Line).Append(") ").Append(show.Statement).Append('\n');
                    foreach (var line in (show.Silence is { } silence ? $"({silence})" : show.Text).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
                    {
                        text.Append("  | ").Append(line).Append('\n');
                    }

                    break;
                default:
                    throw new InvalidOperationException($"an output the transcript does not know: {output}");
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, StepResult step)
    {
        text.Append("  ").Append(step.Event).Append(step.Changed ? "" : " (no change)").Append('\n');
        if (!step.Rows.IsEmpty)
        {
            text.Append("    rows ").AppendJoin(", ", step.Rows.Select(r => (int)r)).Append('\n');
        }

        foreach (var c in step.Changes)
        {
            text.Append("    change ").Append(c.Unit).Append(" group ").Append(c.Group).Append(": ").Append(c.From).Append(" -> ").Append(c.To)
                .Append(" (").Append(c.Reason).Append(")\n");
        }

        foreach (var m in step.Messages)
        {
            text.Append("    log ").Append(m).Append('\n');
        }

        foreach (var n in step.Notes)
        {
            text.Append("    note ").Append(n).Append('\n');
        }
    }

    private static string StateJson(Topology.PairConfig config, PairState state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            PairStateJson.WriteStateMembers(w, config, state);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FirstDifference(string name, string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var want = i < e.Length ? e[i] : "<end>";
            var got = i < a.Length ? a[i] : "<end>";
            if (want != got)
            {
                return $"{name}: transcript line {i + 1} differs\n  reviewed: {want}\n  now:      {got}";
            }
        }

        return $"{name}: transcripts differ";
    }
}
