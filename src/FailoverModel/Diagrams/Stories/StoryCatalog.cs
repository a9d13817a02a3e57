using FailoverModel.Asa;
using FailoverModel.Input;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams.Stories;

/// <summary>
/// Which scenarios tell the seed's stories: one per row of the failure-event table ("Failover Actions"), the rows as
/// each unit sees them through Cisco's unit health monitoring, and one per procedure the seed walks through. The
/// titles of rows are the table's own words.
/// </summary>
public static class StoryCatalog
{
    /// <summary>
    /// Rows 1 and 7 as a unit lives them: it learns of its mate only through hellos and LANTEST (ASA configuration
    /// guide, "Unit Health Monitoring"), so the holdtime, the stale view of the mate and the takeover are drawn.
    /// </summary>
    internal static readonly IReadOnlyList<(string Scenario, string Title)> HealthMonitoring =
    [
        ("health-monitoring-dead-mate", "Table row 1 as the survivor sees it: no hellos for a holdtime, no LANTEST answer, the mate declared failed (ASA, \"Unit Health Monitoring\")"),
        ("health-monitoring-failover-link-down", "Table row 7 as each unit sees it: the failover link down, LANTEST answered, no failover; then the mate dies and is declared failed (ASA, \"Unit Health Monitoring\")"),
        ("health-monitoring-failed-copy-takes-over", "A failed copy of a group takes over from a dead mate (table rows 3 then 1; ASA, \"Interface Monitoring\")"),
        ("health-monitoring-every-interface-down", "Two live units that hear each other nowhere: each declares the other failed (split brain) until the failover link returns (ASA, \"Unit Health Monitoring\")"),
    ];

    /// <summary>The seed's procedures, each told by one scenario, titled with the seed's section.</summary>
    internal static readonly IReadOnlyList<(string Scenario, string Title)> Procedures =
    [
        ("lan-based-bring-up", "Bring-up of a LAN-based pair (seed, \"LAN-Based Active/Active Failover Configuration\")"),
        ("cable-based-bring-up", "Bring-up of a cable-based pair (seed, \"Cable-Based Active/Active Failover Configuration\")"),
        ("forced-failover", "Forced failover (seed, \"Forced Failover\")"),
        ("disabled-failover", "Disabled failover (seed, \"Disabled Failover\")"),
        ("restoration-of-a-failed-group", "Restoration of a failed group (seed, \"Restoration of a Failed Unit\")"),
        ("restoration-with-preempt", "Restoration with preempt (seed, \"Restoration of a Failed Unit\")"),
        ("replace-failed-unit", "Replacing a failed unit (seed, \"Replace the Failed Unit with a New Unit\")"),
        ("failover-functionality-test", "The failover functionality test (seed, \"Failover Functionality Tests\")"),
    ];

    /// <summary>
    /// The most steps a story is drawn with: its timeline is one row of three nodes a step, and Graphviz lays out a
    /// timeline in a time that grows faster than its rows (800 steps take 5 s, a few thousand many minutes), while the
    /// seed's stories take a few dozen (docs/input-limits.md).
    /// </summary>
    public const int MaxSteps = 500;

