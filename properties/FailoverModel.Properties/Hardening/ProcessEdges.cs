using System.Text;
using System.Text.RegularExpressions;

namespace FailoverModel.Properties.Hardening;

/// <summary>
/// The process's edges as a shell, a terminal or a careless caller leaves them: standard streams closed or full, a
/// locale that is not UTF-8, a terminal that cannot move its cursor, control characters in inputs, and words the
/// command line or a trace should not take. Each runs <c>failover-model</c> as a process of its own.
/// </summary>
public class ProcessEdges
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30);

    private static readonly string Scenario = RepositoryFiles.Path("tests", "bad-configs", "any.scenario");

    [Theory]
    [InlineData("oracle", "serve")]
    [InlineData("oracle", "check", "-")]
    public void AClosedStandardInputIsBadUsageNotAHang(params string[] args)
    {
        var outcome = CliProcess.Shell(args, "<&-", TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches("^failover-model: standard input is closed", outcome.Err);
    }

    /// <summary>An empty standard input is not a closed one: a session with no request ends at once, exit 0.</summary>
    [Fact]
    public void AnEmptyStandardInputEndsAServeSessionCleanly()
    {
        var outcome = CliProcess.Shell(["oracle", "serve"], "</dev/null", TimeBound);

        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.Equal("", outcome.Err);
    }

    /// <summary>An error line that cannot be written (standard error closed or full) leaves the exit code to say what happened; no abort.</summary>
    [Theory]
    [InlineData("2>&-")]
    [InlineData("2>/dev/full")]
    public void AFailingStandardErrorKeepsTheExitCode(string redirection)
    {
        var missing = CliProcess.Shell(["run", "/nonexistent/x.scenario"], redirection, TimeBound);
        Assert.True(missing.Exit == 2, missing.ToString());

        var progress = CliProcess.Shell(["check", "--runs", "2000", "--length", "40"], redirection, TimeBound);
        Assert.True(progress.Exit == 0, progress.ToString());
    }

    [Fact]
    public void AFullStandardOutputIsNamedOnStandardError()
    {
        var outcome = CliProcess.Shell(["outage"], ">/dev/full", TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches("^failover-model: cannot write to standard output: No space left on device\n$", outcome.Err);
    }

    /// <summary>A Latin-1 locale does not change what is written: JSON answers are UTF-8 whatever LANG says.</summary>
    [Fact]
    public void OutputIsUtf8WhateverTheLocale()
    {
        var latin1 = new Dictionary<string, string> { ["LANG"] = "en_US.ISO-8859-1", ["LC_ALL"] = "en_US.ISO-8859-1" };
        var outcome = CliProcess.Run(["oracle", "serve"], stdin: "{\"event\": \"power-on prïmary\"}\n", limit: TimeBound, environment: latin1);

        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.Contains("prïmary", outcome.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// On a terminal (a pseudo-terminal from <c>script</c>) the live progress moves the cursor; with <c>TERM=dumb</c> it
    /// is plain lines, as in a pipe.
    /// </summary>
    [Fact]
    public void ADumbTerminalGetsNoEscapeSequences()
    {
        Assert.True(File.Exists("/usr/bin/script"), "util-linux's script gives the command a terminal: apt-get install bsdutils");

        string OnTerminal(string term) => CliProcess.OnTerminal(term, ["check", "--runs", "3000", "--length", "60", "--seed", "1"], TimeBound).Out;

        Assert.Contains("\u001b[", OnTerminal("xterm"), StringComparison.Ordinal);
        var dumb = OnTerminal("dumb");
        Assert.Contains("no invariant violated", dumb, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", dumb, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("power-on primary\nprimary: hostname a\u001b[2Jb\n", @"x\.scenario:2:20: a control character \(U\+001B\)")]
    [InlineData("power-on primary\n# \u001b]0;title\u0007\n", @"x\.scenario:2:3: a control character \(U\+001B\)")]
    [InlineData("power-on primary\u0007\n", @"x\.scenario:1:17: a control character \(U\+0007\)")]
    public void AControlCharacterInAScenarioIsRefusedAtItsPlace(string text, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        File.WriteAllText(Path.Combine(folder, "x.scenario"), text);

        var outcome = CliProcess.Run(["run", Path.Combine(folder, "x.scenario")], limit: TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches(expected, outcome.Err);
        Assert.DoesNotContain("\u001b", outcome.Err + outcome.Out, StringComparison.Ordinal);
    }

    /// <summary>What a trace or an argument carries is echoed with its control characters escaped, never sent to the terminal.</summary>
    [Fact]
    public void ControlCharactersFromATraceOrAnArgumentAreEscapedInMessages()
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        var trace = Path.Combine(folder, "t.jsonl");
        File.WriteAllText(trace, "{\"event\": \"power-on \\u001b]0;pwned\\u0007primary\"}\n");

        var fromTrace = CliProcess.Run(["oracle", "check", trace], limit: TimeBound);
        Assert.True(fromTrace.Exit == 2, fromTrace.ToString());
        Assert.Contains("\\u001B]0;pwned\\u0007", fromTrace.Err, StringComparison.Ordinal);

        var fromArgument = CliProcess.Run(["show", Scenario, "prim\u001b[2Jary", "failover"], limit: TimeBound);
        Assert.True(fromArgument.Exit == 2, fromArgument.ToString());
        Assert.Contains("\\u001B[2J", fromArgument.Err, StringComparison.Ordinal);

        foreach (var outcome in new[] { fromTrace, fromArgument })
        {
            Assert.DoesNotMatch("[\u0000-\u0008\u000b-\u001f\u007f]", outcome.Err + outcome.Out);
        }
    }

    /// <summary>A line of exactly the limit is accepted whether it ends in LF or CR LF: the CR is the line's end, not part of it.</summary>
    [Fact]
    public void TheCarriageReturnOfACrLfDoesNotCountTowardTheLineLimit()
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        var comment = "#" + new string('x', 255);
        File.WriteAllText(Path.Combine(folder, "crlf.scenario"), $"power-on primary\r\n{comment}\r\n");
        File.WriteAllText(Path.Combine(folder, "long.scenario"), $"power-on primary\r\n{comment}x\r\n");
        File.WriteAllText(Path.Combine(folder, "crlf.jsonl"), "{\"event\": \"power-on primary\", \"step\": 1}".PadRight(256) + "\r\n");
        File.WriteAllText(Path.Combine(folder, "long.jsonl"), "{\"event\": \"power-on primary\", \"step\": 1}".PadRight(257) + "\r\n");

        Assert.Equal(0, CliProcess.Run(["run", "--max-line-length", "256", Path.Combine(folder, "crlf.scenario")], limit: TimeBound).Exit);
        Assert.Equal(0, CliProcess.Run(["oracle", "check", "--max-line-length", "256", Path.Combine(folder, "crlf.jsonl")], limit: TimeBound).Exit);

        var longScenario = CliProcess.Run(["run", "--max-line-length", "256", Path.Combine(folder, "long.scenario")], limit: TimeBound);
        Assert.True(longScenario.Exit == 2, longScenario.ToString());
        Assert.Matches(@"long\.scenario:2:257: the line is longer than 256", longScenario.Err);
        var longTrace = CliProcess.Run(["oracle", "check", "--max-line-length", "256", Path.Combine(folder, "long.jsonl")], limit: TimeBound);
        Assert.True(longTrace.Exit == 2, longTrace.ToString());
        Assert.Matches(@"long\.jsonl:1:257: the line is longer than 256", longTrace.Err);
    }

    [Theory]
    [InlineData("{\"event\": \"power-on primary\", \"step\": 1.5}", "\"step\" is a whole number")]
    [InlineData("{\"event\": \"power-on primary\", \"line\": 7.25}", "\"line\" is a whole number")]
    [InlineData("{\"event\": \"power-on primary\", \"case\": {}}", "\"case\" is a whole number or a string")]
    [InlineData("{\"event\": \"power-on primary\", \"case\": [1]}", "\"case\" is a whole number or a string")]
    [InlineData("{\"event\": \"power-on primary\", \"case\": null}", "\"case\" is a whole number or a string")]
    public void ATraceLineWithAMetaFieldOfTheWrongKindIsRefused(string line, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        File.WriteAllText(Path.Combine(folder, "t.jsonl"), line + "\n");

        var outcome = CliProcess.Run(["oracle", "check", Path.Combine(folder, "t.jsonl")], limit: TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches("t\\.jsonl:1:1: " + Regex.Escape(expected), outcome.Err);
    }

    [Theory]
    [InlineData(new[] { "--version", "extra" }, "^failover-model: --version takes no other argument")]
    [InlineData(new[] { "explore", "--with", "" }, "^failover-model: --with: an empty part")]
    [InlineData(new[] { "explore", "--with", "configure,,connect" }, "^failover-model: --with: an empty part")]
    [InlineData(new[] { "check", "--runs", "abc" }, "^failover-model: --runs: 'abc' is not a whole number")]
    [InlineData(new[] { "explore", "--max-states", "99999999999999999999" }, "^failover-model: --max-states: '99999999999999999999' is not a whole number")]
    [InlineData(new[] { "oracle", "check", "x.jsonl", "--reproducer-time", "7200" }, "^failover-model: --reproducer-time must be from 0 to 3,600, not 7,200")]
    public void CommandLinesTheToolShouldNotTakeAreRefusedInItsOwnWords(string[] args, string expected)
    {
        var outcome = CliProcess.Run(args, limit: TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches(expected, outcome.Err);
        Assert.DoesNotContain("System.", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ACopyCommandWithWordsAfterItIsRefusedAtTheFirstOfThem()
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        File.WriteAllText(Path.Combine(folder, "c.scenario"), "power-on primary\nprimary: copy running-config startup-config extra\n");

        var outcome = CliProcess.Run(["run", Path.Combine(folder, "c.scenario")], limit: TimeBound);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Matches(@"c\.scenario:2:45: 'copy running-config startup-config' takes nothing after it", outcome.Err);
        Assert.Equal(0, CliProcess.Run(["run", Scenario], limit: TimeBound).Exit);
    }

    /// <summary>The replay page keeps a statement's text inside its JSON: no "&lt;" there can end the script element.</summary>
    [Fact]
    public void AStatementWithMarkupStaysInsideTheReplayPagesData()
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        File.WriteAllText(Path.Combine(folder, "p.scenario"), "power-on primary\nprimary: hostname x<!--<script></script>&\n");
        var page = Path.Combine(folder, "p.html");

        var outcome = CliProcess.Run(["run", Path.Combine(folder, "p.scenario"), "--html", page], limit: TimeSpan.FromSeconds(60));

        Assert.True(outcome.Exit == 0, outcome.ToString());
        var html = File.ReadAllText(page, Encoding.UTF8);
        var data = Regex.Match(html, "<script id=\"steps\" type=\"application/json\">\n(.*?)\n</script>", RegexOptions.Singleline);
        Assert.True(data.Success, "the page's data block");
        Assert.DoesNotContain("<", data.Groups[1].Value, StringComparison.Ordinal);
        using var steps = System.Text.Json.JsonDocument.Parse(data.Groups[1].Value);
        Assert.Contains("hostname x<!--<script></script>&", steps.RootElement.GetRawText().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal).Replace("\\u0026", "&", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// A gzip trace of 400 events of close to a mebibyte each: a command that long is refused at once, and a case of
    /// long failover group sub-modes (each line short) is checked within the memory bound, its reproducer kept only as
    /// far as the case's character budget.
    /// </summary>
    [Fact]
    public void LongEventsAreRefusedOrCheckedWithinTheMemoryBound()
    {
        var folder = Directory.CreateTempSubdirectory("fm-edges-").FullName;
        string Trace(string name, string @event)
        {
            var path = Path.Combine(folder, name);
            using var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest);
            using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
            writer.Write("{\"case\": 1, \"event\": \"power-on primary secondary\"}\n");
            var line = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["case"] = 1, ["event"] = @event });
            for (var i = 0; i < 400; i++)
            {
                writer.Write(line);
                writer.Write('\n');
            }

            return path;
        }

        var hostname = CliProcess.Run(["oracle", "check", Trace("hostname.jsonl.gz", "primary: hostname " + new string('h', 1_000_000))], limit: TimeBound);
        Assert.True(hostname.Exit == 2, hostname.ToString());
        Assert.Matches(@"hostname\.jsonl\.gz:2:1: .*a command of 1,000,0\d\d characters: the model takes commands of at most 4,096", hostname.Err);

        var modes = CliProcess.Run(["oracle", "check", Trace("modes.jsonl.gz", "primary: failover group 1" + string.Concat(Enumerable.Repeat("\n  preempt", 80_000)))], limit: TimeSpan.FromSeconds(90));
        Assert.True(modes.Exit == 0, modes.ToString());
        Assert.True(modes.PeakBytes < CliProcess.MemoryBound, modes.ToString());
    }

    /// <summary>A lock-step session of requests carrying a syslog line of nearly a mebibyte each stays within the memory bound.</summary>
    [Fact]
    public void ServeAnswersLongDeviceLinesWithinTheMemoryBound()
    {
        var syslog = "%ASA-1-104001: (Primary) Switching to ACTIVE - " + new string('y', 1_000_000);
        var request = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event"] = "power-off primary",
            ["device"] = new Dictionary<string, object> { ["primary"] = new Dictionary<string, object> { ["syslog"] = new[] { syslog } } },
        });
        var stdin = "{\"event\": \"power-on primary secondary\"}\n" + string.Concat(Enumerable.Repeat(request + "\n", 20));

        var outcome = CliProcess.Run(["oracle", "serve"], stdin: stdin, limit: TimeSpan.FromSeconds(60), tailOnly: true);

        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.True(outcome.PeakBytes < CliProcess.MemoryBound, outcome.ToString());
    }
}
