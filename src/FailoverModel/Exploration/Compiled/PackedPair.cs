using System.Numerics;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>Deliberate mistakes of the compiled pair, for the properties to show they catch a compiled step that differs from the reference.</summary>
internal enum PackedPairFault : byte
{
    None,

    /// <summary>A forced failover or a preempt moves the group on its own unit only, its companion on the mate forgotten.</summary>
    DropsTheCompanion,

    /// <summary>A hello carries the mate's groups but not its failed interfaces.</summary>
    HearsNoInterfaces,
}

/// <summary>A packed state being stepped: the head, each unit's failed interfaces and what it heard, and the step's table rows.</summary>
internal struct PackedWork
{
    public ulong Head;
    public ulong Failed0;
    public ulong Failed1;
    public ulong Heard0;
    public ulong Heard1;
    public int Rows;

    /// <summary>The step logged something (the only trace of a command that changes no state, 'write standby').</summary>
    public bool Logged;

    public PackedWork(in StateKey key)
    {
        Head = key.Head;
        Failed0 = key.PrimaryFailed;
        Failed1 = key.SecondaryFailed;
        Heard0 = key.PrimaryHeard;
        Heard1 = key.SecondaryHeard;
        Rows = 0;
        Logged = false;
    }

    public readonly StateKey Key => new(Head, Failed0, Failed1, Heard0, Heard1);

    public readonly ulong Failed(int unit) => unit == 0 ? Failed0 : Failed1;

    public readonly ulong Heard(int unit) => unit == 0 ? Heard0 : Heard1;
}

/// <summary>
/// <see cref="FailoverPair"/> on packed states, for the explorer's alphabet: the same orchestration (which machine
/// fires which trigger on which group, in which order, with which companion on the mate), every decision asked of the
/// same machines — the pair's failover group machine (the Stateless machine behind its decision table), a unit
/// machine and a link machine — and the pair's own interface policy reading and health monitoring, so broken variants
/// step the same. What the packed state does not hold is left out: syslog text, notes, Last Failure Reasons (no guard
/// reads them), configurations and connections (the explorer's alphabet never changes them). The properties check it
/// against the reference on every transition of whole explorations.
/// </summary>
internal sealed partial class PackedPair
{
    private static readonly int TriggerCount = Enum.GetValues<GroupTrigger>().Length;

    private readonly FailoverGroupMachine _group;
    private readonly UnitMachine _unit = new();
    private readonly LinkMachine _link = new();
    private readonly Func<InterfacePolicy, int, int, bool> _thresholdReached;
    private readonly FailoverPair.HealthMonitoring _monitoring;
    private readonly PairConfig _config;
    private readonly int[] _groups;
    private readonly ulong[] _monitored;
    private readonly int[] _monitoredCount;
    private readonly ulong _all;
    private readonly InterfacePolicy[] _policy;
    private readonly bool[] _preempt;
    private readonly int[] _preferred;
    private readonly GroupTrigger?[] _companion;
    private readonly int[] _rowOf;
    private readonly GroupTrigger[] _internalOrder = [.. ProtocolRules.InternalOrder];
    private readonly int _groupStepCount;
    private readonly int[] _ownEnabled = NewDecisionTable();
    private readonly int[] _mateAllows = NewDecisionTable();

