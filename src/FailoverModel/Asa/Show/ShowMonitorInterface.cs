using FailoverModel.Machines;
using System.Globalization;
using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show monitor-interface</c> inside a context (seed, "View of Monitored Interfaces": "In multiple context mode,
/// enter the show monitor-interface within a context"): the context's monitored interfaces on this unit and on the
/// other, each unit named with the state of the context's failover group there.
/// </summary>
public static class ShowMonitorInterface
{
    public static string Render(ShowContext where)
    {
        var context = where.Config.Context(where.Context!) ?? throw new ArgumentException($"no context {where.Context} in the configuration", nameof(where));
        var sb = new StringBuilder();
        AppendHost(sb, where, context, where.Unit, "This host");
        AppendHost(sb, where, context, where.Unit.Mate(), "Other host");
        return sb.ToString();
    }

    private static void AppendHost(StringBuilder sb, ShowContext where, ContextConfig context, UnitRole host, string title)
    {
        var (config, state, viewer) = (where.Config, where.State, where.Unit);
        var display = host == viewer ? state.GroupState(host, context.Group).Display() : ShowCommands.MateGroupDisplay(state, viewer, context.Group);
        sb.Append(CultureInfo.InvariantCulture, $"        {title}: {host.Display()} - {display}\n");
        foreach (var ifc in context.Interfaces.Where(i => i.Monitored))
        {
            var index = config.InterfaceIndex(ifc.Name);
            var health = ShowCommands.InterfaceHealth(state, viewer, host, index);
            sb.Append(CultureInfo.InvariantCulture, $"                Interface {ifc.Nameif} ({ShowCommands.Address(config, state, viewer, host, ifc)}): {health}\n");
        }
    }
}
