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
        Assert.Equal("trace.jsonl: conforms: 168 steps in 21 test cases, 168 states compared\n", output);
        Assert.Contains(output, Document());
    }

    [Fact]
    public void TheWrongVariantIsReportedAtTheFirstPowerFailureOfAnActiveUnit()
    {
        var (exit, output) = CheckTrace(wrong: true);

        Assert.Equal(1, exit);
        Assert.StartsWith("trace.jsonl:4: diverges at step 4 (power-off primary): groups.1.activeOn: the model has \"secondary\", the trace \"primary\"", output, StringComparison.Ordinal);
        Assert.Contains(output, Document());
    }

    private static string Document() => File.ReadAllText(RepositoryFiles.Path("docs", "worked-example.md"));

    private static (int Exit, string Output) CheckTrace(bool wrong)
    {
        var directory = Directory.CreateTempSubdirectory("worked-example-");
        var vectors = Path.Combine(directory.FullName, "vectors.jsonl");
        var trace = Path.Combine(directory.FullName, "trace.jsonl");
        Assert.Equal(0, global::FailoverModel.Cli.Cli.Invoke(["oracle", "vectors", "--events", "power-on,power-off,failover-active,no-failover-active", "--out", vectors], new StringWriter(), new StringWriter()));

        var python = Process.Start(new ProcessStartInfo("python3", [Path.Combine(Folder, "tiny_failover.py"), vectors, .. wrong ? (string[])["--wrong"] : []])
        {
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

        // The document runs the command beside the trace; here the trace is elsewhere, so its path is put back.
        return (exit, stdout.ToString().Replace(Path.GetRelativePath(Environment.CurrentDirectory, trace), "trace.jsonl", StringComparison.Ordinal));
    }
}
