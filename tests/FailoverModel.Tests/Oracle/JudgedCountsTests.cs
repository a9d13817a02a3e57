using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using FailoverModel.Asa;
using FailoverModel.Topology;
using FailoverModel.Oracle;
using FailoverModel.Tests.CommandLine;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// What a verdict says was judged (docs/oracle.md, "oracle check"): steps read, states compared, steps timed and not
/// timed, each counted apart; a timed suite's trace without its clock is refused unless <c>--untimed</c> says so.
/// </summary>
public class JudgedCountsTests
{
    private static readonly PairConfig Config = BuiltInConfigurations.SeedLanExample;

    [Fact]
    public void ALineWithOnlyAtIsTimedButNoStateCompared()
    {
        var trace = """{"case": 1, "event": "power-on primary secondary", "at": 0}""" + "\n"
            + """{"case": 1, "event": "power-off primary", "at": 52000, "groups": {"1": {"activeOn": "secondary"}}}""" + "\n"
            + """{"case": 1, "event": "wait 10s", "at": 62000}""" + "\n";

        var verdict = new TraceChecker(Config).Check(new StringReader(trace), "t");

        Assert.Null(verdict.Divergence);
        Assert.Equal((3L, 1L, 2L, 0L), (verdict.Steps, verdict.Compared, verdict.TimedSteps, verdict.UntimedSteps));
    }

    [Fact]
    public void AnUntimedTraceCountsItsStepsAsNotTimed()
    {
        var trace = """{"case": 1, "event": "power-on primary secondary"}""" + "\n"
            + """{"case": 1, "event": "power-off primary", "groups": {"1": {"activeOn": "secondary"}}}""" + "\n"
            + """{"case": 2, "event": "power-on primary secondary", "groups": {"1": {"activeOn": "primary"}}}""" + "\n"
            + """{"case": 2, "event": "power-off secondary"}""" + "\n";

        var verdict = new TraceChecker(Config).Check(new StringReader(trace), "t");

        Assert.Null(verdict.Divergence);
        Assert.Equal((4L, 2L, 2L, 0L, 2L), (verdict.Steps, verdict.Cases, verdict.Compared, verdict.TimedSteps, verdict.UntimedSteps));
    }

