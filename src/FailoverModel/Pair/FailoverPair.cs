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
    /// <summary>A settle that takes more steps than this is a livelock in the rules.</summary>
    public const int MaxSettleSteps = 1_000;

    /// <summary>The machine of the seed's rules, shared by every pair: its decision table (13 states × triggers × 4,096 guard inputs) is filled once per process.</summary>
    private static readonly Lazy<FailoverGroupMachine> SeedMachine = new(() => new FailoverGroupMachine(GroupRules.All));

    private readonly FailoverGroupMachine _group;
    private readonly Func<InterfacePolicy, int, int, bool> _thresholdReached;
    private readonly HealthMonitoring _monitoring;
    private readonly Deviations _deviations;
    private readonly UnitMachine _unit = new();
    private readonly LinkMachine _link = new();

    public FailoverPair(PairConfig config)
        : this(config, GroupRules.All)
    {
    }

    /// <summary>
    /// A pair whose failover group machine is built from other rules, whose interface policy is read differently, whose
    /// health monitoring is wrong or which departs from another documented rule: the seam the deliberately broken
    /// variants use.
    /// </summary>
    internal FailoverPair(PairConfig config, IEnumerable<GroupTransition> groupRules, Func<InterfacePolicy, int, int, bool>? thresholdReached = null, HealthMonitoring? monitoring = null, Deviations? deviations = null)
        : this(
            config,
            groupRules is ImmutableArray<GroupTransition> rules && rules == GroupRules.All ? SeedMachine.Value : new FailoverGroupMachine(groupRules),
            thresholdReached ?? ((policy, failed, monitored) => policy.IsReached(failed, monitored)),
            monitoring ?? HealthMonitoring.Cisco,
            deviations ?? Deviations.None)
    {
    }

    private FailoverPair(PairConfig config, FailoverGroupMachine group, Func<InterfacePolicy, int, int, bool> thresholdReached, HealthMonitoring monitoring, Deviations deviations)
    {
        Config = config;
        _thresholdReached = thresholdReached;
        _monitoring = monitoring;
        _deviations = deviations;
        _group = group;
        var group1 = config.Group(FailoverGroupId.One);
        var group2 = config.HasGroup(FailoverGroupId.Two) ? config.Group(FailoverGroupId.Two) : config.Group(FailoverGroupId.One);
        var unit = new UnitState(UnitStatus.PoweredOff, true, GroupSlot.Disabled, GroupSlot.Disabled,
            group1, group2, 0, UnitConfiguration.Empty(config.Spaces), group1, group2, MateView.NotDetected);
        Initial = new PairState(unit, unit, LinkStatus.Up, config.StateLink is null ? LinkStatus.NotConfigured : LinkStatus.Up);
    }

    public PairConfig Config { get; }

    /// <summary>A pair with the same rules, for another thread: one instance steps one snapshot at a time (the group machine's table is shared).</summary>
    public FailoverPair Clone() => new(Config, _group, _thresholdReached, _monitoring, _deviations);

    /// <summary>Both units powered off, links up, every group Disabled.</summary>
    public PairState Initial { get; }

    public FailoverGroupMachine GroupMachine => _group;

    /// <summary>The group's preferred unit: the primary's running configuration decides it (which the secondary obtains at boot; docs/decisions.md 8).</summary>
    public static UnitRole PreferredUnit(PairState state, FailoverGroupId group) => state.Primary.Settings(group).Preferred;

    /// <summary>The internal step the pair takes next in <paramref name="state"/>, or null when it is settled.</summary>
    public Event? NextInternal(PairState state)
    {
        // Guard inputs depend on the snapshot only: compute them once per unit and group, not once per trigger.
        Span<GroupConditions> conditions = stackalloc GroupConditions[4];
        foreach (var unit in UnitRoles.Both)
        {
            foreach (var group in Config.GroupIds)
            {
                conditions[((int)unit * 2) + group.Index] = Conditions(state, unit, group);
            }
        }

        foreach (var trigger in ProtocolRules.InternalOrder)
        {
            foreach (var unit in UnitRoles.Both)
            {
                if (!ProtocolRules.StepsItsGroups(state.Unit(unit).Status))
                {
                    continue;
                }

                foreach (var group in Config.GroupIds)
                {
                    var own = conditions[((int)unit * 2) + group.Index];
                    var mate = conditions[((int)unit.Mate() * 2) + group.Index];
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
            if (HoldtimeRuns(state, unit))
            {
                return new UnitHoldtimeExpired(unit);
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
            case UnitHoldtimeExpired e:
                HoldtimeExpires(step, e.Unit);
                break;
            default:
                throw new ArgumentException($"unknown event {@event}", nameof(@event));
        }

        Listen(step);
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
}
