using System.Collections.Immutable;
using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Topology;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Pair;

/// <summary>
/// The pair orchestrator: applies events to an immutable <see cref="PairState"/> through the unit, failover group and
/// link machines, and settles the pair by firing enabled internal steps in one fixed order until none is enabled.
/// One instance is not thread-safe (its machines keep the state being stepped); make one per thread.
/// </summary>
public sealed partial class FailoverPair
{
    /// <summary>
    /// The order in which internal steps are tried: negotiation first, then failure detection (the table), then the
    /// steps a group passes on its way to Active or Standby Ready, then recovery and preempt.
    /// </summary>
    public static readonly ImmutableArray<GroupTrigger> InternalOrder =
    [
        FailoverLinkFailedAtStartup, NoActiveUnitFound, BothUnitsBooted, ActiveMateDetected, MateLost,
        MateUnitFailure, InterfaceFailureOnStandbyGroup, InterfaceFailureOnActiveGroup,
        ActivationBegins, QueuesDrained, ConfigApplied, ActivationCompletes,
        ConfigReplicationBegins, ConfigReplicationEnds, FileSystemSynced, BulkSyncCompletes,
        FormerlyActiveGroupRecovers, Preempt,
    ];

    /// <summary>A settle that takes more steps than this is a livelock in the rules.</summary>
    public const int MaxSettleSteps = 1_000;

    private static readonly FrozenTriggers Companions = new()
    {
        [InterfaceFailureOnActiveGroup] = MateGroupFailed,
        [Preempt] = OtherUnitWantsMeStandby,
        [FailoverActiveCommand] = OtherUnitWantsMeStandby,
        [NoFailoverActiveCommand] = OtherUnitWantsMeActive,
    };

    /// <summary>The machine of the seed's rules, shared by every pair: its decision table (13 states × triggers × 2,048 guard inputs) is filled once per process.</summary>
    private static readonly Lazy<FailoverGroupMachine> SeedMachine = new(() => new FailoverGroupMachine(GroupRules.All));

    private readonly FailoverGroupMachine _group;
    private readonly Func<InterfacePolicy, int, int, bool> _thresholdReached;
    private readonly UnitMachine _unit = new();
    private readonly LinkMachine _link = new();

    public FailoverPair(PairConfig config)
        : this(config, GroupRules.All)
    {
    }

    /// <summary>
    /// A pair whose failover group machine is built from other rules, or whose interface policy is read differently:
    /// the seam the deliberately broken variants use.
    /// </summary>
    internal FailoverPair(PairConfig config, IEnumerable<GroupTransition> groupRules, Func<InterfacePolicy, int, int, bool>? thresholdReached = null)
        : this(
            config,
            groupRules is ImmutableArray<GroupTransition> rules && rules == GroupRules.All ? SeedMachine.Value : new FailoverGroupMachine(groupRules),
            thresholdReached ?? ((policy, failed, monitored) => policy.IsReached(failed, monitored)))
    {
    }

    private FailoverPair(PairConfig config, FailoverGroupMachine group, Func<InterfacePolicy, int, int, bool> thresholdReached)
    {
        Config = config;
        _thresholdReached = thresholdReached;
        _group = group;
        var unit = new UnitState(UnitStatus.PoweredOff, true, GroupSlot.Disabled, GroupSlot.Disabled,
            config.Group(1), config.HasGroup(2) ? config.Group(2) : config.Group(1), 0, UnitConfiguration.Empty(config.Spaces));
        Initial = new PairState(unit, unit, LinkStatus.Up, config.StateLink is null ? LinkStatus.NotConfigured : LinkStatus.Up);
    }

    public PairConfig Config { get; }

    /// <summary>A pair with the same rules, for another thread: one instance steps one snapshot at a time (the group machine's table is shared).</summary>
    public FailoverPair Clone() => new(Config, _group, _thresholdReached);

    /// <summary>Both units powered off, links up, every group Disabled.</summary>
    public PairState Initial { get; }

    public FailoverGroupMachine GroupMachine => _group;

    /// <summary>The group's preferred unit. Both units follow the primary's running configuration, which the secondary obtains at boot.</summary>
    public static UnitRole PreferredUnit(PairState state, int group) => state.Primary.Settings(group).Preferred;

