using FailoverModel.Asa;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Exploration;

/// <summary>The compiled stepper is the reference pair, packed: both agree on every transition.</summary>
public class CompiledStepperProperties
{
    private static readonly LinkConfig FailoverLink = BuiltInConfigurations.SeedLanExample.FailoverLink;

    private static InterfaceConfig Monitored(string context, string nameif, int n) =>
        new(context, nameif, $"{nameif}_{context}", $"10.0.{n}.1", "255.255.255.0", $"10.0.{n}.2", true);

    public static TheoryData<string> SmallConfigurations() =>
        ["one group", "one group with preempt", "one group with preempt, two monitored interfaces", "two groups, one monitored interface", "two groups, two monitored interfaces"];

    /// <summary>
    /// Small pairs: no Stateful Failover link (its events double the graph and only add row 6), one or two monitored
    /// interfaces in all. The one-group pairs with one interface are compared whole in every test run (every
    /// transition of their explorations); the larger ones on their first 10,000 states in breadth-first order, whole with
    /// FAILOVER_SOAK=1 (the reference steps a few million transitions a minute, and the test run has a budget).
    /// </summary>
    internal static PairConfig Small(string name) => name switch
    {
        "one group" => new(name, [FailoverGroupConfig.PreferringUnit(UnitRole.Primary)], [new ContextConfig("admin", FailoverGroupId.One, [Monitored("admin", "inside", 1)])], "admin", FailoverLink, null),
        "one group with preempt" => new(name, [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true }], [new ContextConfig("admin", FailoverGroupId.One, [Monitored("admin", "inside", 1)])], "admin", FailoverLink, null),
        "one group with preempt, two monitored interfaces" => new(name, [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true }], [new ContextConfig("admin", FailoverGroupId.One, [Monitored("admin", "inside", 1), Monitored("admin", "outside", 2)])], "admin", FailoverLink, null),
        "two groups, one monitored interface" => new(name,
            [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true }, FailoverGroupConfig.PreferringUnit(UnitRole.Secondary)],
            [new ContextConfig("admin", FailoverGroupId.One, []), new ContextConfig("c2", FailoverGroupId.Two, [Monitored("c2", "inside", 2)])],
            "admin", FailoverLink, null),
        _ => new(name,
            [FailoverGroupConfig.PreferringUnit(UnitRole.Primary), FailoverGroupConfig.PreferringUnit(UnitRole.Secondary) with { Policy = new InterfacePolicy(50, true) }],
            [new ContextConfig("admin", FailoverGroupId.One, [Monitored("admin", "inside", 1)]), new ContextConfig("c2", FailoverGroupId.Two, [Monitored("c2", "inside", 2)])],
            "admin", FailoverLink, null),
    };

    /// <summary>Every transition of a whole exploration: same successors, same canonical targets, rows and verdicts.</summary>
    [Theory]
    [MemberData(nameof(SmallConfigurations))]
    public void TheCompiledStepperAgreesWithTheReferenceOnEveryTransition(string configuration)
    {
        var agreement = new CompiledStepAgreement(Small(configuration));
        var whole = configuration is "one group" or "one group with preempt" || Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(agreement.CheckExploration(whole ? int.MaxValue : 10_000));
        Assert.True(agreement.Transitions > 50_000, $"only {agreement.Transitions} transitions compared");
        Console.Error.WriteLine($"{configuration}: {agreement.Transitions:N0} transitions agree ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    /// <summary>Random runs through the built-in configuration, too big to compare whole: every state on the way agrees.</summary>
    [Fact]
    public void TheCompiledStepperAgreesWithTheReferenceOnRandomRunsOfTheBuiltInConfiguration()
    {
        var agreement = new CompiledStepAgreement(BuiltInConfigurations.SeedLanExample);
        var choices = Gen.ListOf(Gen.Choose(0, 1_000)).Select(l => l.Take(80).ToArray());
        Prop.ForAll(Arb.From(choices), picks =>
        {
            var key = agreement.Initial;
            foreach (var pick in picks)
            {
                var (targets, disagreement) = agreement.Compare(key);
                if (disagreement is not null)
                {
                    throw new InvalidOperationException(disagreement);
                }

                if (targets.Count == 0)
                {
                    break;
                }

                key = targets[pick % targets.Count];
            }

            return true;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true));
    }

    /// <summary>A compiled pair with a mistake disagrees with the reference within the smallest configuration.</summary>
    [Theory]
    [InlineData(nameof(PackedPairFault.DropsTheCompanion))]
    [InlineData(nameof(PackedPairFault.HearsNoInterfaces))]
    public void ABrokenCompiledStepperIsCaught(string fault)
    {
        var agreement = new CompiledStepAgreement(Small("one group with preempt"), Enum.Parse<PackedPairFault>(fault));

        Assert.NotNull(agreement.CheckExploration());
    }
}
