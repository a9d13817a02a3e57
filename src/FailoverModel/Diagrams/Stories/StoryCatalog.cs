using FailoverModel.Asa;
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

    /// <summary>Every story scenario in the folder: the table's rows (files named <c>rowN-…</c>) in order, the health monitoring stories, then the procedures.</summary>
    public static IReadOnlyList<(string Scenario, string Title)> Entries(string folder)
    {
        var rows = Directory.GetFiles(folder, "row*.scenario")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => (Name: n, Number: int.Parse(n[3..n.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Number).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => (r.Name, RowTitle(r.Number, r.Name[(r.Name.IndexOf('-', StringComparison.Ordinal) + 1)..].Replace('-', ' '))));
        return [.. rows, .. HealthMonitoring, .. Procedures];
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
        var folder = Path.GetDirectoryName(Path.GetFullPath(scenario.File))!;
        var title = Entries(folder).Where(e => e.Scenario == name).Select(e => e.Title).FirstOrDefault() ?? $"Scenario {name}";
        var text = File.Exists(scenario.File) ? File.ReadAllText(scenario.File) : "";
        return Story.FromSteps(name, title, text, scenario, steps);
    }

    /// <summary>Runs every story scenario of <paramref name="folder"/> on <paramref name="config"/> (or the configuration a scenario names).</summary>
    public static IReadOnlyList<Story> Build(string folder, PairConfig config)
    {
        var stories = new List<Story>();
        foreach (var (name, title) in Entries(folder))
        {
            var path = Path.Combine(folder, name + ".scenario");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path}: the story scenario is missing", path);
            }

            var scenario = ScenarioParser.ParseFile(path, config, file => RunningConfigParser.Load(file));
            stories.Add(Story.FromRun(name, title, File.ReadAllText(path), ScenarioRunner.Run(scenario)));
        }

        return stories;
    }
}