    /// <summary>
    /// Failed monitored interfaces of the group on the unit. An interface failed on both units while they talk is
    /// "Unknown" and does not count toward the policy (ASA-FACTS, "Health monitoring").
    /// </summary>
    public int FailedMonitored(PairState state, UnitRole unit, int group)
    {
        var me = state.Unit(unit);
        var mate = state.Unit(unit.Mate());
        var failed = me.FailedInterfaces & Config.MonitoredMask[group];
        if (state.FailoverLink == LinkStatus.Up && mate.Status == UnitStatus.FailoverOn)
        {
            failed &= ~mate.FailedInterfaces;
        }

        return System.Numerics.BitOperations.PopCount(failed);
    }

    /// <summary>What the group's guards see on <paramref name="unit"/> in <paramref name="state"/>.</summary>
    public GroupConditions Conditions(PairState state, UnitRole unit, int group)
    {
        var me = state.Unit(unit);
        var mate = state.Unit(unit.Mate());
        var mateGroup = mate.Group(group).State;
        var failed = FailedMonitored(state, unit, group);
        return When(me.Status == UnitStatus.FailoverOn, GroupConditions.UnitRunsFailover)
            | When(state.FailoverLink == LinkStatus.Up, GroupConditions.FailoverLinkUp)
            | When(mate.Status == UnitStatus.FailoverOn, GroupConditions.MateRunsFailover)
            | When(mate.Status.IsDown() || mate.Status == UnitStatus.FailoverOff, GroupConditions.MateUnitDown)
            | When(mateGroup.IsActive(), GroupConditions.MateGroupActive)
            | When(mateGroup == GroupState.StandbyReady, GroupConditions.MateGroupStandbyReady)
            | When(mateGroup == GroupState.Negotiation, GroupConditions.MateGroupNegotiating)
            | When(_thresholdReached(me.Settings(group).Policy, failed, Config.MonitoredCount(group)), GroupConditions.ThresholdReached)
            | When(failed > FailedMonitored(state, unit.Mate(), group), GroupConditions.MoreFailedThanMate)
            | When(PreferredUnit(state, group) == unit, GroupConditions.PreferredUnit)
            | When(me.Group(group).PreemptArmed, GroupConditions.PreemptArmed);
    }

    private static GroupConditions When(bool holds, GroupConditions condition) => holds ? condition : GroupConditions.None;

    /// <summary>The internal step the pair takes next in <paramref name="state"/>, or null when it is settled.</summary>
    public Event? NextInternal(PairState state)
    {
        // Guard inputs depend on the snapshot only: compute them once per unit and group, not once per trigger.
        Span<GroupConditions> conditions = stackalloc GroupConditions[4];
        foreach (var unit in UnitRoles.Both)
        {
            foreach (var group in Config.GroupIds)
            {
                conditions[((int)unit * 2) + group - 1] = Conditions(state, unit, group);
            }
        }

        foreach (var trigger in InternalOrder)
        {
            foreach (var unit in UnitRoles.Both)
            {
                if (state.Unit(unit).Status != UnitStatus.FailoverOn)
                {
                    continue;
                }

                foreach (var group in Config.GroupIds)
                {
                    var own = conditions[((int)unit * 2) + group - 1];
                    var mate = conditions[((int)unit.Mate() * 2) + group - 1];
                    if (IsEnabled(state, unit, group, trigger, own, mate))
                    {
                        // A unit steps its groups together: synchronization and health monitoring are unit-wide (ASA's
                        // hidden group 0), and the mate's failure is noticed by the unit as a whole.
                        return new GroupStep(unit, GroupStep.EveryGroup, trigger);
                    }
                }
            }
        }

        foreach (var unit in UnitRoles.Both)
        {
            var me = state.Unit(unit);
            if (_unit.Fire(me.Status, UnitTrigger.ReloadCompletes, me.StartupFailover) is not null)
            {
                return new UnitStep(unit, UnitTrigger.ReloadCompletes);
            }
        }

        return null;
    }

    /// <summary>Applies one event, external or internal, without settling.</summary>
    public StepResult Apply(PairState state, Event @event) => Apply(state, @event, quiet: false);

