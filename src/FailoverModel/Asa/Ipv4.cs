using System.Net;
using System.Net.Sockets;

namespace FailoverModel.Asa;

/// <summary>IPv4 addresses and the seed's rule that a standby address is in the active address's subnet.</summary>
internal static class Ipv4
{
    public static uint? Parse(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3
            ? (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(address.GetAddressBytes(), 0))
            : null;

    public static bool IsMask(uint mask) => mask == 0 || (~mask & (~mask + 1)) == 0;

    /// <summary>Checks <c>A M standby S</c> starting at word <paramref name="at"/>; returns the three texts.</summary>
    public static (string Active, string Mask, string Standby) ActiveAndStandby(ConfigLine line, int at, string what)
    {
        if (line.Count > at && line[at] is "dhcp" or "pppoe")
        {
            throw line.Error(at, $"{what}: failover cannot use an address obtained through {line[at].ToUpperInvariant()} (seed, \"Failover Configuration Limitations\")");
        }

        if (line.Count <= at + 1)
        {
            throw line.Error(line.Count, $"{what}: expected '<address> <mask> standby <address>'");
        }

        var active = Parse(line[at]) ?? throw line.Error(at, $"{what}: '{line[at]}' is not an IPv4 address{(line[at].Contains(':', StringComparison.Ordinal) ? " (failover cannot use IPv6 addresses)" : "")}");
        var mask = Parse(line[at + 1]);
        if (mask is null || !IsMask(mask.Value))
        {
            throw line.Error(at + 1, $"{what}: '{line[at + 1]}' is not a network mask");
        }

        if (line.Count <= at + 3 || line[at + 2] != "standby")
        {
            throw line.Error(Math.Min(at + 2, line.Count), $"{what}: a standby address is required for failover ('standby <address>')");
        }

        var standby = Parse(line[at + 3]) ?? throw line.Error(at + 3, $"{what}: '{line[at + 3]}' is not an IPv4 address");
        if ((active & mask.Value) != (standby & mask.Value))
        {
            throw line.Error(at + 3, $"{what}: the standby address {line[at + 3]} is not in the subnet of {line[at]}/{line[at + 1]} (seed: \"It must be in the same subnet as the active IP address\")");
        }

        if (line.Count > at + 4)
        {
            throw line.Error(at + 4, $"{what}: unexpected '{line[at + 4]}'");
        }

        return (line[at], line[at + 1], line[at + 3]);
    }
}
