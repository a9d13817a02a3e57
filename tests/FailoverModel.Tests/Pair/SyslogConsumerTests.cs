using System.Text.RegularExpressions;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

/// <summary>
/// A consumer of ASA syslog nobody here wrote reads every message the model logs: logstash-patterns-core's grok patterns
/// (tests/fixtures/grok), as a log pipeline classifies ASA lines. The messages are every <c>log</c> line of the golden
/// transcripts (the reviewed output of every scenario), written as an ASA with <c>logging timestamp</c> sends them to a
/// syslog server. The one documented disagreement: the patterns know only <c>(Primary)</c> and <c>(Secondary)</c>, so
/// they refuse the group designation a captured Active/Active log writes on 105009 (docs/sources.md, "Syslog"); the
/// guide's form of the same message, which the oracle also accepts, is matched instead.
/// </summary>
public partial class SyslogConsumerTests
{
    private static readonly Grok Patterns = Grok.Load(
        File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "grok", "grok-patterns")),
        File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "grok", "firewalls")));

    private static readonly IReadOnlyList<SyslogMessage> Logged = LoggedInTranscripts();

    [Fact]
    public void TheTranscriptsLogEveryMessageOfTheCatalogue()
    {
        var logged = Logged.Select(m => m.Id).ToHashSet();

        Assert.Equal([], SyslogCatalogue.All.Select(d => (int)d.Id).Except(logged).ToArray());
    }

    [Fact]
    public void EveryLoggedLineIsAnAsaMessageWithItsTagToThePipeline()
    {
        var tagged = Patterns.Compile("%{CISCO_TAGGED_SYSLOG}");
        foreach (var m in Logged)
        {
            var line = $"<{(20 * 8) + m.Severity}>Dec 07 2026 18:00:00 pix-{m.Unit.Token()} : %ASA-{m.Severity}-{m.Id}: {m.Text}";

            var match = tagged.Match(line);

            Assert.True(match.Success, line);
            Assert.Equal($"ASA-{m.Severity}-{m.Id}", match.Groups["ciscotag"].Value);
        }
    }

    [Fact]
    public void EveryLoggedMessageWithACiscoPatternMatchesItSaveTheGroupDesignation()
    {
        var checkedIds = new HashSet<int>();
        foreach (var m in Logged.Where(m => Patterns.Has($"CISCOFW{m.Id}")))
        {
            checkedIds.Add(m.Id);
            var pattern = Patterns.Compile($"^%{{CISCOFW{m.Id}}}$");
            var designated = GroupDesignation().IsMatch(m.Text);

            Assert.True(pattern.IsMatch(m.Text) != designated, m.ToString());
            if (designated)
            {
                Assert.Equal(105009, m.Id);
                Assert.Contains(SyslogCatalogue.DocumentedForms(m), f => pattern.IsMatch(f.Text));
            }

            if (pattern.Match(m.Text).Groups["interface_name"] is { Success: true } name)
            {
                Assert.Contains(name.Value, (string[])["inside", "outside", "LANFailover", "stateful"]);
            }
        }

        Assert.Equal([104001, 104002, 104003, 104004, 105004, 105005, 105008, 105009], checkedIds.Order());
    }

    [Fact]
    public void TheReasonsAreWhatThePipelineFilesAsTheSwitchReason()
    {
        var active = Patterns.Compile("^%{CISCOFW104001}$");
        var reasons = Logged.Where(m => m.Id == 104001).Select(m => active.Match(m.Text).Groups["switch_reason"].Value).ToHashSet();

        Assert.Contains("mate want me Active", reasons);
        Assert.Contains("HELLO not heard from mate.", reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("CI config", StringComparison.Ordinal));
    }

    private static List<SyslogMessage> LoggedInTranscripts()
    {
        var messages = new List<SyslogMessage>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("tests", "golden", "transcripts"), "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (LogLine().Match(line) is { Success: true } m)
                {
                    var unit = m.Groups["unit"].Value == "primary" ? UnitRole.Primary : UnitRole.Secondary;
                    var group = m.Groups["group"].Success ? FailoverGroupId.Of(int.Parse(m.Groups["group"].Value, System.Globalization.CultureInfo.InvariantCulture)) : (FailoverGroupId?)null;
                    var message = new SyslogMessage(unit, int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["text"].Value, group);
                    Assert.Equal(m.Groups["severity"].Value, message.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    messages.Add(message);
                }
            }
        }

        Assert.NotEmpty(messages);
        return [.. messages.Distinct()];
    }

    [GeneratedRegex(@"^\s+log (?<unit>primary|secondary)(?: group (?<group>\d))?: %ASA-(?<severity>\d)-(?<id>\d{6}): (?<text>.*)$")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"^\((?:Primary|Secondary)_group_\d\) ")]
    private static partial Regex GroupDesignation();

    /// <summary>
    /// Grok's pattern language over .NET regular expressions: a file defines one pattern a line (<c>NAME regex</c>,
    /// <c>#</c> comments); <c>%{NAME}</c> expands to the named pattern, <c>%{NAME:field}</c> (or <c>%{NAME:field:type}</c>)
    /// to a group capturing it as <c>field</c>.
    /// </summary>
    private sealed partial class Grok(Dictionary<string, string> definitions)
    {
        public static Grok Load(params string[] files)
        {
            var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in files.SelectMany(f => f.Split('\n')))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
                definitions[trimmed[..space]] = trimmed[(space + 1)..];
            }

            return new Grok(definitions);
        }

        public bool Has(string name) => definitions.ContainsKey(name);

        public Regex Compile(string pattern) => new(Expand(pattern, 0), RegexOptions.CultureInvariant);

        private string Expand(string pattern, int depth)
        {
            Assert.True(depth < 32, $"grok pattern nesting too deep at {pattern}");
            return Reference().Replace(pattern, m =>
            {
                var body = Expand(definitions[m.Groups["name"].Value], depth + 1);
                return m.Groups["field"].Success ? $"(?<{m.Groups["field"].Value}>{body})" : $"(?:{body})";
            });
        }

        [GeneratedRegex(@"%\{(?<name>[A-Za-z0-9_]+)(?::(?<field>[A-Za-z0-9_]+)(?::[a-z]+)?)?\}")]
        private static partial Regex Reference();
    }
}
