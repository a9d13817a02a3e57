namespace FailoverModel.Topology;

/// <summary>Bad input (configuration, scenario, trace): where it is and what is wrong, printed as <c>file:line:col: message</c>.</summary>
public sealed class InputException(string file, int line, int column, string message) : Exception(message)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Describe() => $"{File}:{Line}:{Column}: {Message}";
}
