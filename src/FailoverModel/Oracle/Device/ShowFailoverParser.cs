using System.Text.RegularExpressions;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Device;

/// <summary>
/// Reads the Active/Active layout of <c>show failover</c> (seed, "Use of the show failover Command"; the same layout in
/// later releases' command references): <c>Failover On|Off</c>, the failover LAN interface's status, each group's
/// <c>State:</c> under <c>This host:</c> (the unit's own groups) and under <c>Other host:</c> (its view of the mate), and
/// the Stateful Failover link's status. Lines it does not know (versions, timers, active times, interface health,
/// statistics) are skipped: they are not in the state object. Every value it reads remembers its line. An
/// Active/Standby output (<c>This host: Primary - Active</c>: a state for the whole unit, no groups) is refused: read as
/// Active/Active it would show no group at all, and a trace of it would conform without being compared.
/// </summary>
internal static partial class ShowFailoverParser
{
    public const string Command = "show failover";

    /// <summary>Reads one unit's output into <paramref name="into"/>; an output this parser cannot read is an error message, else null.</summary>
    public static string? Read(string text, UnitRole unit, Observation into)
    {
        var host = (UnitRole?)null;
        var lines = DeviceLines.Split(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var source = new DeviceSource(unit, Command, i + 1, line);
            var trimmed = line.Trim();
            if (FailoverOnOff().Match(trimmed) is { Success: true } onOff)
            {
                DeviceLines.Set(into, unit, $"units.{unit.Token()}.failover", source, u => u.Failover ??= onOff.Groups[1].Value == "On" ? "enabled" : "disabled");
            }
            else if (LanInterface().Match(trimmed) is { Success: true } lan)
            {
                var links = into.Links ??= new LinksObservation();
                if (links.Failover is null)
                {
                    links.Failover = lan.Groups[1].Value.ToLowerInvariant();
                    into.Sources.TryAdd("links.failover", source);
                }
            }
            else if (StatefulLink().Match(trimmed) is { Success: true } stateful)
            {
                var links = into.Links ??= new LinksObservation();
                if (links.State is null)
                {
                    links.State = stateful.Groups[1].Value.ToLowerInvariant();
                    into.Sources.TryAdd("links.state", source);
                }
            }
            else if (Host().Match(trimmed) is { Success: true } h)
            {
                if (h.Groups[2].Success)
                {
                    return $"show failover line {i + 1}: \"{trimmed}\" is the Active/Standby layout (one state for the whole unit); an Active/Active unit shows each failover group's state";
                }

                host = h.Groups[1].Value == "This" ? unit : unit.Mate();
            }
            else if (host is { } shown && GroupState().Match(trimmed) is { Success: true } g && int.TryParse(g.Groups[1].Value, out var group))
            {
                DeviceLines.SetGroupState(into, unit, shown, group, g.Groups[2].Value.Trim(), null, source);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Failover (On|Off)$")]
    private static partial Regex FailoverOnOff();

    [GeneratedRegex(@"^Failover LAN Interface:\s+\S+\s+\S+\s+\((\w+)\)")]
    private static partial Regex LanInterface();

    [GeneratedRegex(@"^Link\s*:\s*\S+\s+\S+\s+\((\w+)\)")]
    private static partial Regex StatefulLink();

    [GeneratedRegex(@"^(This|Other) host:\s*(?:\S+(\s+-\s+\S.*)?)?")]
    private static partial Regex Host();

    [GeneratedRegex(@"^Group (\d+)\s+State:\s+(.+)$")]
    private static partial Regex GroupState();
}
