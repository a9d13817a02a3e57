using System.Globalization;
using System.Text;
using FailoverModel.Machines;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover history</c>: the unit's own record of its groups' state changes, oldest first, each under the
/// time it happened, in ASA's columns (From State, To State, Reason; docs/sources.md, "States"). Active/Active units keep
/// one history for all groups, so the model adds the group in front of each change.
/// </summary>
public static class ShowFailoverHistory
{
    private const string Rule = "==========================================================================\n";

    public static string Render(ShowContext where)
    {
        var sb = new StringBuilder();
        sb.Append(Rule);
        sb.Append("Group From State                 To State                   Reason\n");
        sb.Append(Rule);
        foreach (var e in where.Memory.Of(where.Unit))
        {
            sb.Append(SimulatedClock.Format(e.TimeMs)).Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"{e.Group,-6}{e.From.Display(),-27}{e.To.Display(),-27}{e.Reason}\n\n");
        }

        sb.Append(Rule);
        return sb.ToString();
    }
}
