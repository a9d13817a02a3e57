using System.Text.RegularExpressions;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Device;

/// <summary>
/// Turns a trace line's device text (docs/oracle.md, "Device output") into an observation: each unit's
/// <c>show failover</c>, <c>show failover state</c> and syslog lines, each value remembering the line it came from.
/// Each output is an observation of its own (<see cref="Observation.Also"/>), so that two outputs showing the same field
/// are both compared; the members the line gives as JSON are judged beside them.
/// </summary>
internal static class DeviceObservations
{
    public static void Read(PairConfig config, DeviceText device, Observation into, string file, long line)
    {
        List<SyslogObservation>? syslog = null;
        foreach (var unit in UnitRoles.Both)
        {
            if (!device.Units.TryGetValue(unit, out var text))
            {
                continue;
            }

            if (text.ShowFailover is { } show)
            {
                var seen = new Observation();
                if (ShowFailoverParser.Read(show, unit, seen) is { } error)
                {
                    throw new InputException(file, line, 1, $"device.{unit.Token()}.{error}");
                }

                NotEmpty(seen, file, line, unit, ShowFailoverParser.Command, "'Failover On|Off', 'Failover LAN Interface: ...', 'Group <n> State: <state>'");
                into.Also.Add(seen);
            }

            if (text.ShowFailoverState is { } state)
            {
                var seen = new Observation();
                ShowFailoverStateParser.Read(state, unit, seen);
                NotEmpty(seen, file, line, unit, ShowFailoverStateParser.Command, "'This host -' or 'Other host -', then 'Group <n>  <state>  <reason>'");
                into.Also.Add(seen);
            }

            if (text.Syslog is { } lines)
            {
                syslog ??= [];
                for (var i = 0; i < lines.Count; i++)
                {
                    if (AsaSyslogParser.Read(lines[i], i + 1, unit, syslog) is { } error)
                    {
                        throw new InputException(file, line, 1, $"device.{unit.Token()}.{error}");
                    }
                }
            }
        }

        if (syslog is not null)
        {
            // Each unit logs in its own order; how the two units' messages interleave is not known.
            into.Also.Add(new Observation { Syslog = syslog, SyslogPerUnit = true });
        }

        foreach (var g in into.Also.SelectMany(o => o.Units.Values.SelectMany(u => u.Groups.Keys).Concat(o.Views.Values.SelectMany(v => v.Groups.Keys))))
        {
            if (!config.GroupIds.Any(id => id.Number == g))
            {
                throw new InputException(file, line, 1, $"device text shows failover group {g}, which the configuration does not have");
            }
        }
    }

    /// <summary>An output of which the parser read nothing is not ASA's: bad input, not an observation that compares nothing.</summary>
    private static void NotEmpty(Observation seen, string file, long line, UnitRole unit, string command, string expected)
    {
        if (seen.Sources.Count == 0)
        {
            throw new InputException(file, line, 1, $"device.{unit.Token()}.{command}: no line of ASA's '{command}' in it (expected {expected})");
        }
    }
}

/// <summary>Shared steps of the device text readers.</summary>
internal static partial class DeviceLines
{
    /// <summary>
    /// The lines of a <c>show</c> output as a terminal shows them, one for each line of the text so that line numbers
    /// stay those of the text: CRLF is read as LF; a carriage return or backspace within a line overwrites what it
    /// returns over, as the pager does when it erases its <c>&lt;--- More ---&gt;</c> prompt over SSH; a prompt left in
    /// the text (with the spaces that erased it, or alone) and a command prompt line (<c>pix1# show failover</c>,
    /// <c>pix1/context1&gt;</c>) are read as empty lines.
    /// </summary>
    public static string[] Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = MorePrompt().Replace(Overlay(lines[i]), "");
            lines[i] = line.Trim().Length == 0 || CommandPrompt().IsMatch(line) ? "" : line;
        }

        return lines;
    }

    /// <summary>The line as a terminal leaves it: a carriage return goes back to the first column, a backspace one column.</summary>
    private static string Overlay(string line)
    {
        if (line.IndexOfAny(['\r', '\b']) < 0)
        {
            return line;
        }

        var cells = new List<char>(line.Length);
        var column = 0;
        foreach (var c in line)
        {
            switch (c)
            {
                case '\r':
                    column = 0;
                    break;
                case '\b':
                    column = Math.Max(0, column - 1);
                    break;
                default:
                    if (column < cells.Count)
                    {
                        cells[column] = c;
                    }
                    else
                    {
                        cells.Add(c);
                    }

                    column++;
                    break;
            }
        }

        return new string([.. cells]).TrimEnd();
    }

    [GeneratedRegex(@"<--- More --->(?: {14})?")]
    private static partial Regex MorePrompt();

    /// <summary>ASA's prompt: the host name, a context after a slash, a configuration mode in parentheses, then # or &gt; and the command typed.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?(?:\([\w-]+\))?[#>](?: .*)?$")]
    private static partial Regex CommandPrompt();

    public static void Set(Observation into, UnitRole unit, string path, DeviceSource source, Action<UnitObservation> set)
    {
        var u = into.Units.TryGetValue(unit, out var known) ? known : into.Units[unit] = new UnitObservation();
        set(u);
        into.Sources.TryAdd(path, source);
    }

    /// <summary>A group's state (and reason) as <paramref name="viewer"/> shows it for <paramref name="shown"/>: its own, or its view of the mate.</summary>
    public static void SetGroupState(Observation into, UnitRole viewer, UnitRole shown, int group, string state, string? reason, DeviceSource source)
    {
        GroupStateObservation g;
        string path;
        if (shown == viewer)
        {
            var u = into.Units.TryGetValue(viewer, out var known) ? known : into.Units[viewer] = new UnitObservation();
            g = u.Groups.TryGetValue(group, out var kg) ? kg : u.Groups[group] = new GroupStateObservation();
            path = $"units.{viewer.Token()}.groups.{group}";
        }
        else
        {
            var v = into.Views.TryGetValue(viewer, out var known) ? known : into.Views[viewer] = new MateViewObservation();
            g = v.Groups.TryGetValue(group, out var kg) ? kg : v.Groups[group] = new GroupStateObservation();
            path = $"views.{viewer.Token()}.groups.{group}";
        }

        if (g.State is null)
        {
            g.State = state;
            into.Sources.TryAdd($"{path}.state", source);
        }

        if (reason is not null && g.Reason is null)
        {
            g.Reason = reason;
            into.Sources.TryAdd($"{path}.reason", source);
        }
    }
}