    /// <summary>Applies one event; a quiet step keeps no notes (the explorer's and the checkers' steps, which nobody reads).</summary>
    public StepResult Apply(PairState state, Event @event, bool quiet)
    {
        var step = new StepBuilder(@event, state, quiet);
        switch (@event)
        {
            case PowerOn e:
                foreach (var unit in e.Units)
                {
                    Boot(step, unit, UnitTrigger.PowerOn, "powered on");
                }

                break;
            case PowerOff e:
                PowerDown(step, e.Unit, UnitTrigger.PowerFailure);
                break;
            case Crash e:
                FailUnit(step, e.Unit, UnitTrigger.SoftwareFailure);
                break;
            case HardwareFail e:
                FailUnit(step, e.Unit, UnitTrigger.HardwareFailure);
                break;
            case Replace e:
                ReplaceUnit(step, e.Unit);
                break;
            case InterfaceChange e:
                ChangeInterface(step, e);
                break;
            case LinkChange e:
                ChangeLink(step, e);
                break;
            case Connect e:
                Open(step, e);
                break;
            case CommandEvent e:
                ApplyCommand(step, e);
                break;
            case GroupStep e:
                ApplyGroupStep(step, e);
                break;
            case UnitStep e:
                Boot(step, e.Unit, e.Trigger, "reloaded");
                break;
            default:
                throw new ArgumentException($"unknown event {@event}", nameof(@event));
        }

        step.State = CarryConnections(state, step.State, step.Changes);
        return step.Build();
    }

    /// <summary>Runs internal steps until none is enabled.</summary>
    public ImmutableArray<StepResult> Settle(PairState state) => Settle(state, quiet: false);

    public ImmutableArray<StepResult> Settle(PairState state, bool quiet)
    {
        var steps = ImmutableArray.CreateBuilder<StepResult>();
        while (NextInternal(state) is { } next)
        {
            if (steps.Count == MaxSettleSteps)
            {
                throw new InvalidOperationException($"the pair did not settle within {MaxSettleSteps} internal steps, last: {next}");
            }

            var result = Apply(state, next, quiet);
            steps.Add(result);
            state = result.State;
        }

        return steps.ToImmutable();
    }

    /// <summary>Applies an external event and settles the pair.</summary>
    public SettledStep Step(PairState state, Event @event) => Step(state, @event, quiet: false);

    public SettledStep Step(PairState state, Event @event, bool quiet)
    {
        var external = Apply(state, @event, quiet);
        return new SettledStep(external, Settle(external.State, quiet));
    }

    /// <summary>Applies events in order, settling after each; returns the final snapshot.</summary>
    public PairState Run(IEnumerable<Event> events, PairState? from = null)
    {
        var state = from ?? Initial;
        foreach (var @event in events)
        {
            state = Step(state, @event, quiet: true).State;
        }

        return state;
    }

    private bool IsEnabled(PairState state, UnitRole unit, int group, GroupTrigger trigger, GroupConditions own, GroupConditions mate) =>
        _group.Fire(state.GroupState(unit, group), trigger, own) is not null
        && (!Companions.TryGetValue(trigger, out var companion) || _group.Fire(state.GroupState(unit.Mate(), group), companion, mate) is not null);

    private (GroupTransition Own, GroupTransition? Mate)? TryGroupStep(PairState state, UnitRole unit, int group, GroupTrigger trigger)
    {
        var own = _group.Fire(state.GroupState(unit, group), trigger, Conditions(state, unit, group));
        if (own is null)
        {
            return null;
        }

        if (!Companions.TryGetValue(trigger, out var companion))
        {
            return (own, null);
        }

        var mate = unit.Mate();
        var other = _group.Fire(state.GroupState(mate, group), companion, Conditions(state, mate, group));
        return other is null ? null : (own, other);
    }

    private void ApplyGroupStep(StepBuilder step, GroupStep e)
    {
        if (e.Group == GroupStep.EveryGroup)
        {
            var before = step.State;
            var groups = Config.GroupIds.Where(g => TryGroupStep(before, e.Unit, g, e.Trigger) is not null).ToList();
            if (before.Unit(e.Unit).Status != UnitStatus.FailoverOn || groups.Count == 0)
            {
                step.Note($"{e.Trigger} is not enabled on {e.Unit.Token()}");
                return;
            }

            if (e.Trigger == MateUnitFailure)
            {
                step.LogFailover(e.Unit, 103001, "No response from other firewall (reason code = 4).");
            }

            foreach (var group in groups)
            {
                // Each group is decided on the snapshot as the previous group left it.
                if (TryGroupStep(step.State, e.Unit, group, e.Trigger) is { } each)
                {
                    Commit(step, e.Unit, group, each.Own, each.Mate);
                }
            }

            return;
        }

        if (step.Unit(e.Unit).Status != UnitStatus.FailoverOn || TryGroupStep(step.State, e.Unit, e.Group, e.Trigger) is not { } fired)
        {
            step.Note($"{e.Trigger} is not enabled for group {e.Group} on {e.Unit.Token()}");
            return;
        }

        Commit(step, e.Unit, e.Group, fired.Own, fired.Mate);
    }

