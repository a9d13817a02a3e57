using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration;

/// <summary>
/// A canonical snapshot in 44 bytes (packed on 4 bytes: the store keeps millions of them, and an unaligned read costs
/// less than the padding would): both units' status, groups and view of the mate (contact and the groups as last
/// heard), the links and the observer's history bits in the head; each unit's failed interfaces; the failed
/// interfaces each unit last heard its mate report; and the number <see cref="StateCodec"/> gave the snapshot's
/// configuration part (group settings, configuration revisions, connections), 0 for the initial one.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
internal readonly record struct StateKey(ulong Head, ulong PrimaryFailed, ulong SecondaryFailed, ulong PrimaryHeard = 0, ulong SecondaryHeard = 0, uint Configuration = 0)
{
    public override int GetHashCode()
    {
        // A multiplicative mix: the head varies in few bits, the interface words are sparse.
        var h = (Head * 0x9E3779B97F4A7C15UL) ^ (PrimaryFailed * 0xC2B2AE3D27D4EB4FUL) ^ (SecondaryFailed * 0x165667B19E3779F9UL)
            ^ (PrimaryHeard * 0x27D4EB2F165667C5UL) ^ (SecondaryHeard * 0x94D049BB133111EBUL) ^ (Configuration * 0xD6E8FEB86659FD93UL);
        return (int)(h ^ (h >> 29));
    }
}

/// <summary>
/// Encodes the explorer's canonical snapshots into <see cref="StateKey"/>s and back. The configuration part of a
/// snapshot — each unit's failover group settings (running and startup), its configuration revisions and the
/// connections — changes only on configuration commands and traffic, and takes few values in one exploration: it is
/// kept once in a table and the key holds its number (<see cref="StateKey.Configuration"/>), 0 for the initial
/// state's. The usual alphabet never changes it, so its explorations hold one entry; the compiled explorer, whose
/// packed states have no configuration part, only ever sees 0. Numbers are given in the order parts are met, which
/// differs between runs on several threads; nothing printed depends on them, only which keys are equal.
/// </summary>
internal sealed class StateCodec(PairState initial)
{
    private readonly ConfigurationPart _initial = ConfigurationPart.Of(initial);
    private readonly Dictionary<ConfigurationPart, uint> _numbers = [];
    private readonly List<ConfigurationPart> _parts = [];
    private readonly Lock _lock = new();

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
        var head = Unit(state.Primary) | (Unit(state.Secondary) << UnitBits) | ((ulong)state.FailoverLink << (2 * UnitBits)) | ((ulong)state.StateLink << ((2 * UnitBits) + 2));
        return new StateKey(head, state.Primary.FailedInterfaces, state.Secondary.FailedInterfaces, state.Primary.View.FailedInterfaces, state.Secondary.View.FailedInterfaces, Number(state));
    }

    public PairState Decode(StateKey key)
    {
        var part = Part(key.Configuration);
        return part.Apply(initial) with
        {
            Primary = Unit(part.Primary.Apply(initial.Primary), key.Head, key.PrimaryFailed, key.PrimaryHeard),
            Secondary = Unit(part.Secondary.Apply(initial.Secondary), key.Head >> UnitBits, key.SecondaryFailed, key.SecondaryHeard),
            FailoverLink = (LinkStatus)((key.Head >> (2 * UnitBits)) & 3),
            StateLink = (LinkStatus)((key.Head >> ((2 * UnitBits) + 2)) & 3),
        };
    }

    private uint Number(PairState state)
    {
        if (_initial.Holds(state))
        {
            return 0;
        }

        var part = ConfigurationPart.Of(state);
        lock (_lock)
        {
            if (!_numbers.TryGetValue(part, out var number))
            {
                number = (uint)_parts.Count + 1;
                _numbers.Add(part, number);
                _parts.Add(part);
            }

            return number;
        }
    }

    private ConfigurationPart Part(uint number)
    {
        if (number == 0)
        {
            return _initial;
        }

        lock (_lock)
        {
            return _parts[(int)number - 1];
        }
    }

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

/// <summary>The configuration part of one unit: its failover group settings, running and startup, and its configuration revisions.</summary>
internal readonly record struct UnitConfigurationPart(FailoverGroupConfig Settings1, FailoverGroupConfig Settings2, FailoverGroupConfig StartupSettings1, FailoverGroupConfig StartupSettings2, UnitConfiguration Configuration)
{
    public static UnitConfigurationPart Of(UnitState unit) => new(unit.Settings1, unit.Settings2, unit.StartupSettings1, unit.StartupSettings2, unit.Configuration);

    public bool SameAs(UnitState unit) =>
        unit.Settings1 == Settings1 && unit.Settings2 == Settings2 && unit.StartupSettings1 == StartupSettings1 && unit.StartupSettings2 == StartupSettings2
        && unit.Configuration.Equals(Configuration);

    public UnitState Apply(UnitState unit) => unit with
    {
        Settings1 = Settings1,
        Settings2 = Settings2,
        StartupSettings1 = StartupSettings1,
        StartupSettings2 = StartupSettings2,
        Configuration = Configuration,
    };
}

/// <summary>The part of a snapshot the explorer numbers instead of packing: both units' configuration parts and the connections.</summary>
internal readonly record struct ConfigurationPart(UnitConfigurationPart Primary, UnitConfigurationPart Secondary, ConnectionTable Connections)
{
    public static ConfigurationPart Of(PairState state) => new(UnitConfigurationPart.Of(state.Primary), UnitConfigurationPart.Of(state.Secondary), state.Connections);

    /// <summary>Whether <paramref name="state"/>'s configuration part is this one (no copy made).</summary>
    public bool Holds(PairState state) => Primary.SameAs(state.Primary) && Secondary.SameAs(state.Secondary) && state.Connections == Connections;

    public PairState Apply(PairState state) => state with { Connections = Connections };
}
