using FailoverModel.Asa;
using FailoverModel.Rules;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams.Stories;

/// <summary>
/// Which scenarios tell the seed's stories: one per row of the failure-event table ("Failover Actions") and one per
/// procedure the seed walks through. The titles of rows are the table's own words.
/// </summary>
public static class StoryCatalog
{
    public static readonly IReadOnlyList<(string Scenario, string Title)> Procedures =
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

    /// <summary>Every story scenario in the folder: the table's rows (files named <c>rowN-…</c>) in order, then the procedures.</summary>
    public static IReadOnlyList<(string Scenario, string Title)> Entries(string folder)
    {
        var rows = Directory.GetFiles(folder, "row*.scenario")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => (Name: n, Number: int.Parse(n[3..n.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Number).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => (r.Name, $"Table row {r.Number}: {FailureEventTable.Rows[r.Number - 1].SeedEvent} ({r.Name[(r.Name.IndexOf('-', StringComparison.Ordinal) + 1)..].Replace('-', ' ')})"));
        return [.. rows, .. Procedures];
    }

    /// <summary>The story of one scenario file: titled as the catalog titles it, or by its name when it is not a story of the catalog.</summary>
    public static Story Of(Scenario scenario, ScenarioResult result)
    {
        var name = Path.GetFileNameWithoutExtension(scenario.File);
        var folder = Path.GetDirectoryName(Path.GetFullPath(scenario.File))!;
        var title = Entries(folder).Where(e => e.Scenario == name).Select(e => e.Title).FirstOrDefault() ?? $"Scenario {name}";
        var text = File.Exists(scenario.File) ? File.ReadAllText(scenario.File) : "";
        return Story.FromRun(name, title, text, result);
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

            var scenario = ScenarioParser.ParseFile(path, config, RunningConfigParser.Load);
            stories.Add(Story.FromRun(name, title, File.ReadAllText(path), ScenarioRunner.Run(scenario)));
        }

        return stories;
    }
}
