using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>One failover group's state on one unit.</summary>
/// <param name="State">The group's state as <c>show failover</c> prints it for "This host".</param>
/// <param name="Reason">The group's "Last Failure Reason" (why it last failed, or none).</param>
/// <param name="PreemptArmed">The group became available on this unit (booted or recovered) and may preempt.</param>
public readonly record struct GroupSlot(GroupState State, FailureReason Reason, bool PreemptArmed)
{
    /// <summary>A group on a unit that is off or has failover disabled: Disabled, no failure reason.</summary>
    public static readonly GroupSlot Disabled = new(GroupState.Disabled, FailureReason.None, false);
}

/// <summary>
/// One unit. Environment: <see cref="FailedInterfaces"/> (which context interfaces are broken on this unit, by the
/// bit index of <see cref="PairConfig.Interfaces"/>). Protocol: the unit's status, its failover groups, and its running
/// configuration of the groups (<see cref="Settings1"/>, <see cref="Settings2"/>), which a command entered on the
/// wrong unit can make differ from the mate's. <see cref="StartupFailover"/> is whether the startup configuration
/// enables failover: a replacement unit carries only the bootstrap.
/// </summary>
/// <param name="Status">Powered off, reloading, hardware failed, or running with failover on or off.</param>
/// <param name="StartupFailover">Whether the startup configuration enables failover (false for a replacement unit).</param>
/// <param name="Group1">Failover group 1 on this unit.</param>
/// <param name="Group2">Failover group 2 on this unit (Disabled when the configuration has one group).</param>
/// <param name="Settings1">Failover group 1's settings in this unit's running configuration (preferred unit, preempt, interface policy).</param>
/// <param name="Settings2">Failover group 2's settings in this unit's running configuration.</param>
/// <param name="FailedInterfaces">The failed context interfaces of this unit, one bit per index of <see cref="PairConfig.Interfaces"/>.</param>
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
    /// <summary>The failover group's state and reason on this unit.</summary>
    /// <param name="id">The failover group.</param>
    public GroupSlot Group(FailoverGroupId id) => id == FailoverGroupId.One ? Group1 : Group2;

    internal UnitState WithGroup(FailoverGroupId id, GroupSlot slot) => id == FailoverGroupId.One ? this with { Group1 = slot } : this with { Group2 = slot };

    /// <summary>The failover group's settings in this unit's running configuration.</summary>
    /// <param name="id">The failover group.</param>
    public FailoverGroupConfig Settings(FailoverGroupId id) => id == FailoverGroupId.One ? Settings1 : Settings2;

    internal UnitState WithSettings(FailoverGroupId id, FailoverGroupConfig settings) =>
        id == FailoverGroupId.One ? this with { Settings1 = settings } : this with { Settings2 = settings };

    /// <summary>Whether the context interface at <paramref name="index"/> of <see cref="PairConfig.Interfaces"/> has failed on this unit.</summary>
    /// <param name="index">The interface's index in the configuration.</param>
    public bool IsInterfaceFailed(int index) => (FailedInterfaces & (1UL << index)) != 0;

    /// <summary><c>write memory</c> in the system space: the failover group settings join the startup configuration.</summary>
    internal UnitState WithSettingsSaved() => this with { StartupSettings1 = Settings1, StartupSettings2 = Settings2 };

    /// <summary>A boot runs the failover group settings of the startup configuration.</summary>
    internal UnitState WithStartupSettings() => this with { Settings1 = StartupSettings1, Settings2 = StartupSettings2 };
}

/// <summary>
/// An immutable snapshot of the whole pair: both units and both links. Every step of the model maps one snapshot to
/// another, so the explorer, the properties and the oracle can step any snapshot as often as they like.
/// </summary>
/// <param name="Primary">The primary unit (<c>failover lan unit primary</c>).</param>
/// <param name="Secondary">The secondary unit.</param>
/// <param name="FailoverLink">The failover link: up or down.</param>
/// <param name="StateLink">The Stateful Failover link: up or down (the failover link itself when they share an interface).</param>
/// <param name="Connections">Each failover group's connections: open on its active unit, and replicated to the standby.</param>
public sealed record PairState(UnitState Primary, UnitState Secondary, LinkStatus FailoverLink, LinkStatus StateLink, ConnectionTable Connections = default)
{
    /// <summary>One unit of the pair.</summary>
    /// <param name="role">Primary or secondary.</param>
    public UnitState Unit(UnitRole role) => role == UnitRole.Primary ? Primary : Secondary;

    internal PairState With(UnitRole role, UnitState unit) =>
        role == UnitRole.Primary ? this with { Primary = unit } : this with { Secondary = unit };

    /// <summary>The failover group's state on one unit ("Active", "Standby Ready", "Failed"...).</summary>
    /// <param name="role">The unit.</param>
    /// <param name="group">The failover group.</param>
    public GroupState GroupState(UnitRole role, FailoverGroupId group) => Unit(role).Group(group).State;

    /// <summary>Where the group passes traffic: one unit, both (split brain) or none.</summary>
    /// <param name="group">The failover group.</param>
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

/// <summary>Where a failover group is active: the value of <c>activeOn</c> in the JSON forms and of <c>expect group n active-on</c>.</summary>
public enum ActiveOn : byte
{
    /// <summary>On no unit: the group's contexts pass no traffic (an outage).</summary>
    None,

    /// <summary>On the primary unit only.</summary>
    Primary,

    /// <summary>On the secondary unit only.</summary>
    Secondary,

    /// <summary>On both units at once: a split brain, which the seed's design avoids while the failover link is up.</summary>
    Both,
}

/// <summary>The scenario and JSON tokens of <see cref="ActiveOn"/>.</summary>
public static class ActiveOnValues
{
    /// <summary>The token: <c>none</c>, <c>primary</c>, <c>secondary</c> or <c>both</c>.</summary>
    /// <param name="value">The value.</param>
    public static string Token(this ActiveOn value) => value switch
    {
        ActiveOn.None => "none",
        ActiveOn.Primary => "primary",
        ActiveOn.Secondary => "secondary",
        ActiveOn.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Reads a token written by <see cref="Token"/>.</summary>
    /// <param name="text">The token.</param>
    /// <param name="value">The value read; default when the token is unknown.</param>
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

    /// <summary>The value that names one unit.</summary>
    /// <param name="unit">The unit.</param>
    public static ActiveOn Of(UnitRole unit) => unit == UnitRole.Primary ? ActiveOn.Primary : ActiveOn.Secondary;
}
