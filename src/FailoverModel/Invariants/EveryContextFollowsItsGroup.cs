using FailoverModel.Topology;
using FailoverModel.Pair;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Active/Active Failover Overview": "The admin context is always a member of failover group 1", and a context
/// is active on a unit exactly when its failover group is active there (seed, "Command Replication", note).
/// </summary>
public sealed class EveryContextFollowsItsGroup : Invariant
{
    public override string Name => nameof(EveryContextFollowsItsGroup);

    public override string Source => "Active/Active Failover Overview";

    public override string? Check(InvariantContext step)
    {
        var admin = step.Config.Context(step.Config.AdminContext);
        if (admin is not null && admin.Group != FailoverGroupId.One)
        {
            return $"the admin context {admin.Name} is in failover group {admin.Group}, not 1";
        }

        foreach (var context in step.Config.Contexts)
        {
            if (!step.Config.HasGroup(context.Group))
            {
                return $"context {context.Name} joined failover group {context.Group}, which does not exist";
            }
        }

        return null;
    }
}
