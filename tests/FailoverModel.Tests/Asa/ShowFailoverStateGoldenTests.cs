using System.Text.RegularExpressions;
using FailoverModel.Asa;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Asa;

/// <summary>
/// The seed's own <c>show failover state</c> outputs (section "Use of the show failover Command"), after the seed's
/// bring-up: the model prints the same words in the same order on both units. The seed's copy is flattened onto a few
/// lines, so the comparison is word for word.
/// </summary>
public class ShowFailoverStateGoldenTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "..", "shared", "seed", "000_0c7fecb29dc42b50.txt"));

    public static TheoryData<int, UnitRole> Outputs() => new() { { 0, UnitRole.Primary }, { 1, UnitRole.Secondary } };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void TheModelPrintsTheSeedsShowFailoverState(int occurrence, UnitRole unit)
    {
        var seedOutput = Regex.Matches(Seed, @"#show failover state (.*?)```", RegexOptions.Singleline)[occurrence].Groups[1].Value;
        var pair = new FailoverPair(BuiltInConfigurations.SeedLanExample);
        var state = pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

        var rendered = ShowCommands.Render(pair.Config, state, unit, "failover state");

        Assert.Equal(Words(seedOutput), Words(rendered));
    }

    private static string[] Words(string text) => text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
