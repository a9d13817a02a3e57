using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Command Replication", stated for the invariants on their own (not with the model's code, which they judge): a
/// command replicates when it is entered on the unit where its failover group (group 1 for the system execution space)
/// is active, and both units run failover over an up failover link.
/// </summary>
internal static class CommandReplication
{
    public static bool EnteredOnTheRightUnit(PairConfig config, PairState before, CommandEvent command)
    {
        var group = config.GroupOfSpace(command.Context);
        return before.GroupState(command.Unit, group).IsActive()
            && before.FailoverLink == LinkStatus.Up
            && before.Unit(command.Unit).Status == UnitStatus.FailoverOn
            && before.Unit(command.Unit.Mate()).Status == UnitStatus.FailoverOn;
    }
}
