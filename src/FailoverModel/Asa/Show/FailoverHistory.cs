using System.Collections.Immutable;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>One line of <c>show failover history</c>: when a unit's failover group changed state, and why.</summary>
public readonly record struct HistoryEntry(long TimeMs, UnitRole Unit, FailoverGroupId Group, GroupState From, GroupState To, string Reason);

/// <summary>
/// The state changes each unit remembers, with the simulated time they happened. ASA repeats the reason of the step
/// that started an activation on each step of its chain (Just Active → … → Active, see docs/sources.md, "States"), so
/// the chain's later steps carry the reason their first step gave. What is kept does not grow with the run: each
/// unit's last <see cref="ShowFailoverHistory.Depth"/> changes (what <c>show failover history</c> lists), and per unit
/// and group the last change, the last change of role and the time active so far (what <c>show failover</c> prints).
/// Times are recorded in order, as the simulated clock runs.
/// </summary>
public sealed class FailoverHistory
{
    // Per unit, its last changes, oldest first, each with its place among both units' changes.
    private readonly Queue<(long Order, HistoryEntry Entry)>[] _recent = [new(), new()];
    private long _recorded;

    // Per unit and group: the last change, the last change into a role, and the active time (live, and as it stood when the mate last heard it).
    private readonly Dictionary<(UnitRole Unit, FailoverGroupId Group), GroupMemory> _groups = [];

    // Per unit, since when it has not heard its mate on the failover link (null: it hears it, or nothing was recorded).
    private readonly long?[] _silentSince = new long?[2];

    // Per unit, since when it has declared its mate failed (null: it has not).
    private readonly long?[] _mateFailedSince = new long?[2];

    // Per unit and group, when its Last Failure Reason was set (absent: None).
    private readonly Dictionary<(UnitRole Unit, FailoverGroupId Group), long> _failedAt = [];

    /// <summary>The changes kept, both units' last <see cref="ShowFailoverHistory.Depth"/> each, in the order recorded.</summary>
    public IReadOnlyList<HistoryEntry> Entries => [.. _recent.SelectMany(q => q).OrderBy(r => r.Order).Select(r => r.Entry)];

    /// <summary>Remembers a step's group state changes at a time.</summary>
    /// <param name="timeMs">When the step happened on the simulated clock.</param>
    /// <param name="changes">The step's changes (<see cref="StepResult.Changes"/>).</param>
    public void Record(long timeMs, IEnumerable<GroupChange> changes)
    {
        foreach (var c in changes)
        {
            var memory = Memory(c.Unit, c.Group);
            var reason = c.Reason;
            if (c.From is >= GroupState.JustActive and < GroupState.Active && memory.Last is { } previous && previous.To == c.From)
            {
                reason = previous.Reason;
            }

            var entry = new HistoryEntry(timeMs, c.Unit, c.Group, c.From, c.To, reason);
            var recent = _recent[(int)c.Unit];
            if (recent.Count == ShowFailoverHistory.Depth)
            {
                recent.Dequeue();
            }

            recent.Enqueue((_recorded++, entry));
            memory.Add(entry);
            if (c.Marks is { } mark)
            {
                if (mark == FailureReason.None)
                {
                    _failedAt.Remove((c.Unit, c.Group));
                }
                else
                {
                    _failedAt[(c.Unit, c.Group)] = timeMs;
                }
            }
        }
    }

    /// <summary>
    /// Remembers, after a step at <paramref name="timeMs"/>, whether each unit hears its mate on the failover link: the
    /// mate's figures a unit shows (its groups' active time) are those its last hello carried (ASA's configuration
    /// guide, "Failover Health Monitoring": a unit learns its mate's state from the hellos).
    /// </summary>
    /// <param name="timeMs">When the step happened on the simulated clock.</param>
    /// <param name="state">The pair after the step.</param>
    public void RecordHearing(long timeMs, PairState state)
    {
        foreach (var unit in UnitRoles.Both)
        {
            ref var since = ref _silentSince[(int)unit];
            var wasSilent = since is not null;
            since = FailoverPair.Answers(state, unit) ? null : since ?? timeMs;
            if (since is { } from && !wasSilent)
            {
                // What the mate's groups had been active for when this unit last heard it is what it shows from now on.
                foreach (var ((u, _), memory) in _groups)
                {
                    if (u != unit)
                    {
                        memory.Freeze(from);
                    }
                }
            }

            ref var failed = ref _mateFailedSince[(int)unit];
            failed = state.Unit(unit).View.Contact == MateContact.Failed ? failed ?? timeMs : null;
        }
    }

