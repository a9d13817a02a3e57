
namespace FailoverModel.Asa;

/// <summary>IPv4 addresses and the seed's rule that a standby address is in the active address's subnet.</summary>
internal static class Ipv4
{
    /// <summary>
    /// Dotted decimal only, as ASA reads it: four numbers 0–255. .NET's parser also takes the BSD forms, so
    /// <c>0300.0250.01.01</c> (ASA's dotted-hex MAC notation) would be read as the octal address 192.168.1.1.
    /// </summary>
    public static uint? Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        uint value = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return null;
            }

            var n = uint.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (n > 255)
            {
                return null;
            }

            value = (value << 8) | n;
        }

        return value;
    }

    public static bool IsMask(uint mask) => mask == 0 || (~mask & (~mask + 1)) == 0;

    /// <summary>
    /// An interface address is a host of its subnet, not the subnet's own address or its broadcast address, which ASA
    /// refuses for an interface; /31 and /32 subnets have no such addresses.
    /// </summary>
    private static void CheckHost(ConfigLine line, int word, uint address, uint mask, string what)
    {
        if (mask is 0xFFFFFFFE or 0xFFFFFFFF)
        {
            return;
        }

        if ((address & ~mask) == 0)
        {
            throw line.Error(word, $"{what}: {line[word]} is the network address of its subnet, not an address an interface can have");
        }

        if ((address & ~mask) == ~mask)
        {
            throw line.Error(word, $"{what}: {line[word]} is the broadcast address of its subnet, not an address an interface can have");
        }
    }

    /// <summary>Whether the subnets of two address-and-mask pairs share an address (one contains the other).</summary>
    public static bool Overlap(string address1, string mask1, string address2, string mask2)
    {
        var wider = Parse(mask1)!.Value & Parse(mask2)!.Value;
        return (Parse(address1)!.Value & wider) == (Parse(address2)!.Value & wider);
    }

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

        if (mask == 0)
        {
            throw line.Error(at + 1, $"{what}: the mask 0.0.0.0 makes every address one subnet: an interface address needs a network mask");
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

        if (standby == active)
        {
            throw line.Error(at + 3, $"{what}: the standby address {line[at + 3]} is the active address: each unit answers on an address of its own");
        }

        CheckHost(line, at, active, mask.Value, what);
        CheckHost(line, at + 3, standby, mask.Value, what);

        if (line.Count > at + 4)
        {
            throw line.Error(at + 4, $"{what}: unexpected '{line[at + 4]}'");
        }

        return (line[at], line[at + 1], line[at + 3]);
    }
}
