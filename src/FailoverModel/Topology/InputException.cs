namespace FailoverModel.Topology;

/// <summary>
/// Bad input (configuration, scenario, trace, option, path): where it is and what is wrong, printed as
/// <c>file:line:col: message</c>. Line numbers are 64-bit: a streamed trace can have more than 2³¹ lines.
/// </summary>
public sealed class InputException(string file, long line, long column, string message) : Exception(message)
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public long Column { get; } = column;

    public string Describe() => $"{File}:{Line}:{Column}: {Message}";
}
