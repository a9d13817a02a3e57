using System.Globalization;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover state</c> (seed, "Use the show failover state command to verify the state"): each group's state
/// and Last Failure Reason on both units, then whether the configuration is synchronized. A mate the unit cannot hear
/// is shown with the state it appears in (Failed or Not Detected) and a communication failure as its reason.
/// </summary>
public static class ShowFailoverState
{
    public static string Render(ShowContext where)
    {
        var (config, state, unit) = (where.Config, where.State, where.Unit);
        var sb = new StringBuilder();
        sb.Append("               State          Last Failure Reason      Date/Time\n");
        sb.Append(CultureInfo.InvariantCulture, $"This host  -   {unit.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var slot = state.Unit(unit).Group(g);
            sb.Append(CultureInfo.InvariantCulture, $"    Group {g}    {slot.State.Display(),-15}{slot.Reason.Display()}\n");
        }

        var mate = unit.Mate();
        sb.Append(CultureInfo.InvariantCulture, $"Other host -   {mate.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var display = ShowCommands.MateGroupDisplay(state, unit, g);
            var reason = ShowCommands.MateReasonDisplay(state, unit, g);
            sb.Append(CultureInfo.InvariantCulture, $"    Group {g}    {display,-15}{reason}\n");
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
}
