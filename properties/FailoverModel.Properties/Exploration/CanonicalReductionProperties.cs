using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Pair;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Exploration;

/// <summary>
/// The explorers' reduction is exact (the counter abstraction): every state the pair reaches, stepped as it is,
/// has the futures of the canonical representative the explorers store and step in its place.
/// </summary>
public class CanonicalReductionProperties
{
    /// <summary>
    /// The first 100,000 raw states breadth first of three pairs: one group with one interface, one with preempt and
    /// two interfaces of a class (where the sort matters), two groups. With FAILOVER_SOAK=1 the one-group pair is
    /// stepped whole (every reason and view as it is: more than 20 minutes on two cores) and its raw states must fall
    /// into exactly the states the compiled explorer stores, so both graphs have the same quotient.
    /// </summary>
    [Theory]
    [InlineData("one group")]
    [InlineData("one group with preempt, two monitored interfaces")]
    [InlineData("two groups, two monitored interfaces")]
    public void EveryReachableStateHasTheFuturesOfItsRepresentative(string configuration)
    {
        var config = CompiledStepperProperties.Small(configuration);
        var reduction = new CanonicalReduction(config);
        var whole = configuration is "one group" && Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(reduction.Check(whole ? int.MaxValue : 100_000));
        Assert.True(reduction.Transitions > 500_000, $"only {reduction.Transitions} transitions stepped");
        Assert.True(reduction.RawStates > reduction.Classes.Count, "the reduction merged no state");
        if (whole)
        {
            Assert.True(reduction.Complete);
            Assert.Equal(new CompiledExplorer(new FailoverPair(config)).Explore().States, reduction.Classes.Count);
        }

        Console.Error.WriteLine($"{configuration}: {reduction.RawStates:N0} raw states in {reduction.Classes.Count:N0} canonical ones, {reduction.Transitions:N0} transitions ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    /// <summary>Random runs through the built-in configuration (two groups, two interfaces each): every state on the way.</summary>
    [Fact]
    public void EveryStateOfRandomRunsThroughTheBuiltInConfigurationHasTheFuturesOfItsRepresentative()
    {
        var reduction = new CanonicalReduction(BuiltInConfigurations.SeedLanExample);
        var choices = Gen.ListOf(Gen.Choose(0, 1_000)).Select(l => l.Take(60).ToArray());
        Prop.ForAll(Arb.From(choices), picks =>
        {
            // Walk the raw pair, each step to one of the raw successors the check of the state before gave.
            var (state, history) = (new FailoverPair(BuiltInConfigurations.SeedLanExample).Initial, default(FailoverModel.Invariants.RunHistory));
            foreach (var pick in picks)
            {
                var (disagreement, targets) = reduction.CheckState(state, history);
                if (disagreement is not null)
                {
                    throw new InvalidOperationException(disagreement);
                }

                if (targets.Count == 0)
                {
                    break;
                }

                (state, history) = targets[pick % targets.Count];
            }

            return true;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true));
    }

    /// <summary>
    /// Reductions that merge states with different futures are caught: a stale view cut to the failed interfaces the
    /// unit already shares with its mate (this explorer's own reduction before the property found that the unit's later
    /// failure of such an interface is "Unknown" too), a stale view's failed interfaces forgotten, preempt's arming
    /// forgotten.
    /// </summary>
    [Theory]
    [InlineData("stale view cut to the interfaces already shared", "one group with preempt, two monitored interfaces")]
    [InlineData("stale view's interfaces forgotten", "one group with preempt, two monitored interfaces")]
    [InlineData("preempt arming forgotten", "one group with preempt")]
    public void AReductionThatMergesStatesWithDifferentFuturesIsCaught(string mistake, string configuration)
    {
        var config = CompiledStepperProperties.Small(configuration);
        var canonical = new StateCanonicalizer(config);
        Func<PairState, PairState> broken = mistake switch
        {
            "stale view cut to the interfaces already shared" => s => StaleView(canonical.Canonical(s), (heard, own) => heard & own),
            "stale view's interfaces forgotten" => s => StaleView(canonical.Canonical(s), (_, _) => 0),
            _ => s => PreemptDisarmed(canonical.Canonical(s)),
        };

        Assert.NotNull(new CanonicalReduction(config, broken).Check(200_000));
    }

    private static PairState PreemptDisarmed(PairState c) => c with
    {
        Primary = c.Primary with { Group1 = c.Primary.Group1 with { PreemptArmed = false } },
        Secondary = c.Secondary with { Group1 = c.Secondary.Group1 with { PreemptArmed = false } },
    };

    /// <summary>The primary's view of its mate, when stale (hellos heard, the mate silent), with its failed interfaces changed (from what it heard and its own).</summary>
    private static PairState StaleView(PairState c, Func<ulong, ulong, ulong> heard) =>
        c.Primary.View.Contact == MateContact.Hellos && !FailoverPair.Answers(c, UnitRole.Primary)
            ? c with { Primary = c.Primary with { View = c.Primary.View with { FailedInterfaces = heard(c.Primary.View.FailedInterfaces, c.Primary.FailedInterfaces) } } }
            : c;
}
