using Stateless;
using Stateless.Reflection;

namespace FailoverModel.Machines;

/// <summary>What happens to a link: it fails or is restored.</summary>
public enum LinkTrigger : byte
{
    /// <summary>The link goes down.</summary>
    LinkFails,

    /// <summary>The link comes back up.</summary>
    LinkRestored,
}

/// <summary>
/// The failover link and the Stateful Failover link. When the failover link fails during operation "each unit marks
/// the failover interface as failed" and no failover can happen until it is restored; when the Stateful Failover link
/// fails, "state information becomes out of date" (seed, "Failover Actions", last two rows).
/// </summary>
internal sealed class LinkMachine
{
    private static readonly int TriggerCount = Enum.GetValues<LinkTrigger>().Length;
    private readonly StateMachine<LinkStatus, LinkTrigger> _machine;
    private readonly DecisionCache<LinkStatus?> _decisions = new(Enum.GetValues<LinkStatus>().Length * TriggerCount);
    private LinkStatus _status;

    public LinkMachine()
    {
        _machine = new StateMachine<LinkStatus, LinkTrigger>(() => _status, s => _status = s, FiringMode.Immediate);
        _machine.Configure(LinkStatus.Up).Permit(LinkTrigger.LinkFails, LinkStatus.Down);
        _machine.Configure(LinkStatus.Down).Permit(LinkTrigger.LinkRestored, LinkStatus.Up);
        _machine.Configure(LinkStatus.NotConfigured);
    }

    /// <summary>The link's status after the trigger, or null when it does not apply (already down, not configured).</summary>
    public LinkStatus? Fire(LinkStatus from, LinkTrigger trigger)
    {
        // Remembered per (status, trigger), as the unit and group machines do.
        return _decisions.Decide(((int)from * TriggerCount) + (int)trigger, (Machine: this, From: from, Trigger: trigger), static q => q.Machine.AskStateless(q.From, q.Trigger));
    }

    /// <summary>The decision of the Stateless machine itself, bypassing the table (for the test that they agree).</summary>
    internal LinkStatus? AskStatelessDirectly(LinkStatus from, LinkTrigger trigger) => AskStateless(from, trigger);

    private LinkStatus? AskStateless(LinkStatus from, LinkTrigger trigger)
    {
        _status = from;
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        _machine.Fire(trigger);
        return _status;
    }

    public StateMachineInfo GetInfo()
    {
        _status = LinkStatus.Up;
        return _machine.GetInfo();
    }
}
