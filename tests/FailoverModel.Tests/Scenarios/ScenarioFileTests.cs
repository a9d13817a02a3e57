using FailoverModel.Asa;
using FailoverModel.Cli;
using FailoverModel.Cli.Commands;
using FailoverModel.Scenarios;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Scenarios;

/// <summary>Every scenario in tests/scenarios runs with all its expects holding; every bad scenario fails with its stated error.</summary>
public class ScenarioFileTests
{
    public static TheoryData<string> ScenarioFiles() =>
        [.. Directory.GetFiles(RepositoryFiles.Path("tests", "scenarios"), "*.scenario").Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> BadScenarioFiles() =>
        [.. Directory.GetFiles(RepositoryFiles.Path("tests", "bad-scenarios"), "*.scenario").Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void EveryExpectOfTheScenarioHolds(string name)
    {
        var path = RepositoryFiles.Path("tests", "scenarios", name);
        var scenario = ScenarioParser.ParseFile(path, BuiltInConfigurations.SeedLanExample, ConfigFiles.Loader);
        var result = ScenarioRunner.Run(scenario);

        Assert.NotEmpty(result.Outputs.OfType<ExpectOutput>());
        Assert.True(result.Passed, string.Join("\n", result.Failures.Select(f => $"{name}:{f.Line}: expected {f.Expectation}, but {f.Failure}")));
    }

    /// <summary>The first line of a bad scenario says, after <c># error:</c>, the <c>line:col: message</c> it must produce.</summary>
    [Theory]
    [MemberData(nameof(BadScenarioFiles))]
    public void ABadScenarioExitsTwoWithFileLineAndColumn(string name)
    {
        var path = RepositoryFiles.Path("tests", "bad-scenarios", name);
        var expected = File.ReadLines(path).First();
        Assert.StartsWith("# error: ", expected);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = global::FailoverModel.Cli.Cli.Invoke(["run", path], stdout, stderr);

        Assert.Equal(global::FailoverModel.Cli.Cli.BadInput, exit);
        var error = stderr.ToString().TrimEnd('\n');
        Assert.DoesNotContain("\n", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal($"{path}:{expected["# error: ".Length..]}", error);
    }
}
