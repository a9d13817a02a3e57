using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Hardening;

/// <summary>
/// Bad input gets a clean answer: exit 2 with one <c>file:line:col: message</c> line, never an internal error, never a
/// hang. Inputs are random bytes, truncations and mutations of the real scenario files. <c>FAILOVER_SOAK=1</c> runs
/// a hundred times more cases.
/// </summary>
public class InputFuzzing
{
    private static readonly int Cases = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1" ? 20_000 : 200;

    private static readonly string[] RealScenarios =
        [.. Directory.GetFiles(RepositoryFiles.Path("tests", "scenarios"), "*.scenario").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>Words of the scenario language, so that mutations reach deep into the parser rather than fail on the first word.</summary>
    private static readonly string[] Vocabulary =
    [
        "power-on", "power-off", "crash", "hardware-fail", "replace", "interface-down", "interface-up", "link-down", "link-up",
        "primary", "secondary", "primary:", "secondary:", "primary/context1:", "expect", "group", "1", "2", "3", "0", "-1",
        "99999999999", "active-on", "both", "none", "failover", "no", "active", "reset", "write", "memory", "standby", "all",
        "preempt", "interface-policy", "50%", "101%", "\"Standby Ready\"", "\"", "#", "step", "advance", "show", "state",
        "context1/inside", "context9/x", "syslog", "row", "note", "config", "\t", "  ", "\n", "\r\n", "\u00e9", "\0",
    ];

    [Fact]
    public void RandomBytesAsAScenarioGetACleanAnswer() =>
        Check(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => bytes));

    [Fact]
    public void MutatedRealScenariosGetACleanAnswer() =>
        Check(from text in Gen.Elements(RealScenarios)
              from count in Gen.Choose(1, 6)
              from edits in Gen.ListOf(Edit(), count)
              select Encoding.UTF8.GetBytes(edits.Aggregate(text, (t, edit) => edit(t))));

    [Fact]
    public void TruncatedRealScenariosGetACleanAnswer() =>
        Check(from text in Gen.Elements(RealScenarios)
              from cut in Gen.Choose(0, text.Length)
              select Encoding.UTF8.GetBytes(text[..cut]));

