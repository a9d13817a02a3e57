using FailoverModel.Pair;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>What one trace line asks the model to do: an external event (settled or not) or a wait.</summary>
internal abstract record OracleAction(string Text);

internal sealed record OracleEventAction(string Text, Event Event) : OracleAction(Text);

internal sealed record OracleWaitAction(string Text, long DurationMs) : OracleAction(Text);

/// <summary>
/// Reads the <c>event</c> of a trace line with the scenario parser, so that traces, vectors and scenarios share one
/// event language (docs/scenario-language.md, "Events"): any event statement, or <c>wait &lt;duration&gt;</c>. Parsed events are remembered by
/// their text, since a long trace repeats the same few hundred events.
/// </summary>
/// <remarks>
/// Each event is read on its own, so a configuration change is the first (bit 0) of its space: the vectors read their
/// events back the same way (docs/oracle.md, "Vectors"), and a reproducer replays to the same revisions.
/// </remarks>
internal sealed class OracleEventReader(PairConfig config)
{
    private const int CacheLimit = 4_096;
    private readonly Dictionary<string, OracleAction> _cache = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InputException"/> naming <paramref name="file"/> and <paramref name="line"/>.</summary>
    public OracleAction Read(string text, string file, long line)
    {
        if (_cache.TryGetValue(text, out var known))
        {
            return known;
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioParser.Parse(text, "event", config);
        }
        catch (InputException e)
        {
            throw new InputException(file, line, 1, $"event \"{Escape(text)}\": {e.Message}");
        }

        OracleAction action = scenario.Statements switch
        {
            [EventStatement { Settle: true } e] => new OracleEventAction(text, e.Event),
            [WaitStatement w] => new OracleWaitAction(text, w.DurationMs),
            _ => throw new InputException(file, line, 1, $"event \"{Escape(text)}\" is not an event of the scenario language or 'wait <duration>'"),
        };
        if (_cache.Count < CacheLimit)
        {
            _cache[text] = action;
        }

        return action;
    }

    private static string Escape(string text) => text.Length > 80 ? text[..80].Replace("\n", "\\n", StringComparison.Ordinal) + "..." : text.Replace("\n", "\\n", StringComparison.Ordinal);
}
