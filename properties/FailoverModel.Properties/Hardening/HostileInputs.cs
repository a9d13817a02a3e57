using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace FailoverModel.Properties.Hardening;

/// <summary>
/// One case or more for every class of bad input found in hostile-input rounds (configs, context files, scenarios, traces plain and
/// gzip, <c>serve</c>'s stdin, options, output paths), each run as a process of its own and each asserting exit 2, one
/// <c>file:line:col: message</c> line (or <c>failover-model: --option: ...</c> for options and paths), and time and
/// memory bounds. Cases with a random part (where a gzip file is cut, which value is out of range) draw a few variants
/// in the normal run and many with <c>FAILOVER_SOAK=1</c>.
/// </summary>
public class HostileInputs(ITestOutputHelper output)
{
    private readonly ITestOutputHelper _output = output;

    private static readonly bool Soak = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1";
    private static readonly int Variants = Soak ? 40 : 2;

    /// <summary>A few seconds on an idle machine; the bound leaves room for a machine shared with other builds.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(Soak ? 60 : 30);

    private static readonly string Scenario = RepositoryFiles.Path("tests", "bad-configs", "any.scenario");

    [Theory]
    [InlineData("  secondary", "  interface-policy 251", @"pix1\.cfg:57:20: interface-policy must be a number from 1 to 250")]
    [InlineData("  secondary", "  interface-policy 0", @"pix1\.cfg:57:20: interface-policy must be a number from 1 to 250")]
    [InlineData("  secondary", "  interface-policy 101%", @"pix1\.cfg:57:20: interface-policy must be a number from 1 to 100")]
    [InlineData("context context1", "c\u043Entext context1", @"pix1\.cfg:65:1: 'c.ntext' has the non-ASCII letter")]
    [InlineData("failover lan interface LANFailover Ethernet3", "failover lan interface LANFailover", @"pix1\.cfg:49:35: failover lan interface .* the physical interface")]
    [InlineData("admin-context admin", "admin-context nothere", @"pix1\.cfg:61:15: admin-context nothere names no context")]
    [InlineData("config-url flash:/context1.cfg", "config-url flash:/pix1.cfg", @"pix1\.cfg:68:14: config-url of context context1 names the system configuration itself")]
    [InlineData("failover group 1\n", "failover grup 1\n", @"pix1\.cfg:55:10: unknown failover command 'grup': did you mean 'group'")]
    public void NonsenseInTheSystemConfigurationIsRefusedAtItsPlace(string from, string to, string expected)
    {
        var folder = SeedCopy();
        Edit(Path.Combine(folder, "pix1.cfg"), from, to);
        Refused(CliProcess.Run(["run", Scenario, "--config", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), expected);
    }

    [Theory]
    [InlineData("monitor-interface inside\n", "monitor-interface inside\rmonitor-interface outside\n", @"context1\.cfg:28:25: a carriage return that ends no line")]
    [InlineData("nameif outside", "nameif inside", @"context1\.cfg:17:9: nameif inside is already the name")]
    [InlineData("interface outside_context1", "interface inside_context1", @"context1\.cfg:16:11: interface inside_context1 has a second block")]
    [InlineData("monitor-interface inside", "monitor-interface nothing", @"context1\.cfg:28:19: monitor-interface nothing names no interface")]
    [InlineData("ip address 192.168.1.1 ", "ip address 0300.0250.01.01 ", @"context1\.cfg:14:13: .*'0300\.0250\.01\.01' is not an IPv4 address")]
    [InlineData("192.168.1.1 255.255.255.0", "192.168.1.1 0.0.0.0", @"context1\.cfg:14:25: .*the mask 0\.0\.0\.0")]
    [InlineData("nameif inside", "namif inside", @"context1\.cfg:10:2: unknown interface inside_context1 command 'namif': did you mean 'nameif'")]
    public void NonsenseInAContextFileIsRefusedAtItsPlace(string from, string to, string expected)
    {
        var folder = SeedCopy();
        Edit(Path.Combine(folder, "context1.cfg"), from, to);
        Refused(CliProcess.Run(["run", Scenario, "--config", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), expected);
    }

    [Fact]
    public void MoreThan64InterfacesAreRefusedAtThe65th()
    {
        var folder = SeedCopy();
        File.AppendAllText(Path.Combine(folder, "context2.cfg"), string.Concat(Enumerable.Range(0, 61).Select(i => $"interface x{i}\n nameif x{i}\n")));
        Refused(CliProcess.Run(["outage", "--config", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), @"context2\.cfg:\d+:9: a 65th interface");
    }

    /// <summary>FIFOs, devices and folders where a file is read: refused at once, never opened for a read that blocks or never ends.</summary>
    [Fact]
    public void InputsThatAreNotRegularFilesAreRefusedWithoutHanging()
    {
        var folder = SeedCopy();
        var fifo = Path.Combine(folder, "fifo");
        MakeFifo(fifo);
        Refused(CliProcess.Run(["run", Scenario, "--config", fifo], limit: TimeBound), @"fifo:1:1: the configuration .* is a FIFO, not a regular file");
        Refused(CliProcess.Run(["run", fifo], limit: TimeBound), @"fifo:1:1: the scenario .* is a FIFO");
        Refused(CliProcess.Run(["oracle", "check", fifo], limit: TimeBound), @"fifo:1:1: the trace .* is a FIFO");
        Refused(CliProcess.Run(["run", "/dev/zero"], limit: TimeBound), @"/dev/zero:1:1: the scenario /dev/zero is a character device");
        Refused(CliProcess.Run(["oracle", "check", "/dev/urandom"], limit: TimeBound), @"urandom:1:1: the trace /dev/urandom is a character device");
        Refused(CliProcess.Run(["run", folder], limit: TimeBound), @":1:1: the scenario .* is a directory");

        // A context file that is a FIFO: refused at the config-url that names it.
        File.Delete(Path.Combine(folder, "context2.cfg"));
        MakeFifo(Path.Combine(folder, "context2.cfg"));
        Refused(CliProcess.Run(["run", Scenario, "--config", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), @"pix1\.cfg:74:14: the context configuration .*context2\.cfg is a FIFO");
    }

    [Fact]
    public void AContextFileLinkingOutOfTheConfigurationsFolderIsRefused()
    {
        var folder = SeedCopy();
        var outside = Path.Combine(Path.GetTempPath(), $"fm-outside-{Guid.NewGuid():N}.cfg");
        File.Move(Path.Combine(folder, "context1.cfg"), outside);
        File.CreateSymbolicLink(Path.Combine(folder, "context1.cfg"), outside);
        Refused(CliProcess.Run(["run", Scenario, "--config", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), @"pix1\.cfg:68:14: the context configuration .* leads outside the configuration's folder");
    }

    /// <summary>Size and line caps: a 100 MB configuration and a 1 MB gzip of one endless line end at the cap, in bounded memory.</summary>
    [Fact]
    public void OversizedFilesAndEndlessLinesStopAtTheirCaps()
    {
        var folder = SeedCopy();
        using (var big = File.Create(Path.Combine(folder, "big.cfg")))
        {
            big.SetLength(100L << 20);
        }

        Refused(CliProcess.Run(["run", Scenario, "--config", Path.Combine(folder, "big.cfg")], limit: TimeBound), @"big\.cfg:1:1: the configuration .* is 104,857,600 bytes, more than the limit of 8,388,608 \(--max-file-size raises it\)");

        var endless = Path.Combine(folder, "endless.jsonl.gz");
        using (var gz = new GZipStream(File.Create(endless), CompressionLevel.SmallestSize))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < (Soak ? 1024 : 64); i++)
            {
                gz.Write(spaces);
            }
        }

        Refused(CliProcess.Run(["oracle", "check", endless], limit: TimeBound), @"endless\.jsonl\.gz:1:1048577: the line is longer than 1,048,576 bytes");
        Refused(CliProcess.Run(["oracle", "check", endless, "--max-line-length", "5"], limit: TimeBound), @"^failover-model: --max-line-length must be from 256 to");
    }

    /// <summary>A gzip trace cut anywhere, without its trailer, with bytes after it, or with a flipped CRC never conforms.</summary>
    [Fact]
    public void ATruncatedOrCorruptGzipTraceNeverConforms()
    {
        var folder = SeedCopy();
        var vectors = CliProcess.Run(["oracle", "vectors", "--events", "power-on,power-off,crash,link-failover"], limit: TimeBound);
        Assert.Equal(0, vectors.Exit);
        var plain = Encoding.UTF8.GetBytes(vectors.Out);
        var whole = Gzip(plain);
        var trace = Path.Combine(folder, "t.jsonl.gz");
        File.WriteAllBytes(trace, whole);
        Assert.Equal(0, CliProcess.Run(["oracle", "check", trace], limit: TimeBound).Exit);

        var cases = new List<(byte[] Bytes, string Expected)>
        {
            (whole[..^8], "the file ends"),
            (whole[..^3], "the file ends in the gzip trailer"),
            ([.. whole, .. "junk\n"u8.ToArray()], "bytes follow the end of the gzip data"),
            (Flip(whole, whole.Length - 6), "CRC-32"),
            (plain, "not gzip"),
        };
        var random = new Random(17);
        for (var i = 0; i < Variants; i++)
        {
            cases.Add((whole[..random.Next(10, whole.Length - 8)], "the file ends"));
        }

        foreach (var (bytes, expected) in cases)
        {
            File.WriteAllBytes(trace, bytes);
            Refused(CliProcess.Run(["oracle", "check", trace], limit: TimeBound), $@"t\.jsonl\.gz:\d+:1: gzip: .*{Regex.Escape(expected)}");
        }
    }

    /// <summary>
    /// Line numbers are 64-bit: a gzip trace of nothing but empty lines is refused at its last line's number, past 2³¹
    /// with <c>FAILOVER_SOAK=1</c> (2,147,483,649 lines, 2 GB decompressed), a million lines in the normal run.
    /// </summary>
    [Fact]
    public void LineNumbersCountPastTwoToTheThirtyOne()
    {
        var lines = Soak ? (1L << 31) + 1 : 1L << 20;
        var trace = Path.Combine(SeedCopy(), "empty-lines.jsonl.gz");
        using (var gz = new GZipStream(File.Create(trace), CompressionLevel.Fastest))
        {
            var newlines = new byte[1 << 20];
            Array.Fill(newlines, (byte)'\n');
            for (var left = lines; left > 0; left -= newlines.Length)
            {
                gz.Write(newlines, 0, (int)Math.Min(left, newlines.Length));
            }
        }

        var bound = Soak ? TimeSpan.FromMinutes(10) : TimeBound;
        Refused(CliProcess.Run(["oracle", "check", trace], limit: bound), $@"empty-lines\.jsonl\.gz:{lines}:1: the trace has no events", bound);
    }

    /// <summary>Strict JSON and a state-shaped observation: check refuses these lines with exit 2, serve answers each with an error and goes on.</summary>
    [Theory]
    [InlineData("{\"event\": \"power-on primary\", \"groups\": {\"1\": {\"activeOn\": \"\\ud800\"}}}", ":1:61: an escaped UTF-16 surrogate without its pair")]
    [InlineData("{\"event\": \"power-on primary\", \"event\": \"power-off primary\"}", ":1:\\d+: not a JSON object: Duplicate property 'event'")]
    [InlineData("{\"event\": \"power-on primary\", \"groups\": {\"1\": {\"bogus\": 1}}}", ":1:1: groups.1.bogus: the state object has no such field")]
    [InlineData("{\"event\": \"power-on primary\", \"time\": \"soon\"}", ":1:1: time: a number is expected here, not a string")]
    [InlineData("{\"event\": \"power-on primary\", \"bogus\": 1}", ":1:1: unknown field \"bogus\"")]
    [InlineData("{\"event\": \"power-on primary\", \"step\": \"one\"}", ":1:1: \"step\" is a whole number")]
    public void CheckAndServeJudgeABadLineAlike(string line, string expected)
    {
        var folder = SeedCopy();
        var trace = Path.Combine(folder, "t.jsonl");
        File.WriteAllText(trace, line + "\n");
        Refused(CliProcess.Run(["oracle", "check", trace], limit: TimeBound), @"t\.jsonl" + expected);

        var served = CliProcess.Run(["oracle", "serve"], stdin: line + "\n{\"event\": \"power-on primary secondary\"}\n", limit: TimeBound);
        var answers = served.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(served.Exit == 0 && answers.Length == 2, served.ToString());
        var message = Regex.Replace(expected, @"^:1:(\\d\+|\d+): ", "");
        Assert.Matches("^\\{\"line\":1,\"error\":\".*" + message.Replace("\"", "\\\\\"", StringComparison.Ordinal), answers[0]);
        Assert.StartsWith("{\"line\":2,\"step\":1,", answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ServeAnswersAnOverlongOrNonUtf8RequestAndGoesOn()
    {
        var stdin = new string('x', 300) + "\n" + "{\"event\": \"power-on primary\"}\n";
        var served = CliProcess.Run(["oracle", "serve", "--max-line-length", "256"], stdin: stdin, limit: TimeBound);
        var answers = served.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(served.Exit == 0 && answers.Length == 2, served.ToString());
        Assert.StartsWith("{\"line\":1,\"error\":\"the line is longer than 256 bytes", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"line\":2,\"step\":1,", answers[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "oracle", "vectors", "--shard", "5/4" }, "^failover-model: --shard: '5/4': n must be from 1 to 10,000 and i from 1 to n")]
    [InlineData(new[] { "oracle", "vectors", "--shard", "2-4" }, "^failover-model: --shard: '2-4' is not i/n")]
    [InlineData(new[] { "oracle", "vectors", "--max-steps", "0" }, "^failover-model: --max-steps must be from 1 to 1,000,000, not 0")]
    [InlineData(new[] { "oracle", "vectors", "--suites", "x", "--events", "power-on" }, "^failover-model: --suites writes the suites by feature")]
    [InlineData(new[] { "oracle", "vectors", "--events", "," }, "^failover-model: --events: an empty event kind")]
    [InlineData(new[] { "check", "--length", "2147483647" }, "^failover-model: --length must be from 1 to 10,000, not 2,147,483,647")]
    [InlineData(new[] { "check", "--runs", "2147483647" }, "^failover-model: --runs must be from 1 to 10,000,000, not 2,147,483,647")]
    [InlineData(new[] { "explore", "--max-states", "0" }, "^failover-model: --max-states must be from 1 to")]
    [InlineData(new[] { "run", "x.scenario", "--max-file-size", "1" }, "^failover-model: --max-file-size must be from 1,024 to")]
    public void OptionsOutOfRangeAreRefusedWithTheOptionNamed(string[] args, string expected) =>
        Refused(CliProcess.Run(args, limit: TimeBound), expected);

    [Fact]
    public void ANewlineInAShowArgumentIsRefusedOnOneLine()
    {
        var scenario = RepositoryFiles.Path("tests", "scenarios", "readme-tour.scenario");
        Refused(CliProcess.Run(["show", scenario, "primary", "failover\nstate"], limit: TimeBound), "^command line:1:\\d+: ");
    }

    /// <summary>Outputs: checked before the work; a device node, FIFO, folder or symbolic link is never replaced, and no temporary file is left.</summary>
    [Fact]
    public void OutputsThatAreNotNewPathsOrRegularFilesAreRefusedAndLeftAlone()
    {
        var folder = SeedCopy();
        var fifo = Path.Combine(folder, "out-fifo");
        MakeFifo(fifo);
        var link = Path.Combine(folder, "link.jsonl");
        File.CreateSymbolicLink(link, Path.Combine(folder, "pix1.cfg"));
        var events = new[] { "--events", "power-on,power-off" };
        Refused(CliProcess.Run(["oracle", "vectors", "--out", "/dev/null", .. events], limit: TimeBound), "^failover-model: --out: cannot write /dev/null: it is a character device");
        Assert.True(Mono.Unix.Native.Syscall.lstat("/dev/null", out var devNull) == 0 && (devNull.st_mode & Mono.Unix.Native.FilePermissions.S_IFMT) == Mono.Unix.Native.FilePermissions.S_IFCHR);
        Refused(CliProcess.Run(["oracle", "vectors", "--out", fifo, .. events], limit: TimeBound), "it is a FIFO");
        Refused(CliProcess.Run(["oracle", "vectors", "--out", link, .. events], limit: TimeBound), "it is a symbolic link");
        Refused(CliProcess.Run(["oracle", "vectors", "--out", folder, .. events], limit: TimeBound), "it is a folder");
        Refused(CliProcess.Run(["oracle", "vectors", "--out", Path.Combine(folder, "missing", "v.jsonl"), .. events], limit: TimeBound), "the folder .*missing does not exist");
        Refused(CliProcess.Run(["oracle", "vectors", "--out", "/proc/fm-vectors.jsonl", .. events], limit: TimeBound), "^failover-model: --out: cannot write /proc/fm-vectors.jsonl: cannot create a file in /proc");
        Refused(CliProcess.Run(["diagrams", "--out", Path.Combine(folder, "pix1.cfg")], limit: TimeBound), "^failover-model: --out: .*pix1.cfg is a file, not a folder");
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "pix1.cfg")), File.ReadAllText(link));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

        // An existing regular file is replaced whole.
        var existing = Path.Combine(folder, "v.jsonl");
        File.WriteAllText(existing, "old");
        Assert.Equal(0, CliProcess.Run(["oracle", "vectors", "--out", existing, .. events], limit: TimeBound).Exit);
        Assert.StartsWith("{\"case\":", File.ReadAllText(existing), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    /// <summary>
    /// run prints each step as it is made and keeps only what later steps need, so memory does not grow with the run: a
    /// scenario of events and shows (it once peaked at 2.4 GB for 3 MB) stays under the bound, in run and in show.
    /// </summary>
    [Fact]
    public void ALongScenarioRunsInBoundedMemory()
    {
        var moves = "primary: failover active\nshow secondary failover\nprimary: no failover active\nshow primary failover history\nexpect group 1 active-on secondary\n";
        var scenario = Path.Combine(SeedCopy(), "long.scenario");
        File.WriteAllText(scenario, "power-on primary secondary\n" + string.Concat(Enumerable.Repeat(moves, (Soak ? 8_000_000 : 3_000_000) / moves.Length)));

        var bound = TimeSpan.FromSeconds(Soak ? 300 : 120);
        var outcome = CliProcess.Run(["run", scenario], limit: bound, tailOnly: true);

        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.EndsWith("expects hold\n", outcome.Out, StringComparison.Ordinal);
        Assert.True(outcome.PeakBytes < CliProcess.MemoryBound, outcome.ToString());

        // show runs the same scenario for its last answer only.
        var shown = CliProcess.Run(["show", scenario, "primary", "failover", "history"], limit: bound);
        Assert.True(shown.Exit == 0 && shown.PeakBytes < CliProcess.MemoryBound, shown.ToString());
    }

    /// <summary>The replay page holds the whole run, so it is bounded in steps: one more is refused naming the limit; the limit itself fits in memory.</summary>
    [Fact]
    public void AReplayPageHoldsAtMostItsStepsWithinTheMemoryBound()
    {
        var folder = SeedCopy();
        var crashes = string.Concat(Enumerable.Range(0, Cli.Commands.RunCommand.MaxPageSteps).Select(i => i % 2 == 0 ? "crash primary\n" : "crash secondary\n"));
        var over = Path.Combine(folder, "over.scenario");
        File.WriteAllText(over, "power-on primary secondary\n" + crashes);
        Refused(CliProcess.Run(["run", over, "--html", Path.Combine(folder, "over.html")], limit: TimeBound), @"^failover-model: --html: the run has more than 5,000 steps, the most a replay page holds \(at line 5001\)");
        Assert.False(File.Exists(Path.Combine(folder, "over.html")));

        // The heaviest steps (a crash settles through many internal steps and messages), as many as a page takes.
        var full = Path.Combine(folder, "full.scenario");
        File.WriteAllText(full, "power-on primary secondary\n" + crashes[..crashes.LastIndexOf("crash", StringComparison.Ordinal)]);
        var written = CliProcess.Run(["run", full, "--html", Path.Combine(folder, "full.html")], limit: TimeSpan.FromSeconds(120));
        Assert.True(written.Exit == 0 && written.PeakBytes < CliProcess.MemoryBound, written.ToString());
        Assert.Contains("</html>", File.ReadAllText(Path.Combine(folder, "full.html")), StringComparison.Ordinal);
    }

    /// <summary>
    /// With the configure kind each context multiplies the settled states by about three: a hundred extra contexts
    /// reached gigabytes in seconds. The graph is held within --memory (half the process's memory by default, here half
    /// the GC's heap limit) and stops at it.
    /// </summary>
    [Fact]
    public void VectorsOfManyContextsStopAtTheGraphsMemoryBound()
    {
        var folder = SeedCopy();
        var system = Path.Combine(folder, "pix1.cfg");
        var contexts = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            contexts.Append(CultureInfo.InvariantCulture, $"context x{i}\n  config-url flash:/x{i}.cfg\n  join-failover-group {1 + (i % 2)}\n!\n");
            File.WriteAllText(Path.Combine(folder, $"x{i}.cfg"), $"hostname x{i}\n");
        }

        Edit(system, "prompt hostname context", contexts + "prompt hostname context");
        var events = new[] { "--events", "power-on,configure" };
        Refused(CliProcess.Run(["oracle", "vectors", "--config", system, .. events], limit: TimeBound), @"^failover-model: --memory: the settled graph outgrew 128 MiB with [\d,]+ states \([\d,]+ bytes each for 104 configuration spaces\)");
        Refused(CliProcess.Run(["oracle", "vectors", "--config", system, "--memory", "64m", .. events], limit: TimeBound), "outgrew 64 MiB");
        Refused(CliProcess.Run(["oracle", "vectors", "--memory", "1t", .. events], limit: TimeBound), "^failover-model: --memory must be from 16,777,216 to");
    }

    /// <summary>
    /// A dot that hangs, fails, prints nothing or prints no SVG is Graphviz's failure, said so with exit 2 within the
    /// time-out: it once hung the command, or gave exit 3 or empty SVG files. A hung dot is killed with what it started.
    /// </summary>
    [Theory]
    [InlineData("echo $$ > \"$0.pid\"; exec sleep 1000", @"^failover-model: Graphviz: dot did not finish unit\.dot within 2 s \(--dot-timeout")]
    [InlineData("cat > /dev/null; echo 'Error: <stdin>: syntax error in line 1' >&2; exit 1", @"^failover-model: Graphviz: dot failed on unit\.dot \(exit status 1\): Error: <stdin>: syntax error in line 1")]
    [InlineData("cat > /dev/null; exit 0", @"^failover-model: Graphviz: dot wrote nothing for unit\.dot")]
    [InlineData("cat > /dev/null; echo '<svg'", @"^failover-model: Graphviz: dot wrote no whole SVG for unit\.dot")]
    public void AGraphvizThatFailsHangsOrPrintsNothingIsReportedAsGraphviz(string script, string expected)
    {
        var (tools, dot) = FakeDot(script);
        var folder = SeedCopy();
        var scenarios = RepositoryFiles.Path("tests", "scenarios");
        Refused(CliProcess.Run(["diagrams", "--out", Path.Combine(folder, "diagrams"), "--scenarios", scenarios, "--dot-timeout", "2"], limit: TimeBound, path: tools), expected);
        Assert.False(Directory.Exists(Path.Combine(folder, "diagrams")) && Directory.GetFiles(Path.Combine(folder, "diagrams"), "*.svg").Length > 0, "an SVG was written");
        NotRunning(dot);

        var page = Path.Combine(folder, "page.html");
        Refused(CliProcess.Run(["run", Path.Combine(scenarios, "forced-failover.scenario"), "--html", page, "--dot-timeout", "2"], limit: TimeBound, path: tools), expected.Replace(@"unit\.dot", @"the pair diagram of page\.html", StringComparison.Ordinal));
        Assert.False(File.Exists(page));
        NotRunning(dot);
    }

    /// <summary>Ctrl-C while dot draws: the command stops with 130 and dot does not outlive it.</summary>
    [Fact]
    public void CtrlCStopsAHangingGraphviz()
    {
        var (tools, dot) = FakeDot("echo $$ > \"$0.pid\"; exec sleep 1000");
        var folder = SeedCopy();
        var outcome = CliProcess.Run(["diagrams", "--out", Path.Combine(folder, "diagrams"), "--scenarios", RepositoryFiles.Path("tests", "scenarios")], limit: TimeBound, path: tools, interruptAfter: TimeSpan.FromSeconds(Soak ? 10 : 5));
        Assert.True(outcome.Exit == 130, outcome.ToString());
        Assert.Contains("interrupted", outcome.Err, StringComparison.Ordinal);
        NotRunning(dot);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void AStoryTooLongToDrawIsRefusedAtItsLineBeforeGraphvizSeesIt()
    {
        var scenarios = StoryFolder();
        var events = string.Concat(Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? "link-down failover\n" : "link-up failover\n"));
        File.WriteAllText(Path.Combine(scenarios, "row1-unit-power-failure.scenario"), "power-on primary secondary\n" + events);
        var (tools, _) = FakeDot("exec sleep 1000");
        Refused(CliProcess.Run(["diagrams", "--out", Path.Combine(scenarios, "..", "diagrams"), "--scenarios", scenarios], limit: TimeBound, path: tools), @"row1-unit-power-failure\.scenario:501:1: the story has more than 500 steps, the most a story diagram draws");
    }

    /// <summary>A row*.scenario that is not row&lt;n&gt;-&lt;words&gt; once made diagrams fail with an internal error as its number was read; it is bad input at the file.</summary>
    [Theory]
    [InlineData("row.scenario")]
    [InlineData("row-.scenario")]
    [InlineData("row1-.scenario")]
    [InlineData("row1 unit power failure.scenario")]
    [InlineData("row1-unit power failure.scenario")]
    [InlineData("row\u0661-x.scenario")]
    [InlineData("row99-x.scenario")]
    [InlineData("row0-x.scenario")]
    [InlineData("row01-x.scenario")]
    public void OddlyNamedRowStoriesAreRefusedByName(string name)
    {
        var scenarios = Path.Combine(SeedCopy(), "scenarios");
        Directory.CreateDirectory(scenarios);
        File.WriteAllText(Path.Combine(scenarios, name), "power-on primary secondary\n");
        Refused(CliProcess.Run(["diagrams", "--out", Path.Combine(scenarios, "..", "diagrams"), "--scenarios", scenarios], limit: TimeBound), $"{Regex.Escape(name)}:1:1: a story of the failure-event table is named row<n>-<words>\\.scenario");
        Assert.False(Directory.Exists(Path.Combine(scenarios, "..", "diagrams")));
    }

    [Fact]
    public void ARowStoryNamedInAnyLettersIsDrawn()
    {
        var scenarios = StoryFolder();
        File.Copy(Path.Combine(scenarios, "row1-unit-power-failure.scenario"), Path.Combine(scenarios, "row1-\u00e9t\u00e9-\u00fc.scenario"));
        var outcome = CliProcess.Run(["diagrams", "--out", Path.Combine(scenarios, "..", "diagrams"), "--scenarios", scenarios], limit: TimeSpan.FromSeconds(120));
        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.True(new FileInfo(Path.Combine(scenarios, "..", "diagrams", "stories", "row1-\u00e9t\u00e9-\u00fc.svg")).Length > 0, outcome.ToString());
    }

    /// <summary>
    /// An output that names one of the run's inputs — the scenario, the configuration, a context file its config-url
    /// names — is refused before the work, by the file's identity: also through a hard link, a symbolic link to its
    /// folder, or a name in an output folder. Every input is left as it was and no temporary file is left.
    /// </summary>
    [Fact]
    public void AnOutputThatIsAnInputOfTheRunIsRefusedAndTheInputLeftAsItWas()
    {
        var folder = SeedCopy();
        var scenario = Path.Combine(folder, "x.scenario");
        File.Copy(Scenario, scenario);
        var config = Path.Combine(folder, "pix1.cfg");
        var hardLink = Path.Combine(folder, "page.html");
        MakeHardLink(scenario, hardLink);
        var linkedFolder = Path.Combine(folder, "linked");
        Directory.CreateSymbolicLink(linkedFolder, folder);
        var outFolder = Path.Combine(folder, "out");
        Directory.CreateDirectory(outFolder);
        MakeHardLink(config, Path.Combine(outFolder, "witness-01.scenario"));
        var graph = Path.Combine(folder, "g.dot");
        MakeHardLink(config, graph);
        var before = Contents(folder);
        var events = new[] { "--events", "power-on,power-off" };

        const string Input = "it is an input of this run";
        Refused(CliProcess.Run(["run", scenario, "--html", scenario], limit: TimeBound), $@"^failover-model: --html: cannot write {Regex.Escape(scenario)}: {Input} \(the scenario\)");
        Refused(CliProcess.Run(["run", scenario, "--config", config, "--html", Path.Combine(folder, "context1.cfg")], limit: TimeBound), $@"^failover-model: --html: cannot write .*context1\.cfg: {Input} \(the context configuration\)");
        Refused(CliProcess.Run(["run", scenario, "--html", hardLink], limit: TimeBound), $@"^failover-model: --html: cannot write .*page\.html: {Input} \(the scenario, {Regex.Escape(scenario)}\)");
        Refused(CliProcess.Run(["run", scenario, "--html", Path.Combine(linkedFolder, "x.scenario")], limit: TimeBound), $@"^failover-model: --html: cannot write .*linked/x\.scenario: {Input} \(the scenario, {Regex.Escape(scenario)}\)");
        Refused(CliProcess.Run(["oracle", "vectors", "--config", config, "--out", config, .. events], limit: TimeBound), $@"^failover-model: --out: cannot write .*pix1\.cfg: {Input} \(the configuration\)");
        Refused(CliProcess.Run(["oracle", "vectors", "--config", config, "--out", Path.Combine(folder, "admin.cfg"), .. events], limit: TimeBound), $@"^failover-model: --out: cannot write .*admin\.cfg: {Input} \(the context configuration\)");
        Refused(CliProcess.Run(["explore", "--config", config, "--graph", graph, "--max-states", "100"], limit: TimeBound), $@"^failover-model: --graph: cannot write .*g\.dot: {Input} \(the configuration, {Regex.Escape(config)}\)");
        Refused(CliProcess.Run(["explore", "--config", config, "--out", outFolder, "--max-states", "100"], limit: TimeBound), $@"^failover-model: --out: cannot write .*witness-01\.scenario: {Input} \(the configuration, {Regex.Escape(config)}\)");

        Assert.Equal(before, Contents(folder));
        Assert.Empty(Temporaries(folder));
    }

    /// <summary>
    /// SIGTERM (kill, timeout, a CI runner) and SIGHUP (a closed terminal) stop a run as Ctrl-C does: the temporary
    /// file of its output is removed and the exit code is 128 + the signal's number; a second signal ends it at once,
    /// the temporary file removed all the same.
    /// </summary>
    [Theory]
    [InlineData(Mono.Unix.Native.Signum.SIGTERM, 143, 1)]
    [InlineData(Mono.Unix.Native.Signum.SIGHUP, 129, 1)]
    [InlineData(Mono.Unix.Native.Signum.SIGTERM, 143, 2)]
    public void ASignalStopsTheRunAndLeavesNoTemporaryFile(Mono.Unix.Native.Signum signal, int exit, int times)
    {
        var folder = SeedCopy();
        var graph = Path.Combine(folder, "g.jsonl");

        // The built-in configuration's whole run takes hours: the graph's temporary file is made before it starts.
        using var running = CliProcess.Start(["explore", "--graph", graph, "--memory", "384m"], folder);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Temporaries(folder).Count == 0)
        {
            Assert.False(running.Process.HasExited, "the run ended before its temporary file was made");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no temporary file within 60 s");
            Thread.Sleep(50);
        }

        for (var i = 0; i < times; i++)
        {
            Assert.Equal(0, Mono.Unix.Native.Syscall.kill(running.Process.Id, signal));
        }

        var outcome = running.Wait(TimeSpan.FromSeconds(60));
        Assert.True(outcome.Exit == exit, outcome.ToString());
        Assert.Empty(Temporaries(folder));
        Assert.False(File.Exists(graph), outcome.ToString());
    }

    /// <summary>
    /// A command that does not stop by itself when interrupted — <c>oracle serve</c> waiting for its next request —
    /// is ended at once by the signal, as it would be without a handler, rather than left running.
    /// </summary>
    [Fact]
    public void ASignalEndsAServeWaitingForItsNextRequest()
    {
        using var process = System.Diagnostics.Process.Start(CliProcess.StartInfo(["oracle", "serve"], Path.GetTempPath()))!;
        try
        {
            // An answer shows the session is up, its signal handlers registered, and waiting on its standard input.
            process.StandardInput.WriteLine("{\"event\": \"power-on primary\"}");
            process.StandardInput.Flush();
            Assert.StartsWith("{\"line\":1,", process.StandardOutput.ReadLine(), StringComparison.Ordinal);
            Assert.Equal(0, Mono.Unix.Native.Syscall.kill(process.Id, Mono.Unix.Native.Signum.SIGTERM));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "oracle serve outlived SIGTERM by 10 s");
            Assert.Equal(143, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// A disk that fills up while an output is written (a 1 MiB tmpfs, where the machine lets the tests mount one: as
    /// root on Linux) ends the run with one line and exit 2, and the temporary file is removed though closing it fails
    /// too.
    /// </summary>
    [Fact]
    public void ADiskThatFillsUpWhileWritingLeavesNoTemporaryFile()
    {
        var small = Path.Combine(SeedCopy(), "small");
        Directory.CreateDirectory(small);
        if (!SmallDisk.TryMount(small))
        {
            _output.WriteLine("not run: mounting a 1 MiB tmpfs needs root on Linux, and this machine did not allow it");
            return;
        }

        try
        {
            var vectors = Path.Combine(small, "v.jsonl");
            // These kinds make a tour of about 2.9 MB, in well under a second.
            var events = "power-on,power-off,crash,hardware-fail,link-failover,failover,no-failover";
            Refused(CliProcess.Run(["oracle", "vectors", "--events", events, "--out", vectors], limit: TimeBound), $@"^failover-model: --out: cannot write {Regex.Escape(vectors)}: no space left on the device$");
            Assert.Empty(Directory.GetFileSystemEntries(small));

            // The reachable graph is written as the run explores: the disk fills within the exploration, not after it.
            var graph = Path.Combine(small, "g.jsonl");
            Refused(CliProcess.Run(["explore", "--graph", graph, "--graph-of", "reachable", "--max-states", "200000", "--memory", "384m"], limit: TimeBound), $@"^failover-model: --graph: cannot write {Regex.Escape(graph)}: no space left on the device$");
            Assert.Empty(Directory.GetFileSystemEntries(small));
        }
        finally
        {
            Assert.True(SmallDisk.Unmount(small));
        }
    }

    /// <summary>
    /// Every name an output folder will receive is checked before the work, and a new folder is made only once the
    /// inputs are good: nothing of the set is written when one name cannot be.
    /// </summary>
    [Fact]
    public void AnOutputFoldersNamesAreCheckedBeforeTheWork()
    {
        var folder = SeedCopy();
        var scenarios = RepositoryFiles.Path("tests", "scenarios");

        // A new folder is not made for a configuration that is refused.
        var bad = Path.Combine(folder, "bad.cfg");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(folder, "pix1.cfg")).Replace("failover group 1\n", "failover grup 1\n", StringComparison.Ordinal));
        var fresh = Path.Combine(folder, "fresh");
        Refused(CliProcess.Run(["diagrams", "--config", bad, "--out", fresh, "--scenarios", scenarios], limit: TimeBound), @"bad\.cfg:55:10: unknown failover command 'grup'");
        Assert.False(Directory.Exists(fresh));

        // A name of the set that is a folder, found before anything is written.
        var diagrams = Path.Combine(folder, "diagrams");
        Directory.CreateDirectory(Path.Combine(diagrams, "link.svg"));
        Refused(CliProcess.Run(["diagrams", "--out", diagrams, "--scenarios", scenarios], limit: TimeSpan.FromSeconds(60)), @"^failover-model: --out: cannot write .*link\.svg: it is a folder", TimeSpan.FromSeconds(60));
        Assert.Equal([Path.Combine(diagrams, "link.svg")], Directory.GetFileSystemEntries(diagrams));

        var explore = Path.Combine(folder, "explore");
        Directory.CreateDirectory(explore);
        MakeFifo(Path.Combine(explore, "witness-03.scenario"));
        Refused(CliProcess.Run(["explore", "--out", explore], limit: TimeBound), @"^failover-model: --out: cannot write .*witness-03\.scenario: it is a FIFO");
        Assert.Single(Directory.GetFileSystemEntries(explore));

        var suites = Path.Combine(folder, "suites");
        Directory.CreateDirectory(Path.Combine(suites, "manifest.md"));
        Refused(CliProcess.Run(["oracle", "vectors", "--suites", suites], limit: TimeBound), @"^failover-model: --suites: cannot write .*manifest\.md: it is a folder");
        Assert.Single(Directory.GetFileSystemEntries(suites));
        Assert.Empty(Temporaries(folder));
    }

    /// <summary>Any name the file system takes is written, up to 255 bytes: the temporary name beside it is bounded whatever the name's length.</summary>
    [Theory]
    [InlineData(218, "v")]
    [InlineData(255, "v")]
    [InlineData(255, "\u00e9")]
    public void ANameOfUpTo255BytesIsWritten(int bytes, string letter)
    {
        var folder = SeedCopy();
        var name = string.Concat(Enumerable.Repeat(letter, (bytes - ".jsonl".Length) / Encoding.UTF8.GetByteCount(letter))) + ".jsonl";
        name = new string('v', bytes - Encoding.UTF8.GetByteCount(name)) + name;
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(name));
        var outcome = CliProcess.Run(["oracle", "vectors", "--out", Path.Combine(folder, name), "--events", "power-on,power-off"], limit: TimeBound);
        Assert.True(outcome.Exit == 0, outcome.ToString());
        Assert.StartsWith("{\"case\":", File.ReadAllText(Path.Combine(folder, name)), StringComparison.Ordinal);
        Assert.Empty(Temporaries(folder));
    }

    /// <summary><c>-</c> names no file to write: the options that write files refuse it rather than make a file named <c>-</c>.</summary>
    [Theory]
    [InlineData(new[] { "oracle", "vectors", "--events", "power-on", "--out", "-" }, "--out", "leave --out out to write the tour to standard output")]
    [InlineData(new[] { "oracle", "vectors", "--suites", "-" }, "--suites", "")]
    [InlineData(new[] { "diagrams", "--out", "-" }, "--out", "")]
    [InlineData(new[] { "explore", "--max-states", "100", "--out", "-" }, "--out", "")]
    [InlineData(new[] { "explore", "--max-states", "100", "--graph", "-" }, "--graph", "")]
    [InlineData(new[] { "run", "SCENARIO", "--html", "-" }, "--html", "")]
    public void DashIsNotAFileToWrite(string[] args, string option, string instead)
    {
        var folder = SeedCopy();
        var before = Contents(folder);
        var outcome = CliProcess.Run(args.Select(a => a == "SCENARIO" ? Scenario : a), limit: TimeBound, workingDirectory: folder);
        Refused(outcome, $"^failover-model: {option}: '-' is not a file: this option names the file or folder the command writes, not standard output{Regex.Escape(instead.Length == 0 ? "" : $" ({instead})")}$");
        Assert.Equal(before, Contents(folder));
    }

    private static void Refused(CliOutcome outcome, string expected, TimeSpan? timeBound = null)
    {
        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.True(outcome.Err.TrimEnd('\n').Split('\n').Length == 1, $"more than one line: {outcome}");
        Assert.True(Regex.IsMatch(outcome.Err, expected), $"expected /{expected}/: {outcome}");
        Assert.True(outcome.Elapsed < (timeBound ?? TimeBound), outcome.ToString());
        Assert.True(outcome.PeakBytes < CliProcess.MemoryBound, outcome.ToString());
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gz.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 1;
        return copy;
    }

    /// <summary>Every file under <paramref name="folder"/> with its content, to show that a run changed none.</summary>
    private static SortedDictionary<string, string> Contents(string folder) =>
        new(Directory.GetFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => new FileInfo(f).LinkTarget is null && (Mono.Unix.Native.Syscall.lstat(f, out var s) != 0 || (s.st_mode & Mono.Unix.Native.FilePermissions.S_IFMT) == Mono.Unix.Native.FilePermissions.S_IFREG))
            .ToDictionary(f => f, File.ReadAllText), StringComparer.Ordinal);