    /// <summary>Until when <paramref name="viewer"/> heard its mate: the last step it heard it in, or <paramref name="nowMs"/> while it still does.</summary>
    /// <param name="viewer">The unit whose knowledge is asked.</param>
    /// <param name="nowMs">The simulated clock now.</param>
    public long HeardUntil(UnitRole viewer, long nowMs) => Math.Min(nowMs, _silentSince[(int)viewer] ?? nowMs);

    /// <summary>When the group's Last Failure Reason on the unit was set, if it is set: the Date/Time <c>show failover state</c> prints beside it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="group">The group.</param>
    public long? FailedAt(UnitRole unit, FailoverGroupId group) => _failedAt.TryGetValue((unit, group), out var at) ? at : null;

    /// <summary>When <paramref name="viewer"/> declared its mate failed (its "Comm Failure"), if it has.</summary>
    /// <param name="viewer">The unit.</param>
    public long? MateFailedAt(UnitRole viewer) => _mateFailedSince[(int)viewer];

    /// <summary>One unit's last <see cref="ShowFailoverHistory.Depth"/> changes, in order: what its <c>show failover history</c> lists.</summary>
    /// <param name="unit">The unit.</param>
    public ImmutableArray<HistoryEntry> Of(UnitRole unit) => [.. _recent[(int)unit].Select(r => r.Entry)];

    /// <summary>
    /// When the group last settled into a role on the unit (Active, Standby Ready or Failed). The seed's
    /// <c>show failover</c> prints a "last failover at" for both groups on both units right after bring-up, also for a
    /// group that was never active on that unit, so the time is that of its last change of role, not of a switchover.
    /// </summary>
    public long? LastFailover(UnitRole unit, FailoverGroupId group) => _groups.TryGetValue((unit, group), out var m) ? m.LastRoleMs : null;

    /// <summary>
    /// How long the group has been active on the unit, in whole seconds, up to <paramref name="nowMs"/>: the clock now
    /// (after the last change recorded), or when the mate last heard the unit (<see cref="HeardUntil"/> of the mate),
    /// the two times <c>show failover</c> asks for.
    /// </summary>
    public long ActiveSeconds(UnitRole unit, FailoverGroupId group, long nowMs) =>
        _groups.TryGetValue((unit, group), out var m) ? m.ActiveMs(nowMs) / 1000 : 0;

    private GroupMemory Memory(UnitRole unit, FailoverGroupId group)
    {
        if (!_groups.TryGetValue((unit, group), out var memory))
        {
            _groups[(unit, group)] = memory = new GroupMemory();
            if (_silentSince[1 - (int)unit] is { } from)
            {
                memory.Freeze(from);
            }
        }

        return memory;
    }

    /// <summary>A group on one unit: its last change, its last change of role, and its active time, folded as changes come.</summary>
    private sealed class GroupMemory
    {
        private Active _live;
        private Active? _frozen;
        private long _frozenAt;

        public HistoryEntry? Last { get; private set; }

        public long? LastRoleMs { get; private set; }

        public void Add(HistoryEntry e)
        {
            Last = e;
            if (e.To is GroupState.Active or GroupState.StandbyReady or GroupState.Failed)
            {
                LastRoleMs = e.TimeMs;
            }

            _live = _live.With(e);
            if (_frozen is { } frozen && e.TimeMs <= _frozenAt)
            {
                // A later step at the same millisecond as the last one heard still counts.
                _frozen = frozen.With(e);
            }
        }

        /// <summary>Keeps the active time as it stands at <paramref name="atMs"/>, for the mate that stops hearing the unit then.</summary>
        public void Freeze(long atMs)
        {
            _frozen = _live;
            _frozenAt = atMs;
        }

        public long ActiveMs(long nowMs) =>
            _frozen is { } frozen && nowMs == _frozenAt && Last is { } last && last.TimeMs > nowMs ? frozen.Until(nowMs) : _live.Until(nowMs);
    }

    /// <summary>Time active in closed spells, and since when the open spell runs (null: not active).</summary>
    private readonly record struct Active(long TotalMs, long? SinceMs)
    {
        public Active With(HistoryEntry e) => (e.To.IsActive(), SinceMs) switch
        {
            (true, null) => this with { SinceMs = e.TimeMs },
            (false, { } start) => new Active(TotalMs + e.TimeMs - start, null),
            _ => this,
        };

        public long Until(long nowMs) => TotalMs + (SinceMs is { } start ? nowMs - start : 0);
    }
}
