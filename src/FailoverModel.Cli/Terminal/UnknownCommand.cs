using System.CommandLine;

namespace FailoverModel.Cli.Terminal;

/// <summary>
/// A misspelt subcommand named as such, with the nearest one: System.CommandLine alone reports "Required command was
/// not provided", which says nothing about the word that was typed.
/// </summary>
public static class UnknownCommand
{
    /// <summary>The message for the first word of <paramref name="args"/> that is not a subcommand where one is expected, or null.</summary>
    public static string? Describe(Command root, IReadOnlyList<string> args)
    {
        var command = root;
        foreach (var word in args)
        {
            if (word.StartsWith('-') || command.Subcommands.Count == 0)
            {
                return null;
            }

            var next = command.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (next is null)
            {
                var names = command.Subcommands.Select(c => c.Name).ToList();
                var nearest = names.OrderBy(n => Distance(word, n)).ThenBy(n => n, StringComparer.Ordinal).First();
                var where = command == root ? "" : $" of '{command.Name}'";
                return Distance(word, nearest) <= Math.Max(2, nearest.Length / 3)
                    ? $"'{word}' is not a command{where}; did you mean '{nearest}'?"
                    : $"'{word}' is not a command{where}; the commands are {string.Join(", ", names)}";
            }

            command = next;
        }

        return null;
    }

    /// <summary>The Damerau–Levenshtein (optimal string alignment) distance: a swap of two letters counts once.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
