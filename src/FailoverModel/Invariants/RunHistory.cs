using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// What an observer of the run has seen that an invariant needs beyond the current snapshot, kept by the observer from
/// the steps it watches and never read from the model's own bookkeeping. For each unit and failover group: the group
/// became Standby Ready on that unit, its preferred unit with <c>preempt</c> configured there, since it was last active
/// there or moved by a forced failover (seed, "Restoration of a Failed Unit": "a failover group becomes active if it is
/// configured with the preempt command and if the unit on which it failed is its preferred unit"; a forced failover is
/// not undone by preempt, ASA tech note on 9.18). The explorer stores these bits with each state; a random run carries
/// them along.
/// </summary>
public readonly record struct RunHistory(byte PreemptOwed)
{
    /// <summary>Bits of <see cref="PreemptOwed"/>: one per unit and group.</summary>
    public const int Bits = 2 * PairConfig.MaxGroups;

    public bool Owed(UnitRole unit, FailoverGroupId group) => (PreemptOwed & Bit(unit, group)) != 0;

    /// <summary>The history after one step of the run.</summary>
    public static RunHistory Next(PairConfig config, PairState before, PairState after, RunHistory history)
    {
        var owed = history.PreemptOwed;
        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in config.GroupIds)
            {
                var bit = Bit(unit, g);
                var was = before.GroupState(unit, g);
                var now = after.GroupState(unit, g);
                var settings = after.Unit(unit).Settings(g);
                var preferred = after.Primary.Settings(g).Preferred;
                // A group that leaves Standby Ready there (preempted, failed, forced over, powered off) is owed nothing;
                // a forced failover that moves it away from its preferred unit leaves it Standby Ready from an active
                // state, which owes nothing either: preempt does not undo it.
                if (now != GroupState.StandbyReady)
                {
                    owed &= (byte)~bit;
                }
                else if (was != GroupState.StandbyReady && !was.IsActive() && settings.Preempt && preferred == unit)
                {
                    owed |= bit;
                }
            }
        }

        return new RunHistory(owed);
    }

    private static byte Bit(UnitRole unit, FailoverGroupId group) => (byte)(1 << (((int)unit * PairConfig.MaxGroups) + group.Index));
}
