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
                var nearest = names.OrderBy(n => FailoverModel.Topology.EditDistance.Between(word, n)).ThenBy(n => n, StringComparer.Ordinal).First();
                var where = command == root ? "" : $" of '{command.Name}'";
                return FailoverModel.Topology.EditDistance.Between(word, nearest) <= Math.Max(2, nearest.Length / 3)
                    ? $"'{word}' is not a command{where}; did you mean '{nearest}'?"
                    : $"'{word}' is not a command{where}; the commands are {string.Join(", ", names)}";
            }

            command = next;
        }

        return null;
    }
}
