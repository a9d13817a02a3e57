using System.Globalization;
using System.Text;

namespace FailoverModel.Input;

/// <summary>
/// Text from an input made safe to print on one terminal line: every control character — a line end, an ESC that
/// would start a sequence retitling or clearing the terminal, a bell — is written as an escape (<c>\n</c>,
/// <c>\u001B</c>) instead of being sent to the terminal. Tabs stay.
/// </summary>
internal static class Printable
{
    public static string Escape(string text)
    {
        if (!text.Any(IsEscaped))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ when IsEscaped(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool IsEscaped(char c) => c != '\t' && char.IsControl(c);
}
