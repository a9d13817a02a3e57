using System.Globalization;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover</c> in the system execution space (seed, "Use of the show failover Command"): the unit's failover
/// settings, each group's state and active time on both units, the monitored interfaces, and the Stateful Failover
/// statistics, counted from the connection state the model keeps.
/// </summary>
internal static class ShowFailover
{
    public static string Render(ShowContext where)
    {
        var (config, state, unit) = (where.Config, where.State, where.Unit);
        var me = state.Unit(unit);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Failover {(me.Status == UnitStatus.FailoverOn ? "On" : "Off")}\n");
        sb.Append(config.CableBased ? "Cable status: Normal\n" : "Cable status: N/A - LAN-based failover enabled\n");
        sb.Append(CultureInfo.InvariantCulture, $"Failover unit {unit.Display()}\n");
        if (config.CableBased)
        {
            // ASDM guide, failover status: a pair joined by the serial failover cable has no failover LAN interface.
            sb.Append("Failover LAN Interface: N/A - Serial-based failover enabled\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"Failover LAN Interface: {config.FailoverLink.Name} {config.FailoverLink.PhysicalInterface} ({state.FailoverLink.Token()})\n");
        }

        var t = config.Timers;
        sb.Append(CultureInfo.InvariantCulture, $"Unit Poll frequency {Duration(t.UnitPollMs)}, holdtime {Duration(t.UnitHoldMs)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Interface Poll frequency {Duration(t.InterfacePollMs)}, holdtime {Duration(t.InterfaceHoldMs)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Interface Policy {me.Settings(FailoverGroupId.One).Policy}\n");
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

            // The model has no packet counts; each row counts the kinds of connection state this unit passes to its
            // mate (xmit, for groups active here) or holds for it (rcv, for groups standby here), per failover group.
            var (sent, received) = Replication(config, state, unit);
            foreach (var (row, kinds) in StatisticsRows)
            {
                var xmit = Count(sent, kinds);
                var rcv = Count(received, kinds);
                sb.Append(CultureInfo.InvariantCulture, $"        {row,-16}{xmit,-11}{0,-11}{rcv,-11}{0}\n");
            }

            sb.Append("\n        Logical Update Queue Information\n");
            sb.Append("                        Cur     Max     Total\n");
            sb.Append("        Recv Q:         0       0       0\n");
            sb.Append("        Xmit Q:         0       0       0\n");
        }

        return sb.ToString();
    }

    private static readonly (string Row, ConnectionKinds Kinds)[] StatisticsRows =
    [
        ("General", (ConnectionKinds)ushort.MaxValue),
        ("sys cmd", ConnectionKinds.None),
        ("up time", ConnectionKinds.None),
        ("RPC services", ConnectionKinds.None),
        ("TCP conn", ConnectionKinds.Tcp),
        ("UDP conn", ConnectionKinds.Udp),
        ("ARP tbl", ConnectionKinds.Arp),
        ("Xlate_Timeout", ConnectionKinds.Xlate),
    ];

    private static (List<ConnectionKinds> Sent, List<ConnectionKinds> Received) Replication(PairConfig config, PairState state, UnitRole unit)
    {
        var sent = new List<ConnectionKinds>();
        var received = new List<ConnectionKinds>();
        foreach (var g in config.GroupIds)
        {
            var replicated = state.Connections.Group(g).Replicated;
            if (state.ActiveOn(g) == ActiveOnValues.Of(unit))
            {
                sent.Add(replicated);
            }
            else if (state.GroupState(unit, g) == GroupState.StandbyReady)
            {
                received.Add(replicated);
            }
        }

        return (sent, received);
    }

    private static int Count(List<ConnectionKinds> groups, ConnectionKinds kinds) =>
        groups.Sum(g => System.Numerics.BitOperations.PopCount((uint)(g & kinds)));

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
            // The mate's active time is what its last hello said: counted up to when this unit last heard it.
            var until = host == viewer ? where.NowMs : where.Memory.HeardUntil(viewer, where.NowMs);
            sb.Append(CultureInfo.InvariantCulture, $"                Active time:    {where.Memory.ActiveSeconds(host, g, until)} (sec)\n");
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
            sb.Append(CultureInfo.InvariantCulture, $"                  {ifc.Context} Interface {ifc.Nameif} ({ShowCommands.Address(config, state, viewer, host, ifc)}): {health}\n");
        }
    }
}