    /// <summary>
    /// Every story scenario in the folder: the table's rows (files named <c>rowN-words.scenario</c>) in order, the health
    /// monitoring stories, then the procedures. A <c>row*.scenario</c> file not named so is bad input, at the file: its
    /// name becomes the story's files and links.
    /// </summary>
    public static IReadOnlyList<(string Scenario, string Title)> Entries(string folder)
    {
        var rows = new List<(string Name, int Number, string Words)>();
        foreach (var file in Directory.GetFiles(folder, "row*.scenario"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (RowOf(name) is not { } row)
            {
                throw new InputException(file, 1, 1, $"a story of the failure-event table is named row<n>-<words>.scenario, n from 1 to {FailureEventTable.Rows.Length} and the words letters, digits and hyphens (the name becomes the story's files and links): '{Path.GetFileName(file)}' is not");
            }

            rows.Add((name, row.Number, row.Words));
        }

        return [.. rows.OrderBy(r => r.Number).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Name, RowTitle(r.Number, r.Words))), .. HealthMonitoring, .. Procedures];
    }

    /// <summary>The row and the words of a name <c>rowN-words</c>, or null when it is not one.</summary>
    private static (int Number, string Words)? RowOf(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (!name.StartsWith("row", StringComparison.Ordinal) || dash < 4 || dash == name.Length - 1)
        {
            return null;
        }

        var digits = name[3..dash];
        var words = name[(dash + 1)..];
        if (digits.Length > 2 || digits[0] == '0' || !digits.All(char.IsAsciiDigit) || !words.All(c => char.IsLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        var number = int.Parse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        return number <= FailureEventTable.Rows.Length ? (number, words.Replace('-', ' ')) : null;
    }

    /// <summary>The table's words for the row, then the file's own words when they add something ("unit power failure").</summary>
    private static string RowTitle(int number, string fileWords)
    {
        var seedEvent = FailureEventTable.Rows[number - 1].SeedEvent;
        return string.Equals(seedEvent, fileWords, StringComparison.OrdinalIgnoreCase)
            ? $"Table row {number}: {seedEvent}"
            : $"Table row {number}: {seedEvent} ({fileWords})";
    }

    /// <summary>The story of one scenario file: titled as the catalog titles it, or by its name when it is not a story of the catalog.</summary>
    internal static Story Of(Scenario scenario, ScenarioResult result)
    {
        var pair = new FailoverPair(scenario.Config);
        return Of(scenario, [.. result.Outputs.OfType<StepOutput>().Select(s => Story.StepOf(scenario.Config, pair, s))]);
    }

    /// <summary>The story of one scenario file from its steps, made one at a time as the run went (<see cref="Story.StepOf"/>).</summary>
    internal static Story Of(Scenario scenario, System.Collections.Immutable.ImmutableArray<StoryStep> steps)
    {
        var name = Path.GetFileNameWithoutExtension(scenario.File);
        var text = File.Exists(scenario.File) ? File.ReadAllText(scenario.File) : "";
        return Story.FromSteps(name, TitleOf(name), text, scenario, steps);
    }

    /// <summary>The title the catalog gives a scenario of its name, or one made of the name when it is none of the catalog's.</summary>
    private static string TitleOf(string name) =>
        RowOf(name) is { } row
            ? RowTitle(row.Number, row.Words)
            : HealthMonitoring.Concat(Procedures).Where(e => e.Scenario == name).Select(e => e.Title).FirstOrDefault() ?? $"Scenario {name}";

    /// <summary>
    /// Runs every story scenario of <paramref name="folder"/> on <paramref name="config"/> (or the configuration a
    /// scenario names, read by <paramref name="loadConfig"/>), each read within <paramref name="limits"/>. A story of more
    /// than <see cref="MaxSteps"/> steps is bad input at the statement that makes the step past them, and its run stops there.
    /// </summary>
    public static IReadOnlyList<Story> Build(string folder, PairConfig config, InputLimits? limits = null, Func<string, PairConfig>? loadConfig = null)
    {
        limits ??= InputLimits.Default;
        loadConfig ??= file => RunningConfigParser.Load(file, limits);
        var stories = new List<Story>();
        foreach (var (name, title) in Entries(folder))
        {
            var path = Path.Combine(folder, name + ".scenario");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path}: the story scenario is missing", path);
            }

            var scenario = ScenarioParser.ParseFile(path, config, loadConfig, limits);
            var pair = new FailoverPair(scenario.Config);
            var steps = new List<StoryStep>();
            ScenarioRunner.Stream(scenario, pair, output =>
            {
                if (output is StepOutput step)
                {
                    if (steps.Count == MaxSteps)
                    {
                        throw new InputException(path, step.Line, 1, $"the story has more than {MaxSteps} steps, the most a story diagram draws (docs/input-limits.md)");
                    }

                    steps.Add(Story.StepOf(scenario.Config, pair, step));
                }
            });
            stories.Add(Story.FromSteps(name, title, File.ReadAllText(path), scenario, [.. steps]));
        }

        return stories;
    }
}
