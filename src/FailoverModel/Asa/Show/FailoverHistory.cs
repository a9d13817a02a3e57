using System.Collections.Immutable;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>One line of <c>show failover history</c>: when a unit's failover group changed state, and why.</summary>
public readonly record struct HistoryEntry(long TimeMs, UnitRole Unit, FailoverGroupId Group, GroupState From, GroupState To, string Reason);

/// <summary>
/// The state changes each unit remembers, in order, with the simulated time they happened. ASA repeats the reason of
/// the step that started an activation on each step of its chain (Just Active → … → Active, see docs/sources.md,
/// "States"), so the chain's later steps carry the reason their first step gave.
/// </summary>
public sealed class FailoverHistory
{
    private readonly List<HistoryEntry> _entries = [];

    // Per unit, since when it has not heard its mate on the failover link (null: it hears it, or nothing was recorded).
    private readonly long?[] _silentSince = new long?[2];

    // Per unit, since when it has declared its mate failed (null: it has not).
    private readonly long?[] _mateFailedSince = new long?[2];

    // Per unit and group, when its Last Failure Reason was set (absent: None).
    private readonly Dictionary<(UnitRole Unit, FailoverGroupId Group), long> _failedAt = [];

    /// <summary>Every change of both units, in the order recorded.</summary>
    public IReadOnlyList<HistoryEntry> Entries => _entries;

    /// <summary>Remembers a step's group state changes at a time.</summary>
    /// <param name="timeMs">When the step happened on the simulated clock.</param>
    /// <param name="changes">The step's changes (<see cref="StepResult.Changes"/>).</param>
    public void Record(long timeMs, IEnumerable<GroupChange> changes)
    {
        foreach (var c in changes)
        {
            var reason = c.Reason;
            if (c.From is >= GroupState.JustActive and < GroupState.Active && Last(c.Unit, c.Group) is { } previous && previous.To == c.From)
            {
                reason = previous.Reason;
            }

            _entries.Add(new HistoryEntry(timeMs, c.Unit, c.Group, c.From, c.To, reason));
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
            since = FailoverPair.Answers(state, unit) ? null : since ?? timeMs;
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

    /// <summary>One unit's changes, in order: what its <c>show failover history</c> lists.</summary>
    /// <param name="unit">The unit.</param>
    public ImmutableArray<HistoryEntry> Of(UnitRole unit) => [.. _entries.Where(e => e.Unit == unit)];

    /// <summary>
    /// When the group last settled into a role on the unit (Active, Standby Ready or Failed). The seed's
    /// <c>show failover</c> prints a "last failover at" for both groups on both units right after bring-up, also for a
    /// group that was never active on that unit, so the time is that of its last change of role, not of a switchover.
    /// </summary>
    public long? LastFailover(UnitRole unit, FailoverGroupId group)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Unit == unit && e.Group == group && e.To is GroupState.Active or GroupState.StandbyReady or GroupState.Failed)
            {
                return e.TimeMs;
            }
        }

        return null;
    }

    /// <summary>How long the group has been active on the unit, in whole seconds, up to <paramref name="nowMs"/>.</summary>
    public long ActiveSeconds(UnitRole unit, FailoverGroupId group, long nowMs)
    {
        long total = 0;
        long? since = null;
        foreach (var e in _entries)
        {
            if (e.Unit != unit || e.Group != group || e.TimeMs > nowMs)
            {
                continue;
            }

            if (e.To.IsActive() && since is null)
            {
                since = e.TimeMs;
            }
            else if (!e.To.IsActive() && since is { } start)
            {
                total += e.TimeMs - start;
                since = null;
            }
        }

        if (since is { } open)
        {
            total += nowMs - open;
        }

        return total / 1000;
    }

    private HistoryEntry? Last(UnitRole unit, FailoverGroupId group)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Unit == unit && _entries[i].Group == group)
            {
                return _entries[i];
            }
        }

        return null;
    }
}
