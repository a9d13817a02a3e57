using FailoverModel.Topology;
using FailoverModel.Pair;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Active/Active Failover Overview": "The admin context is always a member of failover group 1", and a context
/// is active on a unit exactly when its failover group is active there (seed, "Command Replication", note). Observed
/// through the traffic a context passes: a connection made in a context is opened in the failover group the context
/// joined, while that group is active on one unit, and in no other group.
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

        if (step.Before is not { } before || step.Event is not Connect connect)
        {
            return null;
        }

        var joined = step.Config.GroupOfContext(connect.Context);
        foreach (var g in step.Config.GroupIds)
        {
            var was = before.Connections.Group(g);
            var now = step.After.Connections.Group(g);
            if (g == joined && before.ActiveOn(g) is ActiveOn.Primary or ActiveOn.Secondary && (now.Open & connect.Kind) != connect.Kind)
            {
                return $"a {string.Join(", ", ConnectionKindValues.Tokens(connect.Kind))} connection made in {connect.Context} was not opened in failover group {g}, which {connect.Context} joined and which is active on {before.ActiveOn(g).Token()}";
            }

            if (g != joined && now != was)
            {
                return $"a connection made in {connect.Context}, which joined failover group {joined}, changed the connections of failover group {g}";
            }
        }

        return null;
    }
}