    /// <summary>Writes a fired transition (and its companion on the mate) into the snapshot, with its messages and table row.</summary>
    private void Commit(StepBuilder step, UnitRole unit, int group, GroupTransition own, GroupTransition? mate)
    {
        var before = step.State;
        Transit(step, before, unit, group, own);
        if (mate is not null)
        {
            Transit(step, before, unit.Mate(), group, mate);
        }
    }

    private void Transit(StepBuilder step, PairState before, UnitRole unit, int group, GroupTransition t)
    {
        var me = step.Unit(unit);
        var settings = me.Settings(group);
        var armed = t.ArmsPreempt && settings.Preempt && PreferredUnit(before, group) == unit;
        var slot = new GroupSlot(t.To, t.Marks ?? me.Group(group).Reason, armed);
        step.Set(unit, me.WithGroup(group, slot));
        step.Changed(new GroupChange(unit, group, t.From, t.To, t.Reason));
        if (FailureEventTable.RowOf(t.Trigger) is { } row)
        {
            step.Row(row.Event);
        }

        var mate = unit.Mate();
        if (t.Trigger == BothUnitsBooted && group == 1)
        {
            // Seed: "When both units boot simultaneously, the secondary unit obtains the running configuration from the
            // primary unit", before the groups choose their units; the synchronization of group 1 then logs the replication.
            CopyConfiguration(step, from: UnitRole.Primary, to: UnitRole.Secondary);
        }

        switch (t.From, t.To)
        {
            case (_, GroupState.JustActive) when !t.From.IsActive():
                step.LogFailover(unit, 104001, $"Switching to ACTIVE - {t.Reason}.", group);
                break;
            case (_, GroupState.StandbyReady) when t.From.IsActive():
                step.LogFailover(unit, 104002, $"Switching to STANDBY - {t.Reason}.", group);
                break;
            case (not GroupState.Failed, GroupState.Failed):
                step.LogFailover(unit, 104003, "Switching to FAILED.", group);
                break;
            case (GroupState.Failed, GroupState.StandbyReady):
                step.LogFailover(unit, 104004, "Switching to OK.", group);
                break;
            case (GroupState.ColdStandby, GroupState.SyncConfig) when group == 1:
                // The system configuration travels with failover group 1 (seed, "Command Replication").
                step.Log(mate, 709003, "Beginning configuration replication: Send to mate.");
                step.Log(unit, 709005, "Beginning configuration replication: Receiving from mate.");
                break;
            case (GroupState.SyncConfig, GroupState.SyncFileSystem) when group == 1:
                CopyConfiguration(step, from: mate, to: unit);
                step.Log(mate, 709004, "End Configuration Replication (ACT)");
                step.Log(unit, 709006, "End Configuration Replication (STB)");
                break;
        }

        var switchover = (t.From.IsActive() && t.To is GroupState.StandbyReady or GroupState.Failed) || (t.From is GroupState.StandbyReady && t.To.IsActive());
        if (switchover && step.Unit(unit).Status.IsRunning())
        {
            // Seed, "Failover Functionality Tests": "Within switchover, failover logically shuts down and then brings up
            // interfaces, which generates syslog 411001 and 411002 messages."
            foreach (var context in Config.Contexts.Where(c => c.Group == group))
            {
                foreach (var i in context.Interfaces)
                {
                    step.Log(unit, 411002, $"Line protocol on Interface {i.Nameif}, changed state to down", group);
                    step.Log(unit, 411001, $"Line protocol on Interface {i.Nameif}, changed state to up", group);
                }
            }
        }
    }

    /// <summary>
    /// The receiving unit takes the sender's running configuration: the failover group settings and every space (seed:
    /// "On the unit receiving the configuration, the configuration exists only in running memory").
    /// </summary>
    private void CopyConfiguration(StepBuilder step, UnitRole from, UnitRole to)
    {
        var source = step.Unit(from);
        var target = step.Unit(to);
        step.Set(to, target with { Settings1 = source.Settings1, Settings2 = source.Settings2, Configuration = target.Configuration.RunningFrom(source.Configuration) });
    }

    private sealed class FrozenTriggers : Dictionary<GroupTrigger, GroupTrigger>;
}
