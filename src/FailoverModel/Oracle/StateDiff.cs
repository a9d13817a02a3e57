using System.Text.Json;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>An observed state that is not shaped as a state: bad input rather than a divergence.</summary>
public sealed class ObservedShapeException(string message) : Exception(message);

/// <summary>Where an observed state differs from the model's: the field's path and both values as JSON.</summary>
public sealed record Divergence(string Field, string Expected, string Observed);

/// <summary>
/// Compares an observed state with the model's, field by field, over the fields the observation has: a field left out
/// is not compared. Arrays must have the model's length; their elements are compared the same way.
/// </summary>
public static class StateDiff
{
    /// <summary>Fields of a trace line that describe the line, not the state.</summary>
    public static readonly IReadOnlySet<string> MetaFields = new HashSet<string>(StringComparer.Ordinal) { "case", "step", "line", "event", "settle" };

    /// <summary>
    /// Collects the divergences of an observed state, or throws an <see cref="InputException"/> at the line when the
    /// observation is not a state at all: a field the state object does not have, or a value of the wrong JSON type
    /// (docs/oracle.md: bad input, not a divergence).
    /// </summary>
    public static void CollectOrThrow(JsonElement expected, JsonElement observed, List<Divergence> into, string file, long line)
    {
        try
        {
            Collect(expected, observed, "", into);
        }
        catch (ObservedShapeException e)
        {
            throw new InputException(file, line, 1, e.Message);
        }
    }

    public static void Collect(JsonElement expected, JsonElement observed, string path, List<Divergence> into, int limit = 16)
    {
        if (into.Count >= limit)
        {
            return;
        }

        switch (observed.ValueKind)
        {
            case JsonValueKind.Object when expected.ValueKind == JsonValueKind.Object:
                foreach (var field in observed.EnumerateObject())
                {
                    if (path.Length == 0 && MetaFields.Contains(field.Name))
                    {
                        continue;
                    }

                    var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                    if (!expected.TryGetProperty(field.Name, out var value))
                    {
                        throw new ObservedShapeException($"{at}: the state object has no such field here (docs/schema/state.schema.json)");
                    }
                    else
                    {
                        Collect(value, field.Value, at, into, limit);
                    }
                }

                break;
            case JsonValueKind.Array when expected.ValueKind == JsonValueKind.Array:
                if (observed.GetArrayLength() != expected.GetArrayLength())
                {
                    into.Add(new Divergence($"{path}.length", expected.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), observed.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    return;
                }

                var i = 0;
                foreach (var (e, o) in expected.EnumerateArray().Zip(observed.EnumerateArray()))
                {
                    Collect(e, o, $"{path}[{i++}]", into, limit);
                }

                break;
            case var kind when Kind(kind) != Kind(expected.ValueKind):
                throw new ObservedShapeException($"{path}: a {Kind(expected.ValueKind)} is expected here, not a {Kind(kind)} (docs/schema/state.schema.json)");
            default:
                if (!Same(expected, observed))
                {
                    into.Add(new Divergence(path, expected.GetRawText(), observed.GetRawText()));
                }

                break;
        }
    }

    /// <summary>
    /// The value at a path <see cref="Collect"/> reports (<c>units.primary.groups.1.state</c>, <c>syslog[0].id</c>,
    /// <c>syslog.length</c>) as JSON text in the form <see cref="Divergence.Expected"/> has, or <c>(no such field)</c>.
    /// </summary>
    public static string ValueAt(JsonElement root, string path)
    {
        const string Missing = "(no such field)";
        var at = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i == segments.Length - 1 && segment == "length" && at.ValueKind == JsonValueKind.Array)
            {
                return at.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return Missing;
            }

            for (; bracket >= 0; bracket = segment.IndexOf('[', bracket + 1))
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || at.ValueKind != JsonValueKind.Array
                    || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || index >= at.GetArrayLength())
                {
                    return Missing;
                }

                at = at[index];
            }
        }

        return at.GetRawText();
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static bool Same(JsonElement expected, JsonElement observed) => (expected.ValueKind, observed.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => expected.ValueEquals(observed.GetString()),
        (JsonValueKind.Number, JsonValueKind.Number) => expected.TryGetDecimal(out var e) && observed.TryGetDecimal(out var o) ? e == o : expected.GetRawText() == observed.GetRawText(),
        _ => expected.ValueKind == observed.ValueKind && expected.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
    };
}