    /// <summary>A case carries <c>at</c> on every line or on none (docs/decisions.md): a mixed case is bad input at the line where it changes.</summary>
    [Theory]
    [InlineData("""{"case": 1, "event": "power-on primary secondary"}""", """{"case": 1, "event": "power-off primary", "at": 52000}""", "the line has \"at\" and an earlier line of its case has none")]
    [InlineData("""{"case": 1, "event": "power-on primary secondary", "at": 0}""", """{"case": 1, "event": "power-off primary"}""", "the line has no \"at\" and the lines before it in its case have one")]
    public void ACaseThatTimesSomeOfItsLinesIsBadInputAtTheFirstLineThatDiffers(string first, string second, string message)
    {
        var trace = first + "\n" + second + "\n";

        var e = Assert.Throws<InputException>(() => new TraceChecker(Config).Check(new StringReader(trace), "t"));

        Assert.Equal(2, e.Line);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachCaseChoosesForItself()
    {
        var trace = """{"case": 1, "event": "power-on primary secondary", "at": 0}""" + "\n"
            + """{"case": 1, "event": "power-off primary", "at": 52000}""" + "\n"
            + """{"case": 2, "event": "power-on primary secondary"}""" + "\n"
            + """{"case": 2, "event": "power-off primary"}""" + "\n";

        var verdict = new TraceChecker(Config).Check(new StringReader(trace), "t");

        Assert.Null(verdict.Divergence);
        Assert.Equal((1L, 1L), (verdict.TimedSteps, verdict.UntimedSteps));
    }

    /// <summary>
    /// <c>oracle serve</c> takes each request as it comes: a request without <c>at</c> ends the run of timed requests, so
    /// the next <c>at</c> starts the clock again instead of being measured across the untimed step.
    /// </summary>
    [Fact]
    public void ServeStartsTheClockAgainAfterARequestWithoutAt()
    {
        var session = new LockStep(Config);
        session.Answer("""{"event": "power-on primary secondary", "at": 0}""", 1);
        session.Answer("""{"event": "power-off primary"}""", 2);

        var answer = session.Answer("""{"event": "wait 10s", "at": 70000, "groups": {"1": {"activeOn": "secondary"}}}""", 3);
        var next = session.Answer("""{"event": "wait 10s", "at": 90000, "groups": {"1": {"activeOn": "secondary"}}}""", 4);

        Assert.Contains("\"verdict\":{\"conforms\":true", answer, StringComparison.Ordinal);
        Assert.Contains("at: the model allows 10000..11000 ms after the previous line, the trace has 20000 ms", next, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimedSuiteRequiresAtOnEveryLine()
    {
        var trace = """{"case": 1, "event": "power-on primary secondary", "at": 0}""" + "\n"
            + """{"case": 1, "event": "power-off primary", "at": 52000}""" + "\n"
            + """{"case": 2, "event": "power-on primary secondary"}""" + "\n";

        Assert.Null(new TraceChecker(Config) { TimedSuite = "timed-unit-faults" }.Check(new StringReader(string.Concat(trace.Split('\n').Take(2).Select(l => l + "\n"))), "t").Divergence);
        var e = Assert.Throws<InputException>(() => new TraceChecker(Config) { TimedSuite = "timed-unit-faults" }.Check(new StringReader(trace), "t"));

        Assert.Equal(3, e.Line);
        Assert.Contains("timed suite timed-unit-faults", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The timed suite as written conforms and its summary says how many steps were timed; its events replayed without
    /// <c>at</c> are bad input naming the first line (exit 2), and with <c>--untimed</c> conform with the summary saying so.
    /// </summary>
    [Fact]
    public void OracleCheckRefusesATimedSuiteWithoutItsClockUnlessUntimed()
    {
        var folder = Directory.CreateTempSubdirectory("timed-check-").FullName;
        var (exit, _, error) = CliRun.Run(["oracle", "vectors", "--suites", folder, "--only", "timed-unit-faults"]);
        Assert.True(exit == 0, error);
        var suiteFile = Path.Combine(folder, "12-timed-unit-faults.jsonl.gz");

        var check = CliRun.Run(["oracle", "check", suiteFile]);
        Assert.Equal(0, check.Exit);
        Assert.Equal($"{suiteFile}: conforms: 100 steps in 32 test cases, 100 states compared, 68 steps timed, 0 not timed\n", check.Out);

        // The implementation's trace: the same events and states, written without 'at', under the suite's file name.
        var untimedFolder = Directory.CreateTempSubdirectory("timed-check-").FullName;
        File.Copy(Path.Combine(folder, "manifest.json"), Path.Combine(untimedFolder, "manifest.json"));
        var untimedFile = Path.Combine(untimedFolder, "12-timed-unit-faults.jsonl.gz");
        WriteGzip(untimedFile, string.Concat(ReadGzip(suiteFile).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var line = JsonNode.Parse(l)!.AsObject();
            line.Remove("at");
            return line.ToJsonString() + "\n";
        })));

        var refused = CliRun.Run(["oracle", "check", untimedFile]);
        Assert.Equal(2, refused.Exit);
        Assert.Equal($"{untimedFile}:1:1: the line has no \"at\": the trace is of the timed suite timed-unit-faults, whose every step is judged on its time (--untimed checks it without timing)\n", refused.Err);

        var untimed = CliRun.Run(["oracle", "check", untimedFile, "--untimed"]);
        Assert.Equal(0, untimed.Exit);
        Assert.Equal($"{untimedFile}: conforms: 100 steps in 32 test cases, 100 states compared, 0 steps timed, 68 not timed (--untimed: the timed suite timed-unit-faults without its clock)\n", untimed.Out);

        // Without the manifest beside it the trace is any trace, and the summary still says that no step was timed.
        File.Delete(Path.Combine(untimedFolder, "manifest.json"));
        var bare = CliRun.Run(["oracle", "check", untimedFile]);
        Assert.Equal(0, bare.Exit);
        Assert.EndsWith("0 steps timed, 68 not timed\n", bare.Out, StringComparison.Ordinal);
    }

    private static string ReadGzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void WriteGzip(string path, string text)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
