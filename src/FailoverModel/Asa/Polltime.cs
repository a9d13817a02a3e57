using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>
/// <c>failover polltime [unit|interface] [msec] N [holdtime [msec] M]</c> with ASA's ranges (docs/sources.md, "Timers and
/// options"): unit poll 1–15 s or 200–999 ms, hold 1–45 s or 800–999 ms and at least three polls; interface poll
/// 1–15 s or 500–999 ms, hold 5–75 s.
/// </summary>
internal static class Polltime
{
    public static UnitTimers Apply(ConfigLine line, UnitTimers timers, int fromWord = 2, bool interfaceOnly = false)
    {
        var i = fromWord;
        var isInterface = interfaceOnly;
        if (!interfaceOnly && i < line.Count && line[i] is "unit" or "interface")
        {
            isInterface = line[i] == "interface";
            i++;
        }

        var (poll, next) = Duration(line, i, isInterface ? (500, 999, 1, 15) : (200, 999, 1, 15), isInterface ? "interface poll time" : "unit poll time");
        i = next;
        int? hold = null;
        if (i < line.Count)
        {
            if (line[i] != "holdtime")
            {
                throw line.Error(i, $"expected 'holdtime', found '{line[i]}'");
            }

            (hold, i) = Duration(line, i + 1, isInterface ? (1000, 999, 5, 75) : (800, 999, 1, 45), isInterface ? "interface hold time" : "unit hold time");
            if (i < line.Count)
            {
                throw line.Error(i, $"unexpected '{line[i]}'");
            }
        }

        if (!isInterface && hold is { } h && h < 3 * poll)
        {
            throw line.Error(line.Count - 1, $"the unit hold time ({h} ms) must be at least three times the poll time ({poll} ms)");
        }

        return isInterface
            ? timers with { InterfacePollMs = poll, InterfaceHoldMs = hold ?? timers.InterfaceHoldMs }
            : timers with { UnitPollMs = poll, UnitHoldMs = hold ?? Math.Max(timers.UnitHoldMs, 3 * poll) };
    }

    private static (int Milliseconds, int Next) Duration(ConfigLine line, int i, (int MinMs, int MaxMs, int MinS, int MaxS) range, string what)
    {
        if (i < line.Count && line[i] == "msec")
        {
            if (range.MinMs > range.MaxMs)
            {
                throw line.Error(i, $"the {what} cannot be given in milliseconds");
            }

            return (RunningConfigParser.Number(line, i + 1, range.MinMs, range.MaxMs, $"{what} in milliseconds"), i + 2);
        }

        return (RunningConfigParser.Number(line, i, range.MinS, range.MaxS, $"{what} in seconds") * 1000, i + 1);
    }
}
