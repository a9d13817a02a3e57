using FailoverModel.Topology;

namespace FailoverModel.Input;

/// <summary>Where an input is named (a command-line argument, a <c>config-url</c> line), so an error about it points there.</summary>
internal readonly record struct InputLocation(string File, long Line, long Column)
{
    /// <summary>An error about the input named here, pointing at where it is named.</summary>
    public InputException Error(string message) => new(File, Line, Column, message);

    /// <summary>A file named on the command line: its errors point at the file itself.</summary>
    public static InputLocation Of(string file) => new(file, 1, 1);
}
