namespace FailoverModel.Topology;

/// <summary>
/// Bad input (configuration, scenario, trace, option, path): where it is and what is wrong, printed as
/// <c>file:line:col: message</c>. Line numbers are 64-bit: a streamed trace can have more than 2³¹ lines.
/// </summary>
public sealed class InputException(string file, long line, long column, string message) : Exception(message)
{
    /// <summary>The file (or a name such as <c>command line</c>) the bad input came from.</summary>
    public string File { get; } = file;

    /// <summary>The line, from 1.</summary>
    public long Line { get; } = line;

    /// <summary>The column, from 1.</summary>
    public long Column { get; } = column;

    /// <summary>The one line a user sees: <c>file:line:col: message</c>.</summary>
    public string Describe() => $"{File}:{Line}:{Column}: {Message}";
}
