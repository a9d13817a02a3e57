using System.Collections.Immutable;
using Stateless;
using Stateless.Reflection;

namespace FailoverModel.Machines;

/// <summary>
/// The state machine of one failover group on one unit (seed, "Active/Active Failover Overview": "Interface failure
/// monitoring, failover, and active/standby status are all attributes of a failover group rather than the unit").
/// The rules come from <c>Rules</c> (the failure-event table, boot, sync and command rules); this class turns them into
/// a Stateless machine whose state lives outside it, so any snapshot can be stepped.
/// </summary>
internal sealed class FailoverGroupMachine
{
    private static readonly int TriggerCount = Enum.GetValues<GroupTrigger>().Length;

    private readonly StateMachine<GroupState, GroupTrigger> _machine;
    private readonly ILookup<(GroupState, GroupTrigger), GroupTransition> _byStateAndTrigger;

    /// <summary>Stateless's decisions, remembered per (state, trigger, guard inputs).</summary>
    private readonly DecisionCache<GroupTransition?> _decisions;
    private GroupState _state;
    private GroupConditions _conditions;

    public FailoverGroupMachine(IEnumerable<GroupTransition> transitions)
    {
        Transitions = [.. transitions];
        _byStateAndTrigger = Transitions.ToLookup(t => (t.From, t.Trigger));
        _decisions = new DecisionCache<GroupTransition?>(GroupStates.All.Length * TriggerCount * GroupConditionsExtensions.Combinations);
        _machine = new StateMachine<GroupState, GroupTrigger>(() => _state, s => _state = s, FiringMode.Immediate);
        foreach (var state in GroupStates.All)
        {
            var configuration = _machine.Configure(state);
            foreach (var transition in Transitions.Where(t => t.From == state))
            {
                var guard = transition.Guard;
                if (transition.To == state)
                {
                    configuration.PermitReentryIf(transition.Trigger, () => guard.Holds(_conditions), Describe(transition));
                }
                else
                {
                    configuration.PermitIf(transition.Trigger, transition.To, () => guard.Holds(_conditions), Describe(transition));
                }
            }
        }
    }

    /// <summary>The rules this machine was built from, in their declared order.</summary>
    public ImmutableArray<GroupTransition> Transitions { get; }

    /// <summary>
    /// The rule that fires for <paramref name="trigger"/> in <paramref name="from"/> under <paramref name="conditions"/>,
    /// decided by the Stateless machine; null when the trigger is not permitted there.
    /// </summary>
    public GroupTransition? Fire(GroupState from, GroupTrigger trigger, GroupConditions conditions)
    {
        var key = (((int)from * TriggerCount) + (int)trigger) * GroupConditionsExtensions.Combinations + (int)conditions;

        // One machine may serve many pairs on many threads (see FailoverPair): Stateless keeps the state being asked
        // about, so a miss asks it under a lock.
        return _decisions.Decide(key, (Machine: this, From: from, Trigger: trigger, Conditions: conditions), static q =>
        {
            lock (q.Machine._machine)
            {
                return q.Machine.AskStateless(q.From, q.Trigger, q.Conditions);
            }
        });
    }

    /// <summary>The decision of the Stateless machine itself, bypassing the table (for the test that they agree).</summary>
    internal GroupTransition? AskStatelessDirectly(GroupState from, GroupTrigger trigger, GroupConditions conditions)
    {
        lock (_machine)
        {
            return AskStateless(from, trigger, conditions);
        }
    }

    private GroupTransition? AskStateless(GroupState from, GroupTrigger trigger, GroupConditions conditions)
    {
        _state = from;
        _conditions = conditions;
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        _machine.Fire(trigger);
        var to = _state;
        foreach (var transition in _byStateAndTrigger[(from, trigger)])
        {
            if (transition.To == to && transition.Guard.Holds(conditions))
            {
                return transition;
            }
        }

        throw new InvalidOperationException($"Stateless moved {from} to {to} on {trigger}, which no rule declares");
    }

    /// <summary>The triggers permitted in <paramref name="state"/> under <paramref name="conditions"/>.</summary>
    public IEnumerable<GroupTrigger> PermittedTriggers(GroupState state, GroupConditions conditions)
    {
        lock (_machine)
        {
            _state = state;
            _conditions = conditions;
            return [.. Enum.GetValues<GroupTrigger>().Where(_machine.CanFire)];
        }
    }

    /// <summary>Stateless's own reflection of the machine, for diagrams.</summary>
    public StateMachineInfo GetInfo()
    {
        lock (_machine)
        {
            _state = GroupState.Disabled;
            return _machine.GetInfo();
        }
    }

    private static string Describe(GroupTransition transition) =>
        string.IsNullOrEmpty(transition.Guard.Description) ? transition.Source : transition.Guard.Description;
}
