using FailoverModel.Asa;
using FailoverModel.Oracle;

namespace FailoverModel.WorkedExample;

/// <summary>
/// docs/worked-example.md, "The same check in C#": the oracle through the library, step by step. The implementation
/// under test is the Python one's wrong variant, written inline: it forgets row 1 of the failure-event table, so a
/// group stays where it was when its unit loses power.
/// </summary>
public static class LibraryExample
{
    public static List<string> Run()
    {
        var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
        var report = new List<string>();
        var activeOn = new Dictionary<int, string> { [1] = "none", [2] = "none" };
        foreach (var @event in new[] { "power-on primary secondary", "primary: no failover active group 1", "power-off secondary" })
        {
            // The implementation takes the step and reports where each group is active.
            activeOn = WrongImplementation(@event, activeOn);
            var seen = new Observation();
            foreach (var (group, unit) in activeOn)
            {
                seen.Groups[group] = new GroupObservation { ActiveOn = unit };
            }

            // The oracle takes the same step and judges the report.
            var verdict = oracle.Judge(oracle.Apply(@event), seen);
            report.Add(verdict.Conforms ? $"{@event}: conforms" : $"{@event}: {verdict.Divergences[0].Message}");
        }

        return report;
    }

    private static Dictionary<int, string> WrongImplementation(string @event, Dictionary<int, string> activeOn) => @event switch
    {
        "power-on primary secondary" => new() { [1] = "primary", [2] = "secondary" },
        "primary: no failover active group 1" => new() { [1] = "secondary", [2] = activeOn[2] },
        _ => activeOn, // row 1 forgotten: a unit that loses power keeps its active groups
    };
}