    public PackedPair(FailoverPair pair, PackedPairFault fault = PackedPairFault.None)
    {
        Fault = fault;
        if (pair.Deviates)
        {
            throw new NotSupportedException("the compiled explorer steps the model as Cisco documents it; explore a deviating variant with the reference explorer");
        }

        _config = pair.Config;
        _group = pair.GroupMachine;
        _thresholdReached = pair.ThresholdReached;
        _monitoring = pair.Monitoring;
        _groups = [.. _config.GroupIds.Select(g => g.Number)];
        _monitored = [0UL, .. _config.MonitoredMasks];
        _monitoredCount = [.. _monitored.Select(m => BitOperations.PopCount(m))];
        _all = _config.AllInterfacesMask;

        // The explorer's states keep the initial group settings (its codec refuses any other), so each unit's copy of
        // them is the initial one; the preferred unit is read from the primary's copy, as the pair does.
        var initial = pair.Initial;
        _policy = [.. Enumerable.Range(0, 2 * (PairConfig.MaxGroups + 1)).Select(i => initial.Unit((UnitRole)(i / (PairConfig.MaxGroups + 1))).Settings(FailoverGroupId.Of(Math.Max(1, i % (PairConfig.MaxGroups + 1)))).Policy)];
        _preempt = [.. Enumerable.Range(0, 2 * (PairConfig.MaxGroups + 1)).Select(i => initial.Unit((UnitRole)(i / (PairConfig.MaxGroups + 1))).Settings(FailoverGroupId.Of(Math.Max(1, i % (PairConfig.MaxGroups + 1)))).Preempt)];
        _preferred = [.. Enumerable.Range(0, PairConfig.MaxGroups + 1).Select(g => (int)FailoverPair.PreferredUnit(initial, FailoverGroupId.Of(Math.Max(1, g))))];
        _companion = [.. Enum.GetValues<GroupTrigger>().Select(t => ProtocolRules.Companions.TryGetValue(t, out var c) ? c : (GroupTrigger?)null)];
        _rowOf = [.. Enum.GetValues<GroupTrigger>().Select(t => FailureEventTable.RowOf(t) is { } row ? (int)row.Event : 0)];
        _groupStepCount = 2 * TriggerCount;

        // NextInternal keeps the enabled triggers as bits of an int, one per position in the internal order.
        if (_internalOrder.Length > 31)
        {
            throw new NotSupportedException($"the compiled pair keeps the internal order in 31 bits; the rules list {_internalOrder.Length} triggers");
        }
        InternalEvents =
        [
            .. UnitRoles.Both.SelectMany(u => Enum.GetValues<GroupTrigger>().Select(t => (Event)new Pair.GroupStep(u, Pair.GroupStep.EveryGroup, t))),
            .. UnitRoles.Both.Select(u => (Event)new UnitHoldtimeExpired(u)),
            .. UnitRoles.Both.Select(u => (Event)new UnitStep(u, UnitTrigger.ReloadCompletes)),
        ];
        InternalPacked = [.. InternalEvents.Select(e => PackedEvent.Of(_config, e))];
    }

    private static int[] NewDecisionTable()
    {
        var table = new int[PackedHead.GroupStateValues * GroupConditionsExtensions.Combinations];
        Array.Fill(table, -1);
        return table;
    }

    /// <summary>Every internal step, made once: each unit's group steps by trigger, holdtimes expiring, reloads completing.</summary>
    public Event[] InternalEvents { get; }

    /// <summary><see cref="InternalEvents"/>, packed.</summary>
    public PackedEvent[] InternalPacked { get; }

    public PairConfig Config => _config;

    public PackedPairFault Fault { get; }

    /// <summary>The group ids (1, or 1 and 2).</summary>
    public ReadOnlySpan<int> Groups => _groups;

    /// <summary>Per group id, its monitored interfaces.</summary>
    public ulong Monitored(int group) => _monitored[group];

    /// <summary>Every data interface.</summary>
    public ulong AllInterfaces => _all;

    public bool Preempt(int unit, int group) => _preempt[(unit * (PairConfig.MaxGroups + 1)) + group];

    public InterfacePolicy Policy(int unit, int group) => _policy[(unit * (PairConfig.MaxGroups + 1)) + group];

    private static bool StepsItsGroups(ulong head, int unit) => ProtocolRules.StepsItsGroups(PackedHead.Status(head, unit));

