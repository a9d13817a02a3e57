using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams.Stories;

/// <summary>
/// A story as a Mermaid <c>sequenceDiagram</c>: a lane for the events and one per unit; each step is a note with its
/// time and event, an arrow to the units it happens on, a self-arrow for each timer that ran, and a note per unit with
/// its group changes and syslog. Text is wrapped so the diagram stays legible at 800 px.
/// </summary>
internal static class StorySequence
{
    private const int WrapAt = 36;

    public static string Write(Story story)
    {
        var text = new StringBuilder();
        // Mermaid does not wrap a sequence diagram's title, so the title is the first note, wrapped like the others.
        text.Append("sequenceDiagram\n");
        text.Append("    participant E as event\n    participant P as primary\n    participant S as secondary\n");
        text.Append("    Note over E,S: ").Append(MermaidWriter.Escape(StoryText.Wrap(story.Title, 60))).Append('\n');
        foreach (var step in story.Steps)
        {
            var header = $"step {step.Step} · {StoryText.When(step)}\n{step.Event}";
            if (StoryText.Kind(step) is { } kind)
            {
                header += $"\n({kind})";
            }

            foreach (var row in step.Rows)
            {
                header += "\n" + row;
            }

            if (StoryText.Outage(step) is { } outage)
            {
                text.Append("    rect rgb(246, 198, 198)\n");
            }

            text.Append("    Note over E,S: ").Append(Escape(header)).Append('\n');
            if (!step.Internal)
            {
                if (step.EventUnits.IsEmpty)
                {
                    text.Append("    E->>P: ").Append(Escape(step.Event)).Append('\n');
                    text.Append("    E->>S: ").Append(Escape(step.Event)).Append('\n');
                }
                else
                {
                    foreach (var unit in step.EventUnits)
                    {
                        text.Append("    E->>").Append(Lane(unit)).Append(": ").Append(Escape(step.Event)).Append('\n');
                    }
                }
            }

            foreach (var timer in step.Timers)
            {
                var lane = timer.Unit is { } u ? Lane(u) : "E";
                text.Append("    ").Append(lane).Append("-->>").Append(lane).Append(": ").Append(Escape(StoryText.Timer(timer))).Append('\n');
            }

            foreach (var unit in UnitRoles.Both)
            {
                var lines = step.Changes.Where(c => c.Unit == unit).Select(StoryText.Change)
                    .Concat(step.Syslog.Where(m => m.Unit == unit).Select(StoryText.Syslog))
                    .ToList();
                if (lines.Count > 0)
                {
                    text.Append("    Note over ").Append(Lane(unit)).Append(": ").Append(Escape(string.Join("\n", lines))).Append('\n');
                }
            }

            if (StoryText.Outage(step) is { } o)
            {
                text.Append("    Note over P,S: ").Append(Escape(o)).Append("\n    end\n");
            }
        }

        return text.ToString();
    }

    private static string Lane(UnitRole unit) => unit == UnitRole.Primary ? "P" : "S";

    private static string Escape(string text) =>
        MermaidWriter.Escape(string.Join("\n", text.Split('\n').Select(l => StoryText.Wrap(l, WrapAt))));
}
