using System.Collections.Immutable;
using FailoverModel.Checking;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Time;

/// <summary>
/// The seed's claims about time over random timed runs: random configurations with random poll and hold times in
/// ASA's ranges, random events (one in five not settled) and random waits between them, so that faults fall at every
/// phase of the polls and in the middle of a holdtime or a preempt delay. <c>FAILOVER_SOAK=1</c> runs fifty times more.
/// </summary>
public class TimedClaimProperties
{
    private static Arbitrary<TimedRun> TimedRuns { get; } = Arb.From(
        from run in RandomRuns.Runs(30)
        from timers in TimedRunGenerators.Timers
        from waits in Gen.ArrayOf(TimedRunGenerators.Waits, run.Steps.Length)
        select new TimedRun(run.Config.WithTimers(timers), Actions(run, waits)),
        r => Enumerable.Range(0, r.Actions.Length).Select(i => r with { Actions = r.Actions.RemoveAt(i) }));

    [Fact]
    public void AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime() => Holds(TimedClaims.AFailedActiveUnitIsReplacedWithinHoldtimePlusPolltime);

    [Fact]
    public void APreemptNeverHappensBeforeItsDelay() => Holds(TimedClaims.APreemptNeverHappensBeforeItsDelay);

    [Fact]
    public void NoFailoverWhileHellosStillArrive() => Holds(TimedClaims.NoFailoverWhileHellosStillArrive);

    /// <summary>
    /// Timed runs take internal steps in the untimed order, so every snapshot a timed run reaches is one the explorer
    /// reaches: the explorer's graph is the timer-region graph and its verdicts cover timed behaviour.
    /// </summary>
    [Fact]
    public void EveryTimedRunStaysInTheExplorersReachableGraph()
    {
        var config = SmallConfig.WithTimers(new UnitTimers(1_000, 3_000, 500, 2_500));
        var pair = new FailoverPair(config);
        var explorer = new Explorer(pair);
        var reachable = Reachable(explorer);
        var runs = Arb.From(
            from generated in RandomRuns.RunsFor(config, 40)
            let run = generated with { Steps = [.. generated.Steps.Where(s => explorer.Alphabet.Contains(s.Event))] }
            from waits in Gen.ArrayOf(TimedRunGenerators.Waits, run.Steps.Length)
            select new TimedRun(config, Actions(run, waits)));
        Prop.ForAll(runs, run =>
        {
            var timed = new TimedPair(pair);
            var t = timed.Initial;
            var seen = new List<PairState> { t.State };
            foreach (var action in run.Actions)
            {
                var steps = new List<TimedStep>();
                switch (action)
                {
                    case ActEvent e:
                        (t, var result) = timed.Apply(t, e.Event);
                        seen.Add(result.State);
                        t = e.Settle ? timed.Settle(t, steps, new OutageMeter(config.GroupCount)) : t;
                        break;
                    case ActWait w:
                        t = timed.Wait(t, w.DurationMs, steps, new OutageMeter(config.GroupCount));
                        break;
                }

                seen.AddRange(steps.Select(s => s.Result.State));
            }

            var outside = seen.FirstOrDefault(s => !reachable.Contains(explorer.Canonical(s)));
            return (outside is null).Label($"{outside} is not in the explored graph\n{run}");
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(TimedRunGenerators.Runs).WithQuietOnSuccess(true));
    }

    /// <summary>One group, one context with one monitored interface: small enough to explore in a test.</summary>
    private static PairConfig SmallConfig { get; } = new(
        "one group, one interface",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true, PreemptDelaySeconds = 2 }],
        [
            new ContextConfig("admin", FailoverGroupId.One, []),
            new ContextConfig("ctx", FailoverGroupId.One, [new InterfaceConfig("ctx", "inside", "inside_ctx", "192.168.1.1", "255.255.255.0", "192.168.1.2", true)]),
        ],
        "admin",
        new LinkConfig("LANFailover", "Ethernet3", "10.1.0.1", "255.255.255.0", "10.1.0.2"),
        null);

    private static HashSet<PairState> Reachable(Explorer explorer)
    {
        var seen = new HashSet<PairState> { explorer.Canonical(explorer.Pair.Initial) };
        var queue = new Queue<PairState>([explorer.Pair.Initial]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var (_, result) in explorer.Successors(state))
            {
                if (seen.Add(explorer.Canonical(result.State)))
                {
                    queue.Enqueue(result.State);
                }
            }
        }

        return seen;
    }

    private static ImmutableArray<TimedAction> Actions(RandomRun run, long[] waits) =>
        [.. run.Steps.SelectMany((s, i) => waits[i] > 0 ? (TimedAction[])[new ActEvent(s.Event, s.Settle), new ActWait(waits[i])] : [new ActEvent(s.Event, s.Settle)])];

    private static void Holds(string claim)
    {
        Prop.ForAll(TimedRuns, run =>
        {
            var violation = TimedClaims.Check(new TimedPair(new FailoverPair(run.Config)), run.Actions);
            return (violation?.Claim != claim).Label($"{violation?.Evidence}\n{run}");
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(TimedRunGenerators.Runs).WithQuietOnSuccess(true).WithName(claim));
    }

    private sealed record TimedRun(PairConfig Config, ImmutableArray<TimedAction> Actions)
    {
        public bool Equals(TimedRun? other) => other is not null && ReferenceEquals(Config, other.Config) && Actions.SequenceEqual(other.Actions);

        public override int GetHashCode() => HashCode.Combine(Config, Actions.Length);

        public override string ToString() =>
            TimedRunGenerators.TimersLine(Config)
            + string.Join('\n', Actions);
    }
}
