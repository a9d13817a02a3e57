using System.Net;
using System.Text;
using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Diagrams.Stories;

/// <summary>
/// A story as a Graphviz timeline: one row per step, the event on the left and each unit's lane beside it with its
/// groups (coloured by state, the previous state under a change) and its syslog; the edge down a lane is the time
/// between steps, labelled with the timer that ran there. Written with the project's DOT quoting and HTML-like labels.
/// </summary>
internal static class StoryTimeline
{
    private const int WrapAt = 38;

    public static string Write(Story story)
    {
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(DotWriter.Quote(story.Name)).Append(" {\n");
        dot.Append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=16, labelloc=t, nodesep=0.25, ranksep=0.3, newrank=true, label=")
            .Append(DotWriter.Quote(StoryText.Wrap(story.Title, 80))).Append("];\n");
        dot.Append("  node [shape=plain, fontname=\"Helvetica\", fontsize=12];\n  edge [fontname=\"Helvetica\", fontsize=11];\n");
        dot.Append("  h_e [label=<<B>event</B>>]; h_p [label=<<B>primary</B>>]; h_s [label=<<B>secondary</B>>];\n");
        dot.Append("  { rank=same; h_e; h_p; h_s; }\n  h_e -> h_p -> h_s [style=invis];\n");
        var previous = ("h_e", "h_p", "h_s");
        foreach (var step in story.Steps)
        {
            var (e, p, s) = ($"e{step.Step}", $"p{step.Step}", $"s{step.Step}");
            dot.Append("  ").Append(e).Append(" [label=<").Append(EventCell(step)).Append(">];\n");
            dot.Append("  ").Append(p).Append(" [label=<").Append(UnitCell(story, step, UnitRole.Primary)).Append(">];\n");
            dot.Append("  ").Append(s).Append(" [label=<").Append(UnitCell(story, step, UnitRole.Secondary)).Append(">];\n");
            dot.Append("  { rank=same; ").Append(e).Append("; ").Append(p).Append("; ").Append(s).Append("; }\n");
            dot.Append("  ").Append(e).Append(" -> ").Append(p).Append(" -> ").Append(s).Append(" [style=invis];\n");
            dot.Append("  ").Append(previous.Item1).Append(" -> ").Append(e).Append(" [style=invis];\n");
            foreach (var (unit, from, to) in new[] { (UnitRole.Primary, previous.Item2, p), (UnitRole.Secondary, previous.Item3, s) })
            {
                // Two settle steps of one unit that waited for the same poll read the same: one label says it.
                var timers = step.Timers.Where(t => t.Unit == unit).Select(t => StoryText.Wrap(StoryText.Timer(t), 28)).Distinct().ToList();
                dot.Append("  ").Append(from).Append(" -> ").Append(to).Append(" [arrowhead=none, color=\"#9a9a9a\", penwidth=2");
                if (timers.Count > 0)
                {
                    dot.Append(", color=\"#3060c0\", fontcolor=\"#3060c0\", label=").Append(DotWriter.Quote(string.Join("\n", timers)));
                }

                dot.Append("];\n");
            }

            previous = (e, p, s);
        }

        return dot.Append("}\n").ToString();
    }

    private static string EventCell(StoryStep step)
    {
        var lines = new List<string> { $"<B>{H(StoryText.When(step).Replace(" → ", " →\n", StringComparison.Ordinal))}</B>", H(StoryText.Wrap(step.Event, 26)) };
        if (StoryText.Kind(step) is { } kind)
        {
            lines.Add($"<I>{H(kind)}</I>");
        }

        lines.AddRange(step.Rows.Select(r => $"<FONT POINT-SIZE=\"11\">{H(StoryText.Wrap(r, 30))}</FONT>"));
        lines.AddRange(step.Timers.Where(t => t.Unit is null).Select(t => $"<FONT POINT-SIZE=\"11\" COLOR=\"#3060c0\">{H(StoryText.Wrap(StoryText.Timer(t), 30))}</FONT>"));
        var outage = StoryText.Outage(step);
        var colour = outage is null ? "#eeeeee" : "#f6c6c6";
        if (outage is not null)
        {
            lines.Add($"<B>{H(outage)}</B>");
        }

        return $"<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"4\" COLOR=\"#7a7a7a\" BGCOLOR=\"{colour}\"><TR><TD BALIGN=\"LEFT\" ALIGN=\"LEFT\">{string.Join("<BR/>", lines)}</TD></TR></TABLE>";
    }

    private static string UnitCell(Story story, StoryStep step, UnitRole unit)
    {
        var u = step.State.Unit(unit);
        var cell = new StringBuilder("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">");
        cell.Append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">").Append(H(u.Status.Display())).Append("</TD></TR>");
        foreach (var g in story.Config.GroupIds)
        {
            var state = u.Group(g).State;
            var change = step.Changes.FirstOrDefault(c => c.Unit == unit && c.Group == g);
            var text = change is null ? H(state.Display()) : $"<B>{H(state.Display())}</B><BR/><FONT POINT-SIZE=\"11\">was {H(change.From.Display())}</FONT>";
            cell.Append("<TR><TD>group ").Append(g).Append("</TD><TD BGCOLOR=\"").Append(Colour(state)).Append("\">").Append(text).Append("</TD></TR>");
        }

        var syslog = step.Syslog.Where(m => m.Unit == unit).Select(m => H(StoryText.Wrap(StoryText.Syslog(m), WrapAt))).ToList();
        if (syslog.Count > 0)
        {
            cell.Append("<TR><TD COLSPAN=\"2\" BALIGN=\"LEFT\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">").Append(string.Join("<BR/>", syslog)).Append("</FONT></TD></TR>");
        }

        return cell.Append("</TABLE>").ToString();
    }

    /// <summary>The colour of a group state, the same in every story diagram and on the page.</summary>
    public static string Colour(GroupState state) => state switch
    {
        GroupState.Active => "#c8ecc8",
        GroupState.StandbyReady => "#cfe0f8",
        GroupState.Failed => "#f6c6c6",
        GroupState.Disabled => "#e4e4e4",
        _ => "#fbeab0",
    };

    /// <summary>Text for an HTML-like label: escaped, line breaks as &lt;BR/&gt;.</summary>
    private static string H(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<BR/>", StringComparison.Ordinal);
}