    /// <summary><see cref="FailoverPair.Conditions"/>: what a group's guards see from its unit, its mate only through the view.</summary>
    public GroupConditions Conditions(in PackedWork w, int unit, int group)
    {
        var head = w.Head;
        var contact = PackedHead.Contact(head, unit);
        var mateGroup = PackedHead.ViewGroup(head, unit, group);
        var mine = w.Failed(unit) & _monitored[group];
        var hears = contact == MateContact.Hellos;
        var failed = BitOperations.PopCount(hears ? mine & ~w.Heard(unit) : mine);
        var mateFailed = contact switch
        {
            MateContact.Failed => _monitoredCount[group] + 1,
            MateContact.Hellos => BitOperations.PopCount(w.Heard(unit) & _monitored[group] & ~w.Failed(unit)),
            _ => 0,
        };
        var c = GroupConditions.None;
        if (PackedHead.Status(head, unit) == UnitStatus.FailoverOn)
        {
            c |= GroupConditions.UnitRunsFailover;
        }

        if (PackedHead.FailoverLink(head) == LinkStatus.Up)
        {
            c |= GroupConditions.FailoverLinkUp;
        }

        if (hears)
        {
            c |= GroupConditions.MateRunsFailover;
        }

        if (contact == MateContact.Failed)
        {
            c |= GroupConditions.MateUnitDown;
        }

        if (mateGroup.IsActive())
        {
            c |= GroupConditions.MateGroupActive;
        }

        if (mateGroup == GroupState.StandbyReady)
        {
            c |= GroupConditions.MateGroupStandbyReady;
        }

        if (mateGroup == GroupState.Negotiation)
        {
            c |= GroupConditions.MateGroupNegotiating;
        }

        if (_thresholdReached(Policy(unit, group), failed, _monitoredCount[group]))
        {
            c |= GroupConditions.ThresholdReached;
        }

        if (failed > mateFailed)
        {
            c |= GroupConditions.MoreFailedThanMate;
        }

        if (_preferred[group] == unit)
        {
            c |= GroupConditions.PreferredUnit;
        }

        if (PackedHeadWrite.Armed(head, unit, group))
        {
            c |= GroupConditions.PreemptArmed;
        }

        if (PackedHead.MatesAnswer(head))
        {
            c |= GroupConditions.MateAnswers;
        }

        return c;
    }

    /// <summary><see cref="FailoverPair.NextInternal"/>: the index in <see cref="InternalEvents"/> of the internal step the pair takes next, or -1 when it is settled.</summary>
    public int NextInternal(in PackedWork w)
    {
        // The pair tries the triggers in the rules' internal order, and for each the units and groups in turn (the
        // first enabled step wins). Whether a trigger is enabled on one unit's group depends on that group's state and
        // conditions and, through its companion, on the mate's: both are table look-ups here, one bit per trigger
        // in internal order, so the first step is the lowest bit and then the first (unit, group) that has it.
        Span<int> enabled = stackalloc int[2 * PairConfig.MaxGroups];
        Span<int> conditions = stackalloc int[2 * PairConfig.MaxGroups];
        var head = w.Head;
        foreach (var group in _groups)
        {
            conditions[group - 1] = (int)Conditions(w, 0, group);
            conditions[2 + group - 1] = (int)Conditions(w, 1, group);
        }

        var any = 0;
        for (var unit = 0; unit < 2; unit++)
        {
            if (!StepsItsGroups(head, unit))
            {
                continue;
            }

            foreach (var group in _groups)
            {
                var own = OwnEnabled((int)PackedHead.Group(head, unit, group), conditions[(unit * 2) + group - 1]);
                var mask = own == 0 ? 0 : own & MateAllows((int)PackedHead.Group(head, 1 - unit, group), conditions[((1 - unit) * 2) + group - 1]);
                enabled[(unit * 2) + group - 1] = mask;
                any |= mask;
            }
        }

        if (any != 0)
        {
            var position = BitOperations.TrailingZeroCount(any);
            for (var unit = 0; unit < 2; unit++)
            {
                foreach (var group in _groups)
                {
                    if ((enabled[(unit * 2) + group - 1] & (1 << position)) != 0)
                    {
                        return (unit * TriggerCount) + (int)_internalOrder[position];
                    }
                }
            }
        }

        for (var unit = 0; unit < 2; unit++)
        {
            if (HoldtimeRuns(w, unit))
            {
                return _groupStepCount + unit;
            }
        }

        for (var unit = 0; unit < 2; unit++)
        {
            if (_unit.Fire(PackedHead.Status(w.Head, unit), UnitTrigger.ReloadCompletes, PackedHeadWrite.StartupFailover(w.Head, unit)) is not null)
            {
                return _groupStepCount + 2 + unit;
            }
        }

        return -1;
    }

