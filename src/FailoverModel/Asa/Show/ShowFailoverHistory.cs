using System.Globalization;
using System.Text;
using FailoverModel.Machines;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover history</c>: the unit's own record of its groups' state changes, oldest first, each under the
/// time it happened, in ASA's columns (From State, To State, Reason; docs/sources.md, "States"). Active/Active units keep
/// one history for all groups, so the model adds the group in front of each change. Like ASA's, the history shown is
/// bounded: the last <see cref="Depth"/> changes of the unit (docs/input-limits.md), so a scenario that shows it after
/// every one of many events prints a bounded amount each time rather than all it ever recorded.
/// </summary>
internal static class ShowFailoverHistory
{
    /// <summary>
    /// How many changes are shown. Cisco's documents give no figure for ASA's history buffer; 60 keeps a day of
    /// flapping readable and is the bound this model documents.
    /// </summary>
    public const int Depth = 60;

    private const string Rule = "==========================================================================\n";

    public static string Render(ShowContext where)
    {
        var sb = new StringBuilder();
        sb.Append(Rule);
        sb.Append("Group From State                 To State                   Reason\n");
        sb.Append(Rule);
        var entries = where.Memory.Of(where.Unit);
        foreach (var e in entries.Skip(Math.Max(0, entries.Length - Depth)))
        {
            sb.Append(SimulatedClock.Format(e.TimeMs)).Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"{e.Group,-6}{e.From.Display(),-27}{e.To.Display(),-27}{e.Reason}\n\n");
        }

        sb.Append(Rule);
        return sb.ToString();
    }
}