    /// <summary>The seed's LAN-based system configuration with random edits, read through '--config'.</summary>
    [Fact]
    public void MutatedRealConfigurationsGetACleanAnswer()
    {
        var folder = RepositoryFiles.Path("tests", "configs", "lan");
        var text = File.ReadAllText(Path.Combine(folder, "pix1.cfg"));
        string[] words = ["failover", "group", "3", "join-failover-group", "standby", "10.1.0.9", "msec", "polltime", "unit", "interface", "ip", "255.255", "!", "  ", "\n", "context", "admin-context", "\0"];
        var property = Prop.ForAll(
            Arb.From(from count in Gen.Choose(1, 5)
                     from edits in Gen.ListOf(from word in Gen.Elements(words) from at in Gen.Choose(0, 100_000) select (word, at), count)
                     select edits.Aggregate(text, (t, e) => t.Insert(e.at % (t.Length + 1), e.word.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\0", "\0", StringComparison.Ordinal)))),
            mutated =>
            {
                // Beside the real context files, so config-url resolves as it does for a user.
                var path = Path.Combine(folder, $"fuzz-{Guid.NewGuid():N}.cfg");
                File.WriteAllText(path, mutated);
                try
                {
                    var (exit, error) = Invoke(["run", RepositoryFiles.Path("tests", "bad-configs", "any.scenario"), "--config", path]);
                    return (exit is 0 or 1 || (exit == 2 && error.TrimEnd('\n').Split('\n').Length == 1 && error.Contains(":", StringComparison.Ordinal))).Label($"exit {exit}: {error}");
                }
                finally
                {
                    File.Delete(path);
                }
            });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    /// <summary>A real trace (the model's own vectors, a lock-step session's requests) with random edits, read by 'oracle check' and 'oracle serve'.</summary>
    [Fact]
    public void MutatedTracesGetACleanAnswer()
    {
        var vectors = new StringWriter();
        FailoverModel.Cli.Cli.Invoke(["oracle", "vectors", "--events", "power-on,power-off,interface,failover-active"], vectors, TextWriter.Null);
        var lines = vectors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(60).ToArray();
        string[] words = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-1", "\"event\"", "\"settle\"", "\"case\"", "\"groups\"", "\"1\"", "\"wait 5s\"", "\"wait 99999999999h\"", "\\u0000", "\n", "\u00e9", "\0"];
        var property = Prop.ForAll(
            Arb.From(from count in Gen.Choose(0, 6)
                     from edits in Gen.ListOf(from word in Gen.Elements(words) from at in Gen.Choose(0, 1_000_000) select (word, at), count)
                     from cut in Gen.Choose(0, 100)
                     let text = string.Join('\n', lines)
                     let edited = edits.Aggregate(text, (t, e) => t.Insert(e.at % (t.Length + 1), e.word))
                     select cut < 90 ? edited : edited[..(edited.Length * cut / 100)]),
            trace =>
            {
                var path = Path.Combine(Path.GetTempPath(), $"fuzz-{Guid.NewGuid():N}.jsonl");
                File.WriteAllText(path, trace);
                try
                {
                    var (exit, error) = Invoke(["oracle", "check", path]);
                    var clean = exit is 0 or 1 || (exit == 2 && error.TrimEnd('\n').Split('\n').Length == 1 && error.Contains(".jsonl:", StringComparison.Ordinal));
                    var served = new StringWriter();
                    var serveExit = FailoverModel.Cli.Cli.Invoke(["oracle", "serve"], served, TextWriter.Null, new StringReader(trace));
                    var answers = served.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    var requests = trace.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
                    return (clean && serveExit == 0 && answers.Length == requests && answers.All(a => a.StartsWith("{\"line\":", StringComparison.Ordinal)))
                        .Label($"check exit {exit}: {error}; serve exit {serveExit}, {answers.Length} answers to {requests} requests");
                }
                finally
                {
                    File.Delete(path);
                }
            });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    [Fact]
    public void RandomCommandLinesGetACleanAnswer()
    {
        var scenario = RepositoryFiles.Path("tests", "scenarios", "simultaneous-boot.scenario");
        string[] words = ["run", "--json", "--config", scenario, "/nonexistent", "-x", "--", "run run", "", "--config=", "--json=yes", "oracle", "check", "--events", "teleport", "--format", "xml", "show", "primary", "failover", "outage"];
        var property = Prop.ForAll(
            Arb.From(Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Elements(words), n))),
            args =>
            {
                var (exit, error) = Invoke([.. args]);
                return (exit is 0 or 1 || (exit == 2 && error.TrimEnd('\n').Split('\n').Length == 1))
                    .Label($"exit {exit}: {error}");
            });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    /// <summary>
    /// Commands run as processes under random stream conditions — standard input closed or empty, standard output or
    /// error closed or full, a Latin-1 locale, TERM=dumb — never abort, hang or fail internally: the exit code is the
    /// one the command gives with its streams intact, or 2 with a line naming standard output when that is what failed.
    /// </summary>
    [Fact]
    public void CommandsUnderBrokenStandardStreamsAndLocalesGetACleanAnswer()
    {
        var scenario = RepositoryFiles.Path("tests", "scenarios", "simultaneous-boot.scenario");
        var folder = Directory.CreateTempSubdirectory("fm-fuzz-edges-").FullName;
        var trace = Path.Combine(folder, "t.jsonl");
        File.WriteAllText(trace, "{\"event\": \"power-on primary secondary\", \"groups\": {\"1\": {\"activeOn\": \"primary\"}}}\n");
        string[][] commands = [["run", scenario], ["outage"], ["oracle", "check", trace], ["check", "--runs", "200", "--length", "30"], ["run", "/nonexistent.scenario"], ["oracle", "serve"]];
        string[] stdins = ["", "<&-", "</dev/null"];
        string[] stdouts = ["", ">&-", ">/dev/full", ">/dev/null"];
        string[] stderrs = ["", "2>&-", "2>/dev/full"];
        string[] locales = ["C.UTF-8", "en_US.ISO-8859-1", "POSIX"];
        var baseline = commands.ToDictionary(c => string.Join(' ', c), c => CliProcess.Shell(c, "</dev/null >/dev/null", TimeSpan.FromSeconds(60)).Exit);
        var property = Prop.ForAll(
            Arb.From(from command in Gen.Elements(commands)
                     from stdin in Gen.Elements(stdins)
                     from stdout in Gen.Elements(stdouts)
                     from stderr in Gen.Elements(stderrs)
                     from locale in Gen.Elements(locales)
                     from dumb in Gen.Elements(true, false)
                     select (command, Redirections: $"{stdin} {stdout} {stderr}", locale, dumb)),
            run =>
            {
                var environment = new Dictionary<string, string> { ["LANG"] = run.locale, ["LC_ALL"] = run.locale, ["TERM"] = run.dumb ? "dumb" : "xterm" };
                var outcome = CliProcess.Shell(run.command, run.Redirections, TimeSpan.FromSeconds(60), environment);
                var expected = baseline[string.Join(' ', run.command)];
                var readsStdin = run.command is ["oracle", "serve"];
                var writesStdout = expected != 2 && !run.Redirections.Contains(">/dev/null", StringComparison.Ordinal);
                var stdinClosed = run.Redirections.StartsWith("<&-", StringComparison.Ordinal);
                var stdoutFailed = run.Redirections.Contains(" >&-", StringComparison.Ordinal) || run.Redirections.Contains(" >/dev/full", StringComparison.Ordinal);
                var clean = outcome.Exit == expected
                    || (readsStdin && stdinClosed && outcome.Exit == 2)
                    || (writesStdout && stdoutFailed && outcome.Exit == 2);
                return clean.Label($"{string.Join(' ', run.command)} {run.Redirections} LANG={run.locale} dumb={run.dumb}: expected {expected}, {outcome}");
            });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(24, Cases / 8)).WithQuietOnSuccess(true));
    }

    private static void Check(Gen<byte[]> inputs)
    {
        var property = Prop.ForAll(Arb.From(inputs), bytes =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"fuzz-{Guid.NewGuid():N}.scenario");
            File.WriteAllBytes(path, bytes);
            try
            {
                var (exit, error) = Invoke(["run", path]);
                var clean = exit is 0 or 1 || (exit == 2 && error.StartsWith(path + ":", StringComparison.Ordinal) && error.TrimEnd('\n').Split('\n').Length == 1);
                return clean.Label($"exit {exit}, stderr: {error}");
            }
            finally
            {
                File.Delete(path);
            }
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    private static (int Exit, string Error) Invoke(string[] args)
    {
        var stderr = new StringWriter();
        var task = Task.Run(() => FailoverModel.Cli.Cli.Invoke(args, TextWriter.Null, stderr));
        if (!task.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"failover-model {string.Join(' ', args)} did not finish within 30 s");
        }

        return (task.Result, stderr.ToString());
    }

    private static Gen<Func<string, string>> Edit() => Gen.OneOf(
        from word in Gen.Elements(Vocabulary)
        from at in Gen.Choose(0, 10_000)
        select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), word)),
        from word in Gen.Elements(Vocabulary)
        from at in Gen.Choose(0, 10_000)
        select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), " " + word + " ")),
        from at in Gen.Choose(0, 10_000)
        from length in Gen.Choose(1, 20)
        select (Func<string, string>)(t => t.Length == 0 ? t : t.Remove(at % t.Length, Math.Min(length, t.Length - (at % t.Length)))),
        from line in Gen.Choose(0, 200)
        select (Func<string, string>)(t =>
        {
            var lines = t.Split('\n').ToList();
            var i = line % lines.Count;
            lines.Insert(i, lines[i]);
            return string.Join('\n', lines);
        }));
}
