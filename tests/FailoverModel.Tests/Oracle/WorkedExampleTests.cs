using System.Diagnostics;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// docs/worked-example.md: an independent implementation of a few rules, in Python, checked against the model's test
/// vectors; its deliberately wrong variant (row 1 forgotten) is caught at the step where it first matters. The outputs
/// the document shows are what the commands print.
/// </summary>
public class WorkedExampleTests
{
    private static readonly string Folder = RepositoryFiles.Path("docs", "worked-example");

    [Fact]
    public void TheIndependentImplementationConformsToTheVectors()
    {
        var (exit, output) = CheckTrace(wrong: false);

        Assert.Equal(0, exit);
        Assert.Equal("$dir/trace.jsonl: conforms: 168 steps in 21 test cases, 168 states compared, 0 steps timed, 147 not timed\n", output);
        Assert.Contains(output, Document());
    }

    [Fact]
    public void TheWrongVariantIsReportedAtTheFirstPowerFailureOfAnActiveUnit()
    {
        var (exit, output) = CheckTrace(wrong: true);

        Assert.Equal(1, exit);
        Assert.StartsWith("$dir/trace.jsonl:4: diverges at step 4 (power-off primary): groups.1.activeOn: the model has \"secondary\", the trace \"primary\"", output, StringComparison.Ordinal);
        Assert.Contains(output, Document());
    }

    /// <summary>The C# example of the page is the file the test project compiles, and prints what the page shows.</summary>
    [Fact]
    public void TheLibraryExampleIsOnThePageAndPrintsWhatThePageShows()
    {
        var output = global::FailoverModel.WorkedExample.LibraryExample.Run();

        Assert.Contains("```csharp\n" + File.ReadAllText(Path.Combine(Folder, "LibraryExample.cs")).TrimEnd() + "\n```", Document(), StringComparison.Ordinal);
        Assert.Contains("It prints:\n\n```\n" + string.Join('\n', output) + "\n```", Document(), StringComparison.Ordinal);
        Assert.Contains(output, line => line.Contains(": conforms", StringComparison.Ordinal));
        Assert.Contains(output, line => line.Contains("the model has", StringComparison.Ordinal));
    }

    private static string Document() => File.ReadAllText(RepositoryFiles.Path("docs", "worked-example.md"));

    private static (int Exit, string Output) CheckTrace(bool wrong)
    {
        // As the page runs them: from the repository root, writing only to a temporary folder.
        var directory = Directory.CreateTempSubdirectory("worked-example-");
        var vectors = Path.Combine(directory.FullName, "vectors.jsonl");
        var trace = Path.Combine(directory.FullName, "trace.jsonl");
        var root = RepositoryFiles.Path();
        Assert.Equal(0, global::FailoverModel.Cli.Cli.Invoke(["oracle", "vectors", "--events", "power-on,power-off,failover-active,no-failover-active", "--out", vectors], new StringWriter(), new StringWriter()));

        var python = Process.Start(new ProcessStartInfo("python3", ["docs/worked-example/tiny_failover.py", vectors, .. wrong ? (string[])["--wrong"] : []])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var written = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, python.StandardError.ReadToEnd());
        File.WriteAllText(trace, written);

        var stdout = new StringWriter();
        var exit = global::FailoverModel.Cli.Cli.Invoke(["oracle", "check", trace], stdout, new StringWriter());
        directory.Delete(recursive: true);

        // The page writes the temporary folder as $dir.
        return (exit, stdout.ToString().Replace(directory.FullName, "$dir", StringComparison.Ordinal));
    }
}
