using FailoverModel.Asa;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// docs/oracle.md, "Syslog order", rule 2: the model takes one internal step at a time, the first enabled in its fixed
/// order, so what a unit's holdtime expiry sets off is logged before the mate's own expiry of the same moment.
/// </summary>
public class SyslogOrderTests
{
    private static readonly string[] Setup =
    [
        "power-on primary secondary",
        "interface-down primary context1/inside", "interface-down primary context1/outside",
        "interface-down primary context2/inside", "interface-down primary context2/outside",
    ];

    private static ModelStep LinkDownWithEveryDataInterfaceDown(OracleSession oracle)
    {
        foreach (var e in Setup)
        {
            oracle.Apply(e);
        }

        return oracle.Apply("link-down failover");
    }

    /// <summary>The example the rule gives is the model's order, message for message.</summary>
    [Fact]
    public void TheDocumentedExampleIsTheModelsOrder()
    {
        var step = LinkDownWithEveryDataInterfaceDown(new OracleSession(BuiltInConfigurations.SeedLanExample));
        var order = string.Join(", ", step.Messages.Select(m => $"{m.Unit.Token()} {m.Id}{(m.Group is { } g ? $" (group {g.Number})" : "")}"));

        Assert.Equal("primary 105043, secondary 105043, primary 105005, primary 103001, primary 104001 (group 1), primary 104001 (group 2), secondary 105005, secondary 103001", order);
        var document = File.ReadAllText(RepositoryFiles.Path("docs", "oracle.md"));
        Assert.Contains($"after `{string.Join("`, `", Setup)}`: `link-down failover` logs {order}.", System.Text.RegularExpressions.Regex.Replace(document, @"\s+", " "), StringComparison.Ordinal);
    }

    /// <summary>A trace that keeps each unit's messages together is told where the model logs them; in any order it conforms.</summary>
    [Fact]
    public void EachUnitsMessagesTogetherIsAnotherOrder()
    {
        var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
        var step = LinkDownWithEveryDataInterfaceDown(oracle);
        var asLogged = step.Messages.Select(m => new SyslogObservation(m.Unit.Token(), m.Id, m.Text, m.Group?.Number)).ToList();
        var byUnit = asLogged.OrderBy(m => m.Unit, StringComparer.Ordinal).ToList();

        Assert.True(oracle.Judge(step, new Observation { Syslog = asLogged }).Conforms);
        var moved = oracle.Judge(step, new Observation { Syslog = byUnit }).Divergences;
        Assert.NotEmpty(moved);
        Assert.All(moved, d => Assert.Equal(DivergenceKind.Moved, d.Kind));
        Assert.True(new OracleSession(BuiltInConfigurations.SeedLanExample, SyslogOrder.Any).Judge(step, new Observation { Syslog = byUnit }).Conforms);
    }
}
