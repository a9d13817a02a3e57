using FailoverModel.Asa;
using FailoverModel.Oracle;
using FailoverModel.Tests.CommandLine;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// docs/oracle.md: one judgement for the library, <c>oracle check</c> and <c>oracle serve</c>; the syslog diff and its
/// order; timing judged against the model's bounds.
/// </summary>
public class JudgementTests
{
    private const string Boot = """{"event": "power-on primary secondary"}""";

    [Fact]
    public void TheLibraryJudgesAStepAsTheCheckerDoes()
    {
        var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
        oracle.Apply("power-on primary secondary");
        var seen = new Observation();
        seen.Groups[1] = new GroupObservation { ActiveOn = "primary" };

        var verdict = oracle.Judge(oracle.Apply("power-off primary"), seen);
        var check = CliRun.Run(["oracle", "check", "-"], Boot + "\n" + """{"event": "power-off primary", "groups": {"1": {"activeOn": "primary"}}}""" + "\n");

        var divergence = Assert.Single(verdict.Divergences);
        Assert.Equal("groups.1.activeOn: the model has \"secondary\", the trace \"primary\"", divergence.Message);
        Assert.Equal(global::FailoverModel.Cli.Cli.CheckFailed, check.Exit);
        Assert.StartsWith($"stdin:2: diverges at step 2 (power-off primary): {divergence.Message}\n", check.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadLines() =>
    [
        """{"event": "power-on primary", "colour": "red"}""",
        """{"event": "power-on primary", "groups": {"3": {"activeOn": "primary"}}}""",
        """{"event": "power-on primary", "views": {"primary": {"contact": 1}}}""",
        """{"event": "power-on primary", "event": "power-off primary"}""",
        """{"event": "power-on primary"} {}""",
    ];

    /// <summary>What <c>check</c> stops at with exit 2, <c>serve</c> answers with the same message, and goes on.</summary>
    [Theory]
    [MemberData(nameof(BadLines))]
    public void CheckAndServeJudgeABadLineTheSameWay(string line)
    {
        var check = CliRun.Run(["oracle", "check", "-"], line + "\n");
        var serve = CliRun.Run(["oracle", "serve"], line + "\n" + Boot + "\n");

        Assert.Equal(global::FailoverModel.Cli.Cli.BadInput, check.Exit);
        var message = check.Err.Trim()["stdin:1:".Length..];
        message = message[(message.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var answers = serve.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, serve.Exit);
        Assert.Equal(LockStep.Error(1, message), answers[0]);
        Assert.StartsWith("{\"line\":2,\"step\":1,", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ServeAnswersADivergenceWithTheCheckersMessage()
    {
        var serve = CliRun.Run(["oracle", "serve"], Boot + "\n" + """{"event": "power-off primary", "views": {"secondary": {"contact": "hellos"}}}""" + "\n");

        var answer = serve.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains("\"views\":{\"primary\":{\"contact\":\"not-detected\"", answer, StringComparison.Ordinal);
        Assert.EndsWith("\"verdict\":{\"conforms\":false,\"divergences\":[{\"field\":\"views.secondary.contact\",\"expected\":\"\\\"failed\\\"\",\"observed\":\"\\\"hellos\\\"\",\"message\":\"views.secondary.contact: the model has \\\"failed\\\", the trace \\\"hellos\\\"\"}]}}", answer, StringComparison.Ordinal);
    }

    /// <summary>Two messages swapped are one moved message, not a line per position; in any order they conform.</summary>
    [Fact]
    public void AMovedMessageIsReportedOnceAndConformsInAnyOrder()
    {
        var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
        oracle.Apply("power-on primary secondary");
        var step = oracle.Apply("power-off primary");
        var logged = step.Messages.Select(m => new SyslogObservation(m.Unit.ToString().ToLowerInvariant(), m.Id, m.Text, m.Group?.Number)).ToList();
        (logged[0], logged[2]) = (logged[2], logged[0]);
        var seen = new Observation { Syslog = logged };

        var inOrder = oracle.Judge(step, seen);
        var anyOrder = new OracleSession(BuiltInConfigurations.SeedLanExample, SyslogOrder.Any).Judge(step, seen);

        Assert.True(step.Messages.Count >= 5, $"{step.Messages.Count} messages");
        Assert.Equal([DivergenceKind.Moved, DivergenceKind.Moved], inOrder.Divergences.Select(d => d.Kind));
        Assert.StartsWith("syslog[0]: moved: the model logs {\"unit\":\"secondary\",\"id\":105005", inOrder.Divergences[0].Message, StringComparison.Ordinal);
        Assert.True(anyOrder.Conforms);
    }

    [Fact]
    public void MissingExtraAndAWrongTextAreToldApart()
    {
        var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
        oracle.Apply("power-on primary secondary");
        var step = oracle.Apply("power-off primary");
        var logged = step.Messages.Select(m => new SyslogObservation(m.Unit.ToString().ToLowerInvariant(), m.Id, m.Text, m.Group?.Number)).ToList();
        logged.RemoveAt(1);
        logged[1] = logged[1] with { Text = "(Secondary) Switching to ACTIVE - something else." };
        logged.Add(new SyslogObservation("primary", 104002));

        var kinds = oracle.Judge(step, new Observation { Syslog = logged }).Divergences.Select(d => (d.Kind, d.Field)).ToList();

        Assert.Equal([(DivergenceKind.Missing, "syslog[1]"), (DivergenceKind.Value, "syslog[1].text"), (DivergenceKind.Extra, $"syslog[{logged.Count - 1}]")], kinds);
    }

    [Theory]
    [InlineData(52_000, true)]
    [InlineData(45_000, true)]
    [InlineData(61_000, true)]
    [InlineData(44_000, false)]
    [InlineData(75_000, false)]
    public void ATakeoverIsJudgedAgainstTheHoldtimeAndThePoll(long at, bool conforms)
    {
        var trace = """{"case": 1, "event": "power-on primary secondary", "at": 0}""" + "\n"
            + """{"case": 1, "event": "power-off primary", "at": AT, "groups": {"1": {"activeOn": "secondary"}}}""".Replace("AT", at.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n";

        var verdict = new TraceChecker(BuiltInConfigurations.SeedLanExample).Check(new StringReader(trace), "t");

        Assert.Equal(conforms, verdict.Divergence is null);
        if (!conforms)
        {
            var field = Assert.Single(verdict.Divergence!.Fields);
            Assert.Equal($"at: the model allows 45000..61000 ms after the previous line, the trace has {at} ms", field.Message);
        }
    }
}
