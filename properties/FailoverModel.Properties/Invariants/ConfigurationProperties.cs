using FailoverModel.Checking;
using FailoverModel.Pair;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Invariants;

/// <summary>
/// Claims about configurations that need the run's history, over random runs: configuration changes in every space on
/// either unit, saves and <c>write standby</c> on the right and the wrong unit, and every fault.
/// </summary>
public class ConfigurationProperties
{
    private static readonly int Runs = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1" ? 10_000 : 200;

    /// <summary>
    /// Seed, "Command Replication": a change saved with <c>write memory</c> on the unit it was made on, where it
    /// replicates, is in both units' startup configuration and stays there whatever fails (power, software, hardware,
    /// links, interfaces, commands on the wrong unit) — until a unit is replaced, which is maintenance, not a fault.
    /// </summary>
    [Fact]
    public void ASavedChangeIsNeverLostByAnySequenceOfFaults()
    {
        Prop.ForAll(RandomRuns.Arbitrary(50), run =>
        {
            var pair = new FailoverPair(run.Config);
            var state = pair.Initial;
            var saved = new HashSet<(int Space, int Change)>();
            var at = 0;
            foreach (var step in run.Steps)
            {
                at++;
                var before = state;
                state = step.Settle ? pair.Step(state, step.Event).State : pair.Apply(state, step.Event).State;
                if (step.Event is Replace)
                {
                    saved.Clear();
                    continue;
                }

                for (var space = 0; space < run.Config.Spaces; space++)
                {
                    var both = state.Primary.Configuration.Startup(space) & state.Secondary.Configuration.Startup(space);
                    var bothBefore = before.Primary.Configuration.Startup(space) & before.Secondary.Configuration.Startup(space);
                    if (step.Event is CommandEvent { Command: WriteMemory })
                    {
                        for (var bit = 0; bit < 64; bit++)
                        {
                            if ((both & ~bothBefore & (1UL << bit)) != 0)
                            {
                                saved.Add((space, bit));
                            }
                        }
                    }

                    foreach (var (s, bit) in saved.Where(x => x.Space == space))
                    {
                        if ((both & (1UL << bit)) == 0)
                        {
                            return false.Label($"change {bit} of {run.Config.SpaceName(s)}, saved on both units, left a startup configuration at step {at} ({step.Event})\n{run}");
                        }
                    }
                }
            }

            return true.Label("held");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true));
    }
}
