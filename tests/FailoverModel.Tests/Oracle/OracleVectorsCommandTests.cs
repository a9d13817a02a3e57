using System.Text.Json;
using FailoverModel.Tests.CommandLine;

namespace FailoverModel.Tests.Oracle;

/// <summary><c>oracle vectors --suites</c> and <c>--shard</c> through the command line.</summary>
public class OracleVectorsCommandTests
{
    private static (int Exit, string Out, string Err) Run(string[] args) => CliRun.Run(args, null);

    [Fact]
    public void SuitesAreWrittenInOrderWithAManifestAndEachChecksBack()
    {
        var folder = Directory.CreateTempSubdirectory("suites-").FullName;

        var (exit, _, error) = Run(["oracle", "vectors", "--suites", folder, "--only", "unit-faults,boot-and-forced-failover"]);

        Assert.True(exit == 0, error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var suites = manifest.RootElement.GetProperty("suites").EnumerateArray().ToList();
        Assert.Equal(["boot-and-forced-failover", "unit-faults"], suites.Select(s => s.GetProperty("suite").GetString()));
        Assert.Equal([1, 2], suites.Select(s => s.GetProperty("order").GetInt32()));
        foreach (var suite in suites)
        {
            Assert.Equal(suite.GetProperty("transitions").GetInt64(), suite.GetProperty("covered").GetInt64());
            Assert.True(suite.GetProperty("selfLoops").GetInt64() > 0);
            var file = Path.Combine(folder, suite.GetProperty("file").GetString()!);
            var check = Run(["oracle", "check", file]);
            Assert.True(check.Exit == 0, check.Out + check.Err);
            Assert.Contains($": conforms: {suite.GetProperty("steps").GetInt64():N0} steps in ", check.Out, StringComparison.Ordinal);
        }

        Assert.Contains("| 2 | unit-faults |", File.ReadAllText(Path.Combine(folder, "manifest.md")), StringComparison.Ordinal);
        Assert.Equal(["01-boot-and-forced-failover.jsonl.gz", "02-unit-faults.jsonl.gz", "manifest.json", "manifest.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownSuiteIsABadArgumentAndWritesNothing()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("suites-").FullName, "new");

        var (exit, _, error) = Run(["oracle", "vectors", "--suites", folder, "--only", "teleport"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("failover-model: --only: unknown suite 'teleport' (suites: boot-and-forced-failover, unit-faults,", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void ShardTwoOfFourWritesEveryFourthCaseFromTheSecond()
    {
        string[] events = ["--events", "power-on,power-off,crash,failover-reset", "--max-steps", "5"];
        var whole = Run(["oracle", "vectors", .. events]);
        var shard = Run(["oracle", "vectors", "--shard", "2/4", .. events]);

        Assert.Equal(0, shard.Exit);
        var cases = Cases(whole.Out);
        var second = Cases(shard.Out);
        Assert.True(cases.Count >= 8, $"{cases.Count} cases");
        Assert.Equal(cases.Where(c => (c.Key - 1) % 4 == 1).SelectMany(c => c.Value), second.SelectMany(c => c.Value));
        Assert.Contains($"shard 2/4 of {cases.Count:N0} test cases", shard.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanOnlyPrintsWhatTheWrittenTourCostsAndWritesNothing()
    {
        string[] events = ["--events", "power-on,power-off,failover-active,no-failover-active"];
        var written = Run(["oracle", "vectors", .. events]);

        var (exit, output, _) = Run(["oracle", "vectors", "--plan-only", .. events]);

        Assert.Equal(0, exit);
        Assert.Contains("oracle vectors: 153 of 153 transitions covered (100%) between 9 settled states, in 21 test cases of 168 steps in all (1.10 steps per transition, lower bound 1.10;", written.Err, StringComparison.Ordinal);
        Assert.StartsWith("oracle vectors: plan: 153 transitions (102 self-loops) between 9 settled states; a tour of 21 test cases and 168 steps, 1.10 steps per transition (lower bound 1.10: ", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--out", "x.jsonl")]
    [InlineData("--shard", "1/2")]
    public void PlanOnlyTakesNoOutput(string option, string value)
    {
        var (exit, _, error) = Run(["oracle", "vectors", "--plan-only", option, value]);

        Assert.Equal(2, exit);
        Assert.Equal($"failover-model: --plan-only writes nothing: it takes no {option}\n", error.ReplaceLineEndings("\n"));
    }

    private static SortedDictionary<long, List<string>> Cases(string jsonl)
    {
        var cases = new SortedDictionary<long, List<string>>();
        foreach (var line in jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var c = doc.RootElement.GetProperty("case").GetInt64();
            if (!cases.TryGetValue(c, out var lines))
            {
                cases[c] = lines = [];
            }

            lines.Add(line);
        }

        return cases;
    }
}
