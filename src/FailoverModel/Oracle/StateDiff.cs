using System.Text.Json;

namespace FailoverModel.Oracle;

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
                        into.Add(new Divergence(at, "(no such field)", field.Value.GetRawText()));
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

    private static bool Same(JsonElement expected, JsonElement observed) => (expected.ValueKind, observed.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => expected.ValueEquals(observed.GetString()),
        (JsonValueKind.Number, JsonValueKind.Number) => expected.TryGetDecimal(out var e) && observed.TryGetDecimal(out var o) ? e == o : expected.GetRawText() == observed.GetRawText(),
        _ => expected.ValueKind == observed.ValueKind && expected.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
    };
}
