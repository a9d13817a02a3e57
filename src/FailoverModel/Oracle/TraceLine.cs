using System.Text.Json;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// One trace line or <c>oracle serve</c> request, read the same way for both (docs/oracle.md): an object with a string
/// <c>event</c>, an optional boolean <c>settle</c>, the meta fields, and only state fields of the snapshot JSON
/// (docs/scenario-language.md) beside them.
/// </summary>
public readonly record struct TraceLine(string Event, bool Settle, JsonElement? Case, bool HasState)
{
    /// <summary>The state members of a trace line (the snapshot JSON, docs/scenario-language.md), each compared when present.</summary>
    public static readonly IReadOnlySet<string> StateFields = new HashSet<string>(StringComparer.Ordinal) { "time", "units", "links", "groups", "contexts", "connections", "syslog" };

    /// <summary>Reads one trace line's object; what a trace line may not have is an error at <paramref name="line"/>.</summary>
    /// <param name="root">The line's JSON.</param>
    /// <param name="file">How messages name the trace.</param>
    /// <param name="line">The line's number, 1-based.</param>
    /// <param name="extra">A further member the caller accepts (<c>reset</c> for a session), or null.</param>
    public static TraceLine Read(JsonElement root, string file, long line, string? extra = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, line, 1, $"a trace line is a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        foreach (var field in root.EnumerateObject())
        {
            if (!StateDiff.MetaFields.Contains(field.Name) && !StateFields.Contains(field.Name) && field.Name != extra)
            {
                throw new InputException(file, line, 1, $"unknown field \"{field.Name}\" (a trace line has {string.Join(", ", StateDiff.MetaFields.Concat(StateFields))})");
            }

            if (field.Name is "step" or "line" && field.Value.ValueKind != JsonValueKind.Number)
            {
                throw new InputException(file, line, 1, $"\"{field.Name}\" is a number");
            }
        }

        if (!root.TryGetProperty("event", out var @event) || @event.ValueKind != JsonValueKind.String)
        {
            throw new InputException(file, line, 1, "a trace line needs \"event\": a string such as \"power-off primary\"");
        }

        var settle = true;
        if (root.TryGetProperty("settle", out var s))
        {
            settle = s.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new InputException(file, line, 1, "\"settle\" is true or false"),
            };
        }

        JsonElement? @case = root.TryGetProperty("case", out var c) ? c : null;
        var hasState = root.EnumerateObject().Any(p => StateFields.Contains(p.Name));
        return new TraceLine(@event.GetString()!, settle, @case, hasState);
    }
}
