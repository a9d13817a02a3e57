using System.Text;
using FailoverModel.Pair;

namespace FailoverModel.Scenarios;

/// <summary>
/// Writes an event path as a scenario that <c>failover-model run</c> replays exactly: an external event followed by
/// some internal steps is written <c>step</c>, the event, <c>advance k</c>; one followed by a full settle is written plain.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>The scenario text of an event path from power-off, internal steps folded into settles and <c>advance</c>.</summary>
    /// <param name="pair">The pair the path was found on (it replays the path to see where settles end).</param>
    /// <param name="path">External events and internal steps, in order, from <see cref="FailoverPair.Initial"/>.</param>
    /// <param name="header">Comment lines written first (without the <c>#</c>).</param>
    public static string Write(FailoverPair pair, IReadOnlyList<Event> path, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        var state = pair.Initial;
        var i = 0;
        while (i < path.Count)
        {
            var @event = path[i];
            if (@event.IsInternal)
            {
                // Internal steps before any external event: only possible from a state that is not settled.
                var k = 0;
                while (i < path.Count && path[i].IsInternal)
                {
                    state = pair.Apply(state, path[i]).State;
                    i++;
                    k++;
                }

                text.Append($"advance {k}\n");
                continue;
            }

            state = pair.Apply(state, @event).State;
            i++;
            var internalSteps = 0;
            while (i < path.Count && path[i].IsInternal)
            {
                state = pair.Apply(state, path[i]).State;
                i++;
                internalSteps++;
            }

            var settled = pair.NextInternal(state) is null;
            var line = @event.ToString().Replace("\n", "\n", StringComparison.Ordinal);
            if (settled)
            {
                text.Append(line).Append('\n');
            }
            else
            {
                text.Append("step\n").Append(line).Append('\n');
                if (internalSteps > 0)
                {
                    text.Append($"advance {internalSteps}\n");
                }
            }
        }

        return text.ToString();
    }
}
