using System.Globalization;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show running-config failover</c> in the system execution space (seed, "Display of the Failover Commands in the
/// Running Configuration"): the failover commands of the unit's running configuration, defaults left out as ASA does.
/// A unit that holds only its bootstrap (a new unit before <c>failover</c> is entered, seed "Configure the Secondary
/// Unit") prints just the bootstrap commands, as the seed's secondary does; otherwise the pair's failover
/// configuration with this unit's role and its own copy of the failover group settings.
/// </summary>
internal static class ShowRunningConfigFailover
{
    public static string Render(ShowContext where)
    {
        var (config, state, unit) = (where.Config, where.State, where.Unit);
        var me = state.Unit(unit);
        var bootstrapOnly = !me.StartupFailover && me.Status != UnitStatus.FailoverOn;
        var sb = new StringBuilder();
        if (!bootstrapOnly)
        {
            sb.Append("failover\n");
        }

        var link = config.FailoverLink;
        if (!config.CableBased)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover lan unit {unit.Token()}\n");
            sb.Append(CultureInfo.InvariantCulture, $"failover lan interface {link.Name} {link.PhysicalInterface}\n");
            sb.Append("failover lan enable\n");
            sb.Append("failover key *****\n");
        }

        if (bootstrapOnly)
        {
            AppendAddress(sb, link);
            return sb.ToString();
        }

        var t = config.Timers;
        if (t.UnitPollMs != UnitTimers.Seed.UnitPollMs || t.UnitHoldMs != UnitTimers.Seed.UnitHoldMs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover polltime unit {Polltime(t.UnitPollMs)} holdtime {Polltime(t.UnitHoldMs)}\n");
        }

        if (t.InterfacePollMs != UnitTimers.Seed.InterfacePollMs || t.InterfaceHoldMs != UnitTimers.Seed.InterfaceHoldMs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover polltime interface {Polltime(t.InterfacePollMs)} holdtime {Polltime(t.InterfaceHoldMs)}\n");
        }

        if (config.StateLink is { } stateLink && !config.StateLinkIsFailoverLink)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover link {stateLink.Name} {stateLink.PhysicalInterface}\n");
        }
        else if (config.StateLinkIsFailoverLink)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover link {link.Name}\n");
        }

        if (!config.CableBased)
        {
            AppendAddress(sb, link);
        }

        if (config.StateLink is { } s && !config.StateLinkIsFailoverLink)
        {
            AppendAddress(sb, s);
        }

        foreach (var g in config.GroupIds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover group {g}\n");
            var settings = me.Settings(g);
            if (settings.Preferred == UnitRole.Secondary)
            {
                sb.Append("  secondary\n");
            }

            if (settings.Preempt)
            {
                sb.Append(settings.PreemptDelaySeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"  preempt {settings.PreemptDelaySeconds}\n") : "  preempt\n");
            }

            if (settings.ReplicationHttp)
            {
                sb.Append("  replication http\n");
            }

            if (settings.Policy != InterfacePolicy.Default)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  interface-policy {settings.Policy}\n");
            }
        }

        return sb.ToString();
    }

    private static void AppendAddress(StringBuilder sb, LinkConfig link)
    {
        if (link.ActiveAddress is { } active)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failover interface ip {link.Name} {active} {link.Mask} standby {link.StandbyAddress}\n");
        }
    }

    private static string Polltime(int milliseconds) =>
        milliseconds % 1000 == 0
            ? (milliseconds / 1000).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"msec {milliseconds}");
}
