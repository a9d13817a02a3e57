using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>One failover group's state on one unit.</summary>
/// <param name="PreemptArmed">The group became available on this unit (booted or recovered) and may preempt.</param>
public readonly record struct GroupSlot(GroupState State, FailureReason Reason, bool PreemptArmed)
{
    public static readonly GroupSlot Disabled = new(GroupState.Disabled, FailureReason.None, false);
}

/// <summary>
/// One unit. Environment: <see cref="FailedInterfaces"/> (which context interfaces are broken on this unit, by the
/// bit index of <see cref="PairConfig.Interfaces"/>). Protocol: the unit's status, its failover groups, and its running
/// configuration of the groups (<see cref="Settings1"/>, <see cref="Settings2"/>), which a command entered on the
/// wrong unit can make differ from the mate's. <see cref="StartupFailover"/> is whether the startup configuration
/// enables failover: a replacement unit carries only the bootstrap.
/// </summary>
/// <param name="Configuration">The running and startup configuration of each space, as revisions.</param>
/// <param name="StartupSettings1">Failover group 1's settings as the startup configuration holds them (a reload runs these).</param>
/// <param name="StartupSettings2">Failover group 2's settings as the startup configuration holds them.</param>
/// <param name="View">What this unit knows of its mate: how it hears it and what the last hello said.</param>
public readonly record struct UnitState(
    UnitStatus Status,
    bool StartupFailover,
    GroupSlot Group1,
    GroupSlot Group2,
    FailoverGroupConfig Settings1,
    FailoverGroupConfig Settings2,
    ulong FailedInterfaces,
    UnitConfiguration Configuration,
    FailoverGroupConfig StartupSettings1,
    FailoverGroupConfig StartupSettings2,
    MateView View)
{
    public GroupSlot Group(FailoverGroupId id) => id == FailoverGroupId.One ? Group1 : Group2;

    public UnitState WithGroup(FailoverGroupId id, GroupSlot slot) => id == FailoverGroupId.One ? this with { Group1 = slot } : this with { Group2 = slot };

    public FailoverGroupConfig Settings(FailoverGroupId id) => id == FailoverGroupId.One ? Settings1 : Settings2;

    public UnitState WithSettings(FailoverGroupId id, FailoverGroupConfig settings) =>
        id == FailoverGroupId.One ? this with { Settings1 = settings } : this with { Settings2 = settings };

    public bool IsInterfaceFailed(int index) => (FailedInterfaces & (1UL << index)) != 0;

    /// <summary><c>write memory</c> in the system space: the failover group settings join the startup configuration.</summary>
    public UnitState WithSettingsSaved() => this with { StartupSettings1 = Settings1, StartupSettings2 = Settings2 };

    /// <summary>A boot runs the failover group settings of the startup configuration.</summary>
    public UnitState WithStartupSettings() => this with { Settings1 = StartupSettings1, Settings2 = StartupSettings2 };
}

/// <summary>
/// An immutable snapshot of the whole pair: both units and both links. Every step of the model maps one snapshot to
/// another, so the explorer, the properties and the oracle can step any snapshot as often as they like.
/// </summary>
/// <param name="Connections">Each failover group's connections: open on its active unit, and replicated to the standby.</param>
public sealed record PairState(UnitState Primary, UnitState Secondary, LinkStatus FailoverLink, LinkStatus StateLink, ConnectionTable Connections = default)
{
    public UnitState Unit(UnitRole role) => role == UnitRole.Primary ? Primary : Secondary;

    public PairState With(UnitRole role, UnitState unit) =>
        role == UnitRole.Primary ? this with { Primary = unit } : this with { Secondary = unit };

    public GroupState GroupState(UnitRole role, FailoverGroupId group) => Unit(role).Group(group).State;

    /// <summary>Where the group passes traffic: one unit, both (split brain) or none.</summary>
    public ActiveOn ActiveOn(FailoverGroupId group)
    {
        var onPrimary = Primary.Group(group).State.IsActive();
        var onSecondary = Secondary.Group(group).State.IsActive();
        return (onPrimary, onSecondary) switch
        {
            (true, true) => Pair.ActiveOn.Both,
            (true, false) => Pair.ActiveOn.Primary,
            (false, true) => Pair.ActiveOn.Secondary,
            _ => Pair.ActiveOn.None,
        };
    }
}

/// <summary>The value of <c>activeOn</c>.</summary>
public enum ActiveOn : byte
{
    None,
    Primary,
    Secondary,
    Both,
}

public static class ActiveOnValues
{
    public static string Token(this ActiveOn value) => value switch
    {
        ActiveOn.None => "none",
        ActiveOn.Primary => "primary",
        ActiveOn.Secondary => "secondary",
        ActiveOn.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static bool TryParse(string text, out ActiveOn value)
    {
        foreach (var candidate in Enum.GetValues<ActiveOn>())
        {
            if (candidate.Token() == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static ActiveOn Of(UnitRole unit) => unit == UnitRole.Primary ? ActiveOn.Primary : ActiveOn.Secondary;
}
