using System.Globalization;
using System.Text.RegularExpressions;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Device;

/// <summary>
/// Reads syslog lines in ASA's format (ASA syslog messages guide): <c>%ASA-&lt;severity&gt;-&lt;id&gt;: &lt;text&gt;</c>
/// (or <c>%PIX-</c>), after any timestamp and host name a syslog server puts before it. Failover messages start with the
/// unit's role in parentheses (<c>(Primary) Switching to ACTIVE - ...</c>); the role is checked against the unit the line
/// is listed under, since it is part of the text compared (a message of the wrong unit shows there). The severity is
/// compared with the id's.
/// </summary>
internal static partial class AsaSyslogParser
{
    public const string Output = "syslog";

    /// <summary>Reads one line; an unreadable line is an error message, else null.</summary>
    public static string? Read(string line, int index, UnitRole unit, List<SyslogObservation> into)
    {
        var m = Message().Match(line);
        if (!m.Success)
        {
            return $"syslog line {index}: not an ASA message ('%ASA-<severity>-<id>: <text>'): \"{line}\"";
        }

        var id = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var text = m.Groups[3].Value;
        var source = new DeviceSource(unit, Output, index, line);
        var severity = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        into.Add(new SyslogObservation(unit.Token(), id, text) { Source = source, Severity = severity });
        return null;
    }

    [GeneratedRegex(@"%(?:ASA|PIX)-(\d)-(\d{6}):\s*(.*?)\s*$")]
    private static partial Regex Message();
}
