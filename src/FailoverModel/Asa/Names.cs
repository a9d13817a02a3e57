using System.Globalization;

namespace FailoverModel.Asa;

/// <summary>
/// A name the configuration gives (a context, an interface's <c>nameif</c>, a failover link) holds no invisible
/// character: a zero-width space or a format character makes a name that prints like another and matches nothing
/// typed later, and a no-break space looks like the space that ends a word.
/// </summary>
internal static class Names
{
    public static void Check(ConfigLine line, int word, string what)
    {
        if (word >= line.Count)
        {
            return;
        }

        var text = line[word];
        for (var i = 0; i < text.Length; i++)
        {
            if (Invisible(text[i]))
            {
                throw new Topology.InputException(line.File, line.Number, line.Words[word].Column + i,
                    string.Create(CultureInfo.InvariantCulture, $"{what} has the invisible character U+{(int)text[i]:X4}: a name that prints like another would match nothing typed later"));
            }
        }
    }

    private static bool Invisible(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.SpaceSeparator => c != ' ',
        _ => false,
    };
}
