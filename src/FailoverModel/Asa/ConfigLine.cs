namespace FailoverModel.Asa;

/// <summary>One command line of a running-config: its words with their 1-based columns, and whether it is indented (a sub-mode line).</summary>
internal sealed record ConfigLine(string File, int Number, bool Indented, IReadOnlyList<(string Text, int Column)> Words)
{
    public string this[int i] => Words[i].Text;

    public int Count => Words.Count;

    public Topology.InputException Error(int word, string message) =>
        new(File, Number, word < Words.Count ? Words[word].Column : Words.Count == 0 ? 1 : Words[^1].Column + Words[^1].Text.Length, message);

    public bool Is(params string[] prefix) => Words.Count >= prefix.Length && prefix.Select((p, i) => Words[i].Text == p).All(x => x);

    /// <summary>Reads a file into command lines: '!' lines, ': ' lines, 'Cryptochecksum' and blank lines are dropped.</summary>
    public static List<ConfigLine> Read(string file, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var at = text.IndexOf('\0', StringComparison.Ordinal);
            var line = text[..at].Count(c => c == '\n') + 1;
            throw new Topology.InputException(file, line, at - text.LastIndexOf('\n', Math.Max(0, at - 1)), "not a text file: it contains a NUL byte");
        }

        var lines = new List<ConfigLine>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var content = raw[i];
            var trimmed = content.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('!') || trimmed.StartsWith(':') || trimmed.StartsWith("Cryptochecksum", StringComparison.Ordinal))
            {
                continue;
            }

            lines.Add(new ConfigLine(file, i + 1, content.Length > 0 && char.IsWhiteSpace(content[0]), Pair.CommandText.Words(content)));
        }

        return lines;
    }
}
