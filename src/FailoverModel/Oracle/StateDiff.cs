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

    private static bool Same(JsonElement expected, JsonElement observed) => (expected.ValueKind, observed.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => expected.ValueEquals(observed.GetString()),
        (JsonValueKind.Number, JsonValueKind.Number) => expected.TryGetDecimal(out var e) && observed.TryGetDecimal(out var o) ? e == o : expected.GetRawText() == observed.GetRawText(),
        _ => expected.ValueKind == observed.ValueKind && expected.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
    };
}
