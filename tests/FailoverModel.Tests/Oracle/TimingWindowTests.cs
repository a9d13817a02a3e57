using System.Globalization;
using FailoverModel.Asa;
using FailoverModel.Oracle;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// The oracle's timing windows (docs/oracle.md, "Timing"): the table there is the one the code judges with, and a
/// device at each edge of each window is judged as the table says — at the least and at the most (with ASA's
/// one-second chain) it conforms, a millisecond outside either it diverges, naming the window.
/// </summary>
public class TimingWindowTests
{
    private static readonly Topology.PairConfig Seed = BuiltInConfigurations.SeedLanExample;

    [Fact]
    public void TheDocumentedTableIsTheOneTheOracleJudgesWith()
    {
        var path = RepositoryFiles.Path("docs", "oracle.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf("| the step's timer |", StringComparison.Ordinal);
        var end = doc.IndexOf("\n\n", start, StringComparison.Ordinal) + 1;
        var table = StepTiming.Table(Seed.Timers);
        if (Environment.GetEnvironmentVariable("FAILOVER_BLESS") == "1")
        {
            File.WriteAllText(path, doc[..start] + table + doc[end..]);
            doc = File.ReadAllText(path);
        }

        Assert.Equal(table, doc[start..end]);
    }

    /// <summary>Each window with a trigger of its own: the lines before the judged one, the judged event, and the window's row.</summary>
    public static TheoryData<string, string, string> Steps() => new()
    {
        { "silent mate", "power-on primary secondary", "power-off primary" },
        { "startup", "", "power-on primary" },
        { "hello", "power-on primary", "power-on secondary" },
        { "interface holdtime", "power-on primary secondary", "interface-down primary context1/inside" },
        { "interface poll", "power-on primary secondary\ninterface-down primary context1/inside", "interface-up primary context1/inside" },
        { "untimed", "power-on primary secondary", "link-down state" },
        { "wait", "power-on primary secondary", "wait 30s" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void ADeviceAtEachEdgeOfAWindowIsJudgedAsTheTableSays(string window, string setup, string judged)
    {
        var t = Seed.Timers;
        var (least, most) = window switch
        {
            "silent mate" => (StepTiming.SilentMate.LeastMs!(t), StepTiming.SilentMate.MostMs!(t)),
            "startup" => (StepTiming.Startup.LeastMs!(t), StepTiming.Startup.MostMs!(t)),
            "hello" => (StepTiming.Hello.LeastMs!(t), StepTiming.Hello.MostMs!(t)),
            "interface holdtime" => (StepTiming.InterfaceHold.LeastMs!(t), StepTiming.InterfaceHold.MostMs!(t)),
            "interface poll" => (StepTiming.InterfacePoll.LeastMs!(t), StepTiming.InterfacePoll.MostMs!(t)),
            "untimed" => (StepTiming.Untimed.LeastMs!(t), StepTiming.Untimed.MostMs!(t)),
            _ => (30_000L, 30_000L),
        };
        most += StepTiming.ChainMs;

        foreach (var (took, conforms) in new[] { (least - 1, false), (least, true), (most, true), (most + 1, false) })
        {
            if (took < 0)
            {
                continue;
            }

            var verdict = new TraceChecker(Seed).Check(new StringReader(Trace(setup, judged, took)), "t");
            Assert.True(conforms == (verdict.Divergence is null), $"{window}: {took} ms: {verdict.Divergence?.Fields[0].Message}");
            if (!conforms)
            {
                Assert.Equal($"at: the model allows {least}..{most} ms after the previous line, the trace has {took} ms", verdict.Divergence!.Fields[0].Message);
            }
        }
    }

    /// <summary>
    /// The setup's lines at the times the model itself takes for them (its polls on the clock's zero, within every
    /// window), a wait that lets anything pending settle, then the judged event <paramref name="took"/> after it.
    /// </summary>
    private static string Trace(string setup, string judged, long took)
    {
        var model = new OracleSession(Seed);
        var lines = new List<string>();
        var events = setup.Split('\n', StringSplitOptions.RemoveEmptyEntries).Append("wait 120s").Prepend("wait 1s");
        foreach (var e in events)
        {
            model.Apply(e);
            lines.Add(Line(e, model.State.NowMs));
        }

        lines.Add(Line(judged, model.State.NowMs + took));
        return string.Join('\n', lines) + "\n";
    }

    private static string Line(string @event, long at) =>
        "{\"case\": 1, \"event\": \"" + @event + "\", \"at\": " + at.ToString(CultureInfo.InvariantCulture) + "}";
}
