using System.Globalization;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover state</c> (seed, "Use the show failover state command to verify the state"): each group's state
/// and Last Failure Reason on both units, then whether the configuration is synchronized. A mate the unit cannot hear
/// is shown with the state it appears in (Failed or Not Detected) and a communication failure as its reason. A reason
/// that is set has its Date/Time in the column of that heading (docs/sources.md, "Show outputs"), and an interface
/// failure lists the failed interfaces under it, each as <c>context1 outside: Failed</c>.
/// </summary>
internal static class ShowFailoverState
{
    /// <summary>Where the Last Failure Reason column starts, under its heading.</summary>
    private const int ReasonColumn = 30;

    /// <summary>The Last Failure Reason column's width: Date/Time starts after it.</summary>
    private const int ReasonWidth = 25;

    public static string Render(ShowContext where)
    {
        var (config, state, unit) = (where.Config, where.State, where.Unit);
        var history = where.Memory;
        var sb = new StringBuilder();
        sb.Append("               State          Last Failure Reason      Date/Time\n");
        sb.Append(CultureInfo.InvariantCulture, $"This host  -   {unit.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var slot = state.Unit(unit).Group(g);
            Row(sb, g, slot.State.Display(), slot.Reason.Display(), slot.Reason == FailureReason.None ? null : history.FailedAt(unit, g));
            if (slot.Reason == FailureReason.InterfaceFailure)
            {
                FailedInterfaces(sb, config, state, unit, unit, g);
            }
        }

        var mate = unit.Mate();
        sb.Append(CultureInfo.InvariantCulture, $"Other host -   {mate.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var display = ShowCommands.MateGroupDisplay(state, unit, g);
            var reason = ShowCommands.MateReasonDisplay(state, unit, g);
            var view = state.Unit(unit).View;
            long? at = view.Contact == MateContact.Failed
                ? history.MateFailedAt(unit)
                : ShowCommands.HearsMate(state, unit) && view.Reason(g) != FailureReason.None ? MateFailedAt(history, unit, g, where.NowMs) : null;
            Row(sb, g, display, reason, at);
            if (ShowCommands.HearsMate(state, unit) && view.Reason(g) == FailureReason.InterfaceFailure)
            {
                FailedInterfaces(sb, config, state, unit, mate, g);
            }
        }

        sb.Append("\n====Configuration State===\n");
        var group1 = state.GroupState(unit, FailoverGroupId.One);
        sb.Append(group1 switch
        {
            GroupState.StandbyReady => "        Sync Done - STANDBY\n",
            GroupState.ColdStandby or GroupState.SyncConfig or GroupState.SyncFileSystem or GroupState.BulkSync => "        Config Syncing - STANDBY\n",
            _ => "        Sync Done\n",
        });
        sb.Append("====Communication State===\n");
        sb.Append("        Mac set\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, FailoverGroupId group, string state, string reason, long? at)
    {
        sb.Append(CultureInfo.InvariantCulture, $"    Group {group}    {state,-15}");
        // A reason as wide as its column still leaves one space before the date, so the columns read apart.
        sb.Append(at is { } time ? $"{reason.PadRight(ReasonWidth - 1)} {SimulatedClock.Format(time)}" : reason);
        sb.Append('\n');
    }

    /// <summary>The group's interfaces that <paramref name="viewer"/> shows failed on <paramref name="unit"/>, in configuration order.</summary>
    private static void FailedInterfaces(StringBuilder sb, PairConfig config, PairState state, UnitRole viewer, UnitRole unit, FailoverGroupId group)
    {
        for (var i = 0; i < config.Interfaces.Length; i++)
        {
            var ifc = config.Interfaces[i];
            if (ifc.Monitored && config.GroupOfContext(ifc.Context) == group && ShowCommands.InterfaceHealth(state, viewer, unit, i) == "Failed")
            {
                sb.Append(' ', ReasonColumn).Append(CultureInfo.InvariantCulture, $"{ifc.Context} {ifc.Nameif}: Failed\n");
            }
        }
    }

    /// <summary>
    /// When the mate set the reason its last hello carried: the hellos carry the mate's reason with its time, so the viewer
    /// shows it once it heard a hello sent after it.
    /// </summary>
    private static long? MateFailedAt(FailoverHistory history, UnitRole viewer, FailoverGroupId group, long nowMs) =>
        history.FailedAt(viewer.Mate(), group) is { } at && at <= history.HeardUntil(viewer, nowMs) ? at : null;
}