    /// <summary>The hidden temporary files of the output layer under <paramref name="folder"/>.</summary>
    private static List<string> Temporaries(string folder) =>
        [.. Directory.GetFiles(folder, ".*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })];

    private static void MakeHardLink(string existing, string link)
    {
        if (Mono.Unix.Native.Syscall.link(existing, link) != 0)
        {
            throw new IOException($"link {existing} {link} failed");
        }
    }

    private static void MakeFifo(string path)
    {
        if (Mono.Unix.Native.Syscall.mkfifo(path, Mono.Unix.Native.FilePermissions.DEFFILEMODE) != 0)
        {
            throw new IOException($"mkfifo {path} failed");
        }
    }

    /// <summary>A folder holding only a fake <c>dot</c> running <paramref name="script"/> (its pid goes to <c>dot.pid</c> when the script says so), and that pid file.</summary>
    private static (string Folder, string PidFile) FakeDot(string script)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fm-fake-dot-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var dot = Path.Combine(folder, "dot");
        File.WriteAllText(dot, "#!/bin/sh\n" + script + "\n");
        if (Mono.Unix.Native.Syscall.chmod(dot, Mono.Unix.Native.FilePermissions.S_IRWXU) != 0)
        {
            throw new IOException($"chmod {dot} failed");
        }

        return (folder, dot + ".pid");
    }

    /// <summary>The fake dot that wrote <paramref name="pidFile"/> is not running any more (gone, or a zombie waiting to be reaped).</summary>
    private static void NotRunning(string pidFile)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }

        var pid = File.ReadAllText(pidFile).Trim();
        var status = $"/proc/{pid}/status";
        var state = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) ?? "" : "";
        Assert.True(state.Length == 0 || state.Contains("zombie", StringComparison.Ordinal), $"dot (pid {pid}) still runs: {state}");
        File.Delete(pidFile);
    }

    /// <summary>A copy of tests/scenarios beside a copy of tests/configs, as the stories name their configurations.</summary>
    private static string StoryFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"fm-stories-{Guid.NewGuid():N}");
        foreach (var part in new[] { "scenarios", "configs" })
        {
            var from = RepositoryFiles.Path("tests", part);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(root, part, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return Path.Combine(root, "scenarios");
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string SeedCopy()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fm-hostile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("tests", "configs", "lan")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
