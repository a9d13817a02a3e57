using System.Globalization;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover</c> in the system execution space (seed, "Use of the show failover Command"): the unit's failover
/// settings, each group's state and active time on both units, the monitored interfaces, and the Stateful Failover
/// statistics. The model does not count Stateful Failover messages, so the statistics print zero.
/// </summary>
public static class ShowFailover
{
    public static string Render(ShowContext where)
    {
        var (config, state, unit) = (where.Config, where.State, where.Unit);
        var me = state.Unit(unit);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Failover {(me.Status == UnitStatus.FailoverOn ? "On" : "Off")}\n");
        sb.Append(config.CableBased ? "Cable status: Normal\n" : "Cable status: N/A - LAN-based failover enabled\n");
        sb.Append(CultureInfo.InvariantCulture, $"Failover unit {unit.Display()}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Failover LAN Interface: {config.FailoverLink.Name} {config.FailoverLink.PhysicalInterface} ({state.FailoverLink.Token()})\n");
        var t = config.Timers;
        sb.Append(CultureInfo.InvariantCulture, $"Unit Poll frequency {Duration(t.UnitPollMs)}, holdtime {Duration(t.UnitHoldMs)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Interface Poll frequency {Duration(t.InterfacePollMs)}, holdtime {Duration(t.InterfaceHoldMs)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Interface Policy {me.Settings(1).Policy}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Monitored Interfaces {config.Interfaces.Count(i => i.Monitored)} of 250 maximum\n");
        sb.Append(CultureInfo.InvariantCulture, $"Version: Ours {config.Version}, Mate {config.Version}\n");
        foreach (var g in config.GroupIds)
        {
            if (where.Memory.LastFailover(unit, g) is { } at)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Group {g} last failover at: {SimulatedClock.Format(at)}\n");
            }
        }

        sb.Append('\n');
        AppendHost(sb, where, unit, "This host");
        sb.Append('\n');
        AppendHost(sb, where, unit.Mate(), "Other host");
        if (config.StateLink is { } link)
        {
            sb.Append("\nStateful Failover Logical Update Statistics\n");
            sb.Append(CultureInfo.InvariantCulture, $"        Link : {link.Name} {link.PhysicalInterface} ({state.StateLink.Token()})\n");
            sb.Append("        Stateful Obj    xmit       xerr       rcv        rerr\n");
            foreach (var kind in (string[])["General", "sys cmd", "up time", "RPC services", "TCP conn", "UDP conn", "ARP tbl", "Xlate_Timeout"])
            {
                sb.Append(CultureInfo.InvariantCulture, $"        {kind,-16}{0,-11}{0,-11}{0,-11}{0}\n");
            }

            sb.Append("\n        Logical Update Queue Information\n");
            sb.Append("                        Cur     Max     Total\n");
            sb.Append("        Recv Q:         0       0       0\n");
            sb.Append("        Xmit Q:         0       0       0\n");
        }

        return sb.ToString();
    }

    /// <summary>ASA prints whole seconds as seconds and sub-second timers (<c>msec</c>) as milliseconds.</summary>
    public static string Duration(int milliseconds) =>
        milliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000} seconds")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds} milliseconds");

    private static void AppendHost(StringBuilder sb, ShowContext where, UnitRole host, string title)
    {
        var (config, state, viewer) = (where.Config, where.State, where.Unit);
        sb.Append(CultureInfo.InvariantCulture, $"  {title + ":",-14}{host.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var display = host == viewer ? state.GroupState(host, g).Display() : ShowCommands.MateGroupDisplay(state, viewer, g);
            sb.Append(CultureInfo.InvariantCulture, $"  Group {g}       State:          {display}\n");
            sb.Append(CultureInfo.InvariantCulture, $"                Active time:    {where.Memory.ActiveSeconds(host, g, where.NowMs)} (sec)\n");
        }

        sb.Append('\n');
        for (var i = 0; i < config.Interfaces.Length; i++)
        {
            var ifc = config.Interfaces[i];
            if (!ifc.Monitored)
            {
                continue;
            }

            var health = ShowCommands.InterfaceHealth(state, viewer, host, i);
            sb.Append(CultureInfo.InvariantCulture, $"                  {ifc.Context} Interface {ifc.Nameif} ({ShowCommands.Address(config, state, host, ifc)}): {health}\n");
        }
    }
}
