using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;

namespace FailoverModel.Exploration;

/// <summary>
/// A canonical snapshot in 40 bytes: both units' status, groups and view of the mate (contact and the groups as last
/// heard), the links and the observer's history bits in the head; each unit's failed interfaces; and the failed
/// interfaces each unit last heard its mate report.
/// </summary>
internal readonly record struct StateKey(ulong Head, ulong PrimaryFailed, ulong SecondaryFailed, ulong PrimaryHeard = 0, ulong SecondaryHeard = 0)
{
    public override int GetHashCode()
    {
        // A multiplicative mix: the head varies in few bits, the interface words are sparse.
        var h = (Head * 0x9E3779B97F4A7C15UL) ^ (PrimaryFailed * 0xC2B2AE3D27D4EB4FUL) ^ (SecondaryFailed * 0x165667B19E3779F9UL)
            ^ (PrimaryHeard * 0x27D4EB2F165667C5UL) ^ (SecondaryHeard * 0x94D049BB133111EBUL);
        return (int)(h ^ (h >> 29));
    }
}

/// <summary>
/// Encodes the explorer's canonical snapshots into <see cref="StateKey"/>s and back. The explorer's events never change
/// the failover group settings, the configuration revisions or the connections (its alphabet has no configuration
/// command and no traffic), so those parts are the initial state's and are not stored; a snapshot where they differ
/// cannot be encoded, and saying so is better than a wrong graph.
/// </summary>
internal sealed class StateCodec(PairState initial)
{
    private const int UnitBits = Compiled.PackedHead.UnitBits;

    private const int HistoryShift = Compiled.PackedHead.HistoryShift;

    /// <summary>The key of a snapshot and what the invariants' observer has seen on the way to it.</summary>
    public StateKey Encode(PairState state, RunHistory history)
    {
        var key = Encode(state);
        return key with { Head = key.Head | ((ulong)history.PreemptOwed << HistoryShift) };
    }

    /// <summary>The observer's history stored with a key.</summary>
    public static RunHistory History(StateKey key) => new((byte)((key.Head >> HistoryShift) & ((1UL << RunHistory.Bits) - 1)));

    public StateKey Encode(PairState state)
    {
        if (!SameConstants(state.Primary, initial.Primary) || !SameConstants(state.Secondary, initial.Secondary) || state.Connections != initial.Connections)
        {
            throw new InvalidOperationException("the explorer's compact states hold no configuration change, group setting change or connection; explore with the default alphabet");
        }

        var head = Unit(state.Primary) | (Unit(state.Secondary) << UnitBits) | ((ulong)state.FailoverLink << (2 * UnitBits)) | ((ulong)state.StateLink << ((2 * UnitBits) + 2));
        return new StateKey(head, state.Primary.FailedInterfaces, state.Secondary.FailedInterfaces, state.Primary.View.FailedInterfaces, state.Secondary.View.FailedInterfaces);
    }

    public PairState Decode(StateKey key) => initial with
    {
        Primary = Unit(initial.Primary, key.Head, key.PrimaryFailed, key.PrimaryHeard),
        Secondary = Unit(initial.Secondary, key.Head >> UnitBits, key.SecondaryFailed, key.SecondaryHeard),
        FailoverLink = (LinkStatus)((key.Head >> (2 * UnitBits)) & 3),
        StateLink = (LinkStatus)((key.Head >> ((2 * UnitBits) + 2)) & 3),
    };

    private static bool SameConstants(UnitState unit, UnitState template) =>
        unit.Settings1 == template.Settings1 && unit.Settings2 == template.Settings2
        && unit.StartupSettings1 == template.StartupSettings1 && unit.StartupSettings2 == template.StartupSettings2
        && unit.Configuration.Equals(template.Configuration);

    private static ulong Unit(UnitState u) =>
        (ulong)u.Status
        | ((u.StartupFailover ? 1UL : 0) << 3)
        | ((ulong)u.Group1.State << 4)
        | ((u.Group1.PreemptArmed ? 1UL : 0) << 8)
        | ((ulong)u.Group2.State << 9)
        | ((u.Group2.PreemptArmed ? 1UL : 0) << 13)
        | ((ulong)u.View.Contact << 14)
        | ((ulong)u.View.Group1 << 16)
        | ((ulong)u.View.Group2 << 20);

    private static UnitState Unit(UnitState template, ulong bits, ulong failed, ulong heard) => template with
    {
        Status = (UnitStatus)(bits & 7),
        StartupFailover = ((bits >> 3) & 1) != 0,
        Group1 = new GroupSlot((GroupState)((bits >> 4) & 15), FailureReason.None, ((bits >> 8) & 1) != 0),
        Group2 = new GroupSlot((GroupState)((bits >> 9) & 15), FailureReason.None, ((bits >> 13) & 1) != 0),
        FailedInterfaces = failed,
        View = new MateView((MateContact)((bits >> 14) & 3), (GroupState)((bits >> 16) & 15), (GroupState)((bits >> 20) & 15), FailureReason.None, FailureReason.None, heard),
    };
}
