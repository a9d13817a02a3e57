using System.Globalization;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Time;

namespace FailoverModel.Diagrams.Stories;

/// <summary>The words a story's diagrams share, so the sequence, the timeline and the page say the same thing.</summary>
internal static class StoryText
{
    /// <summary>Simulated time since the start of the scenario, as <c>run</c> prints it: h:mm:ss.fff.</summary>
    public static string Clock(long milliseconds) =>
        TimeSpan.FromMilliseconds(milliseconds).ToString(@"h\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    /// <summary>When a step happened: its time, or from the event to the end of its settle when that took time.</summary>
    public static string When(StoryStep step) =>
        step.StartMs == step.EndMs ? Clock(step.EndMs) : $"{Clock(step.StartMs)} → {Clock(step.EndMs)}";

    public static string Change(StoryChange c) => $"group {c.Group}: {c.From.Display()} → {c.To.Display()}";

    public static string Timer(StoryTimer t) => $"{t.Timer}: {FailoverTimers.Seconds(t.FromMs)} → {FailoverTimers.Seconds(t.ToMs)}";

    /// <summary>A syslog message without what the diagram already says (the unit, the severity prefix): id and text.</summary>
    public static string Syslog(SyslogMessage m) => $"{m.Id} {m.Text}";

    public static string? Outage(StoryStep step) =>
        step.OutageMs.Any(o => o > 0)
            ? "outage " + string.Join(", ", step.OutageMs.Select((o, i) => (o, g: i + 1)).Where(x => x.o > 0).Select(x => $"group {x.g} {FailoverTimers.Seconds(x.o)}"))
            : null;

    /// <summary>What kind of step this is, when it is not an event settled as usual.</summary>
    public static string? Kind(StoryStep step) =>
        step.Internal ? "internal step" : step.Settled ? null : "not settled: internal steps pending";

    public static string Wrap(string text, int width) => MachineDiagrams.Wrap(text, width);
}
