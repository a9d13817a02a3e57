using System.Text.RegularExpressions;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Device;

/// <summary>
/// Reads <c>show failover state</c> (seed, "Use the show failover state command to verify the state"): under
/// <c>This host -</c> each group's state and Last Failure Reason on the unit, under <c>Other host -</c> the unit's view of
/// its mate's groups. The columns are those of the heading line (<c>State</c>, <c>Last Failure Reason</c>,
/// <c>Date/Time</c>) when it is there; a state is read as the longest state name ASA prints that starts the column, else
/// as the column's text, so a misspelt state is reported, not skipped. A trailing date is not compared.
/// </summary>
internal static partial class ShowFailoverStateParser
{
    public const string Command = "show failover state";

    /// <summary>The state names ASA prints in this table, longest first so that "Standby Ready" wins over a prefix.</summary>
    private static readonly string[] States =
    [
        .. Enum.GetValues<Machines.GroupState>().Select(s => Machines.GroupStates.Display(s)).Append("Not Detected").Append("Failed").Distinct().OrderByDescending(s => s.Length),
    ];

    public static void Read(string text, UnitRole unit, Observation into)
    {
        var lines = DeviceLines.Split(text);
        UnitRole? host = null;
        int stateColumn = -1, reasonColumn = -1, dateColumn = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var source = new DeviceSource(unit, Command, i + 1, line);
            if (line.Contains("Last Failure Reason", StringComparison.Ordinal))
            {
                stateColumn = line.IndexOf("State", StringComparison.Ordinal);
                reasonColumn = line.IndexOf("Last Failure Reason", StringComparison.Ordinal);
                dateColumn = line.IndexOf("Date/Time", StringComparison.Ordinal);
                continue;
            }

            if (Host().Match(line.Trim()) is { Success: true } h)
            {
                host = h.Groups[1].Value == "This" ? unit : unit.Mate();
                continue;
            }

            if (host is not { } shown || Group().Match(line) is not { Success: true } g || !int.TryParse(g.Groups[1].Value, out var group))
            {
                continue;
            }

            var start = stateColumn >= 0 && stateColumn >= g.Length ? stateColumn : g.Length;
            var rest = line.Length > start ? line[start..] : "";
            var offset = start;
            while (rest.StartsWith(' '))
            {
                rest = rest[1..];
                offset++;
            }

            var state = States.FirstOrDefault(s => rest.StartsWith(s, StringComparison.Ordinal) && (rest.Length == s.Length || rest[s.Length] == ' '));
            if (state is null)
            {
                // Not a state ASA prints: take the column (or the words up to two spaces) as written, to report it.
                var width = reasonColumn > offset ? reasonColumn - offset : rest.IndexOf("  ", StringComparison.Ordinal);
                state = (width > 0 && width <= rest.Length ? rest[..width] : rest).Trim();
            }

            var reason = rest.Length > state.Length ? rest[state.Length..].Trim() : "";
            if (dateColumn > 0 && line.Length > dateColumn && reasonColumn > 0 && offset + state.Length <= dateColumn)
            {
                reason = line[Math.Max(offset + state.Length, reasonColumn)..dateColumn].Trim();
            }

            reason = TrailingDate().Replace(reason, "").Trim();
            DeviceLines.SetGroupState(into, unit, shown, group, state, reason, source);
        }
    }

    [GeneratedRegex(@"^(This|Other) host\s*-")]
    private static partial Regex Host();

    [GeneratedRegex(@"^\s*Group (\d+)")]
    private static partial Regex Group();

    [GeneratedRegex(@"\s*\d{2}:\d{2}:\d{2} \S+ \w{3} \d{1,2} \d{4}$")]
    private static partial Regex TrailingDate();
}
