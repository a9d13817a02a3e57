using System.Globalization;
using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>
/// <c>show failover interface</c> (seed, "verify the IP addresses of the failover unit"): the failover and Stateful
/// Failover interfaces with the system address and the address each unit uses. The primary unit uses the active
/// address and the secondary the standby address, whatever the failover groups do: these links belong to the units,
/// not to a group.
/// </summary>
internal static class ShowFailoverInterface
{
    public static string Render(ShowContext where)
    {
        var config = where.Config;
        var sb = new StringBuilder();
        Append(sb, config.FailoverLink, where.Unit);
        if (config.StateLink is { } state && !config.StateLinkIsFailoverLink)
        {
            Append(sb, state, where.Unit);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, LinkConfig link, UnitRole unit)
    {
        var mine = unit == UnitRole.Primary ? link.ActiveAddress : link.StandbyAddress;
        var other = unit == UnitRole.Primary ? link.StandbyAddress : link.ActiveAddress;
        sb.Append(CultureInfo.InvariantCulture, $"        interface {link.Name} {link.PhysicalInterface}\n");
        sb.Append(CultureInfo.InvariantCulture, $"                System IP Address: {link.ActiveAddress ?? "0.0.0.0"} {link.Mask ?? "0.0.0.0"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"                My IP Address    : {mine ?? "0.0.0.0"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"                Other IP Address : {other ?? "0.0.0.0"}\n");
    }
}
