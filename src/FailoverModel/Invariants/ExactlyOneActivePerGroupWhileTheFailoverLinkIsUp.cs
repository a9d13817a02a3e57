using FailoverModel.Machines;
using FailoverModel.Pair;

namespace FailoverModel.Invariants;

/// <summary>
/// Once the pair has settled with the failover link up and both units running failover, every failover group is active
/// on exactly one unit: split brain exists only while the link is down (table row 5) and ends when it returns.
/// </summary>
internal sealed class ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp : Invariant
{
    public override string Name => nameof(ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp);

    public override string Source => "Active/Active Failover Overview; table row 5";

    public override string? Check(InvariantContext step)
    {
        var s = step.After;
        if (!step.Settled || s.FailoverLink != LinkStatus.Up || s.Primary.Status != UnitStatus.FailoverOn || s.Secondary.Status != UnitStatus.FailoverOn)
        {
            return null;
        }

        foreach (var g in step.Config.GroupIds)
        {
            var where = s.ActiveOn(g);
            if (where is ActiveOn.Both or ActiveOn.None)
            {
                return $"group {g} is active on {where.Token()} although the failover link is up and both units run failover " +
                       $"(primary {s.GroupState(Topology.UnitRole.Primary, g).Display()}, secondary {s.GroupState(Topology.UnitRole.Secondary, g).Display()})";
            }
        }

        return null;
    }
}
