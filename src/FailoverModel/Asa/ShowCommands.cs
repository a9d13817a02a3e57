using System.Text;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>The <c>show</c> commands the model renders from a snapshot, in ASA's layout.</summary>
public static class ShowCommands
{
    public static readonly IReadOnlyList<string> Known = ["failover", "failover state"];

    public static bool IsKnown(string command) => Known.Contains(command);

    public static string Render(PairConfig config, PairState state, UnitRole unit, string command) => command switch
    {
        "failover state" => FailoverState(config, state, unit),
        "failover" => Failover(config, state, unit),
        _ => throw new ArgumentException($"unknown show command '{command}'", nameof(command)),
    };

    /// <summary>The state a unit shows for a group of its mate: a mate that sends no hellos is marked failed (table row 1).</summary>
    public static string MateGroupDisplay(PairState state, UnitRole unit, int group)
    {
        var mate = state.Unit(unit.Mate());
        if (state.FailoverLink != LinkStatus.Up || mate.Status is UnitStatus.FailoverOff)
        {
            return "Not Detected";
        }

        return mate.Status.IsDown() ? "Failed" : mate.Group(group).State.Display();
    }

    private static string FailoverState(PairConfig config, PairState state, UnitRole unit)
    {
        var sb = new StringBuilder();
        sb.Append("               State          Last Failure Reason      Date/Time\n");
        sb.Append($"This host  -   {unit.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var slot = state.Unit(unit).Group(g);
            sb.Append($"    Group {g}    {slot.State.Display(),-15}{slot.Reason.Display()}\n");
        }

        var mate = unit.Mate();
        sb.Append($"Other host -   {mate.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var display = MateGroupDisplay(state, unit, g);
            var reason = display == state.Unit(mate).Group(g).State.Display() ? state.Unit(mate).Group(g).Reason.Display() : "Comm Failure";
            sb.Append($"    Group {g}    {display,-15}{reason}\n");
        }

        sb.Append("\n====Configuration State===\n");
        var standbyForGroup1 = !state.GroupState(unit, 1).IsActive();
        sb.Append(standbyForGroup1 && state.GroupState(unit, 1) == GroupState.StandbyReady ? "        Sync Done - STANDBY\n" : "        Sync Done\n");
        sb.Append("====Communication State===\n");
        sb.Append("        Mac set\n");
        return sb.ToString();
    }

    private static string Failover(PairConfig config, PairState state, UnitRole unit)
    {
        var me = state.Unit(unit);
        var sb = new StringBuilder();
        sb.Append($"Failover {(me.Status == UnitStatus.FailoverOn ? "On" : "Off")}\n");
        sb.Append(config.CableBased ? "Cable status: Normal\n" : "Cable status: N/A - LAN-based failover enabled\n");
        sb.Append($"Failover unit {unit.Display()}\n");
        sb.Append($"Failover LAN Interface: {config.FailoverLink.Name} {config.FailoverLink.PhysicalInterface} ({state.FailoverLink.Token()})\n");
        var t = config.Timers;
        sb.Append($"Unit Poll frequency {t.UnitPollMs / 1000} seconds, holdtime {t.UnitHoldMs / 1000} seconds\n");
        sb.Append($"Interface Poll frequency {t.InterfacePollMs / 1000} seconds, holdtime {t.InterfaceHoldMs / 1000} seconds\n");
        sb.Append($"Interface Policy {me.Settings(1).Policy}\n");
        var monitored = config.Interfaces.Count(i => i.Monitored);
        sb.Append($"Monitored Interfaces {monitored} of 250 maximum\n");
        sb.Append($"Version: Ours {config.Version}, Mate {config.Version}\n");
        AppendHost(sb, config, state, unit, "This host", own: true);
        AppendHost(sb, config, state, unit.Mate(), "Other host", own: false, viewer: unit);
        if (config.StateLink is { } link)
        {
            sb.Append("\nStateful Failover Logical Update Statistics\n");
            sb.Append($"        Link : {link.Name} {link.PhysicalInterface} ({state.StateLink.Token()})\n");
        }

        return sb.ToString();
    }

    private static void AppendHost(StringBuilder sb, PairConfig config, PairState state, UnitRole unit, string title, bool own, UnitRole viewer = default)
    {
        sb.Append($"{title}: {unit.Display()}\n");
        foreach (var g in config.GroupIds)
        {
            var display = own ? state.GroupState(unit, g).Display() : MateGroupDisplay(state, viewer, g);
            sb.Append($"  Group {g}       State:          {display}\n");
        }

        foreach (var i in config.Interfaces.Where(i => i.Monitored))
        {
            var group = config.GroupOfContext(i.Context);
            var active = state.GroupState(unit, group).IsActive();
            var address = active ? i.ActiveAddress : i.StandbyAddress;
            var index = config.InterfaceIndex(i.Context, i.Nameif);
            var status = state.Unit(unit).IsInterfaceFailed(index) ? "Failed" : "Normal";
            sb.Append($"  {i.Context} Interface {i.Nameif} ({address ?? "0.0.0.0"}): {status}\n");
        }
    }
}
