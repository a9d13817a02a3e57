using System.Text.Json;
using FailoverModel.Topology;

namespace FailoverModel.Input;

/// <summary>
/// Parses one JSON line strictly (RFC 8259 with I-JSON's rules, RFC 7493): no duplicate member names (the last would
/// silently win), no escaped lone UTF-16 surrogate (<c>"\ud800"</c> names no character, and reading it as a string
/// would fail later, outside the parser). Every failure is an <see cref="InputException"/> at its line and column.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// Parses one JSON text strictly (no duplicate member, no lone surrogate, depth at most 64); a failure is an
    /// <see cref="Topology.InputException"/> at <paramref name="line"/> of <paramref name="file"/>.
    /// </summary>
    public static JsonDocument Parse(string text, string file, long line)
    {
        if (LoneSurrogate(text) is { } at)
        {
            throw new InputException(file, line, at + 1, "an escaped UTF-16 surrogate without its pair (\\ud800-\\udfff): not a character");
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            message = end < 0 ? message.TrimEnd('.') : message[..end];
            throw new InputException(file, line, (e.BytePositionInLine ?? 0) + 1, $"not a JSON object: {message}");
        }
    }

    /// <summary>The index of the first <c>\uXXXX</c> escape inside a string that is half of a surrogate pair alone, or null.</summary>
    public static int? LoneSurrogate(string text)
    {
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!inString)
            {
                inString = c == '"';
                continue;
            }

            if (c == '"')
            {
                inString = false;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] != 'u')
                {
                    i++;
                    continue;
                }

                var unit = Hex(text, i + 2);
                if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    return i;
                }

                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    var low = i + 7 < text.Length && text[i + 6] == '\\' && text[i + 7] == 'u' ? Hex(text, i + 8) : null;
                    if (low is not (>= 0xDC00 and <= 0xDFFF))
                    {
                        return i;
                    }

                    i += 11;
                    continue;
                }

                i += 5;
            }
        }

        return null;
    }

    private static int? Hex(string text, int at) =>
        at + 4 <= text.Length && int.TryParse(text.AsSpan(at, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
