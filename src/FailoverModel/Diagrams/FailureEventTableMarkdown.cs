using System.Text;
using FailoverModel.Rules;

namespace FailoverModel.Diagrams;

/// <summary>The failure-event table rendered from its data, the model's columns beside the seed's own words.</summary>
internal static class FailureEventTableMarkdown
{
    public static string Write(IEnumerable<FailureEventRow>? rows = null)
    {
        var text = new StringBuilder();
        text.Append("# Failure-event table\n\n");
        text.Append("Generated from `FailureEventTable` (seed, \"Failover Actions\"); the model's failover group transitions are derived from these rows.\n\n");
        text.Append("| # | Failure event | Policy | Active group action | Standby group action | Notes |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var row in rows ?? FailureEventTable.Rows)
        {
            text.Append($"| {row.Number} | {Cell(row.SeedEvent)} | {FailureEventRow.Display(row.Policy)} | {FailureEventRow.Display(row.ActiveGroupAction)} | {FailureEventRow.Display(row.StandbyGroupAction)} | {Cell(row.SeedNotes)} |\n");
        }

        text.Append("\n## The seed's wording, where the model's columns differ\n\n");
        foreach (var row in (rows ?? FailureEventTable.Rows).Where(r => r.Correction is not null || r.SeedActiveGroupAction != FailureEventRow.Display(r.ActiveGroupAction) || r.SeedStandbyGroupAction != FailureEventRow.Display(r.StandbyGroupAction)))
        {
            text.Append($"- Row {row.Number}: the seed prints \"{row.SeedActiveGroupAction}\" / \"{row.SeedStandbyGroupAction}\".");
            if (row.Correction is not null)
            {
                text.Append(' ').Append(row.Correction);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