    /// <summary>The internal-order triggers the group machine fires from <paramref name="state"/> under <paramref name="conditions"/>, one bit per position in the order.</summary>
    private int OwnEnabled(int state, int conditions)
    {
        ref var known = ref _ownEnabled[(state * GroupConditionsExtensions.Combinations) + conditions];
        if (known < 0)
        {
            var mask = 0;
            for (var p = 0; p < _internalOrder.Length; p++)
            {
                if (_group.Fire((GroupState)state, _internalOrder[p], (GroupConditions)conditions) is not null)
                {
                    mask |= 1 << p;
                }
            }

            known = mask;
        }

        return known;
    }

    /// <summary>The internal-order triggers the mate's group allows from its <paramref name="state"/>: those without a companion, and those whose companion fires there.</summary>
    private int MateAllows(int state, int conditions)
    {
        ref var known = ref _mateAllows[(state * GroupConditionsExtensions.Combinations) + conditions];
        if (known < 0)
        {
            var mask = 0;
            for (var p = 0; p < _internalOrder.Length; p++)
            {
                if (_companion[(int)_internalOrder[p]] is not { } companion || _group.Fire((GroupState)state, companion, (GroupConditions)conditions) is not null)
                {
                    mask |= 1 << p;
                }
            }

            known = mask;
        }

        return known;
    }

    /// <summary><see cref="FailoverPair.Reach"/>: how the unit can hear its mate right now.</summary>
    public MateContact Reach(in PackedWork w, int unit)
    {
        if (PackedHead.Status(w.Head, 1 - unit) != UnitStatus.FailoverOn)
        {
            return MateContact.Failed;
        }

        if (PackedHead.FailoverLink(w.Head) == LinkStatus.Up)
        {
            return MateContact.Hellos;
        }

        return (w.Failed0 | w.Failed1) != _all ? MateContact.DataInterfaces : MateContact.Failed;
    }

    /// <summary><see cref="FailoverPair.HoldtimeRuns"/>.</summary>
    public bool HoldtimeRuns(in PackedWork w, int unit)
    {
        var contact = PackedHead.Contact(w.Head, unit);
        return _monitoring.TimesOut
            && PackedHead.Status(w.Head, unit) == UnitStatus.FailoverOn
            && contact is MateContact.Hellos or MateContact.DataInterfaces
            && Reach(w, unit) > contact;
    }

    /// <summary>
    /// <see cref="Invariants.RunHistory.Next"/> on heads: a group not Standby Ready on a unit is owed nothing there; one
    /// that has just become Standby Ready on its preferred unit, not from an active state, with preempt, is owed it.
    /// </summary>
    public ulong NextHistory(ulong before, ulong after)
    {
        var owed = PackedHeadWrite.History(before);
        for (var unit = 0; unit < 2; unit++)
        {
            foreach (var g in _groups)
            {
                var bit = (byte)(1 << ((unit * PairConfig.MaxGroups) + g - 1));
                var was = PackedHead.Group(before, unit, g);
                var now = PackedHead.Group(after, unit, g);
                if (now != GroupState.StandbyReady)
                {
                    owed &= (byte)~bit;
                }
                else if (was != GroupState.StandbyReady && !was.IsActive() && Preempt(unit, g) && _preferred[g] == unit)
                {
                    owed |= bit;
                }
            }
        }

        return PackedHeadWrite.History(after, owed);
    }
}
