namespace FailoverModel.Tests.CommandLine;

/// <summary>Runs the <c>failover-model</c> command in-process, as the tests of its commands need it.</summary>
public static class CliRun
{
    public static (int Exit, string Out, string Err) Run(string[] args, string? stdin = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = global::FailoverModel.Cli.Cli.Invoke(args, stdout, stderr, stdin is null ? null : new StringReader(stdin));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes a scenario to a file of its own and returns its path.</summary>
    public static string Scenario(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fm-{Guid.NewGuid():N}.scenario");
        File.WriteAllText(path, text);
        return path;
    }
}
