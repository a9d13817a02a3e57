using System.Collections.Immutable;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>An ASA command the model understands, typed in the system execution space or in a context.</summary>
public abstract record AsaCommand
{
    /// <summary>Commands that change nothing but configuration files; they may be typed inside a context.</summary>
    public virtual bool AllowedInContext => false;

    /// <summary>The command as typed at the ASA prompt.</summary>
    public abstract override string ToString();
}

/// <summary>
/// Any other configuration command (<c>access-list ...</c>, <c>nat ...</c>, <c>route ...</c>): the model does not read
/// what it configures, only that it changes the configuration of the space it is typed in (seed, "Command
/// Replication"). <see cref="Change"/> is the change's number in that space (bit of <see cref="UnitConfiguration"/>);
/// <see cref="Replicated"/> is false for <c>mode</c>, <c>firewall</c> and <c>failover lan unit</c>, which ASA never
/// replicates.
/// </summary>
public sealed record ConfigurationCommand(string Text, int Change, bool Replicated = true) : AsaCommand
{
    /// <inheritdoc/>
    public override bool AllowedInContext => true;

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary><c>show ...</c> and <c>debug ...</c>: change nothing and are not replicated (seed, "Command Replication").</summary>
public sealed record ExecCommand(string Text) : AsaCommand
{
    /// <inheritdoc/>
    public override bool AllowedInContext => true;

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary><c>failover</c>: enable failover on this unit.</summary>
public sealed record EnableFailover : AsaCommand
{
    /// <inheritdoc/>
    public override string ToString() => "failover";
}

/// <summary><c>no failover</c>: groups stay active where they are (seed, "Disabled Failover").</summary>
public sealed record DisableFailover : AsaCommand
{
    /// <inheritdoc/>
    public override string ToString() => "no failover";
}

/// <summary><c>failover active [group n]</c>: make this unit's standby group(s) active (seed, "Forced Failover").</summary>
public sealed record FailoverActive(FailoverGroupId? Group) : AsaCommand
{
    /// <inheritdoc/>
    public override string ToString() => Group is { } g ? $"failover active group {g}" : "failover active";
}

/// <summary><c>no failover active [group n]</c>: give this unit's active group(s) to the mate.</summary>
public sealed record NoFailoverActive(FailoverGroupId? Group) : AsaCommand
{
    /// <inheritdoc/>
    public override string ToString() => Group is { } g ? $"no failover active group {g}" : "no failover active";
}

/// <summary><c>failover reset [group n]</c>: restore failed groups to an unfailed state (seed, "Restoration of a Failed Unit").</summary>
public sealed record FailoverReset(FailoverGroupId? Group) : AsaCommand
{
    /// <inheritdoc/>
    public override string ToString() => Group is { } g ? $"failover reset group {g}" : "failover reset";
}

/// <summary><c>write standby</c>: write the configuration to the peer unit.</summary>
public sealed record WriteStandby : AsaCommand
{
    /// <inheritdoc/>
    public override bool AllowedInContext => true;

    /// <inheritdoc/>
    public override string ToString() => "write standby";
}

/// <summary><c>write memory [all]</c> or <c>copy running-config startup-config</c>: save, replicated to the peer.</summary>
public sealed record WriteMemory(bool All, bool AsCopy) : AsaCommand
{
    /// <inheritdoc/>
    public override bool AllowedInContext => !All;

    /// <inheritdoc/>
    public override string ToString() => AsCopy ? "copy running-config startup-config" : All ? "write memory all" : "write memory";
}

/// <summary>A line of the failover group configuration mode (<c>failover group n</c>, then its sub-mode lines).</summary>
public abstract record GroupModeLine
{
    /// <summary>The group's settings once this line is entered.</summary>
    /// <param name="settings">The group's settings before the line.</param>
    public abstract FailoverGroupConfig ApplyTo(FailoverGroupConfig settings);

    /// <summary>The line as typed in the failover group configuration mode.</summary>
    public abstract override string ToString();
}

/// <summary><c>primary</c> or <c>secondary</c>: the unit the group prefers to be active on (seed, "Failover Groups").</summary>
public sealed record PreferUnit(UnitRole Unit) : GroupModeLine
{
    /// <inheritdoc/>
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preferred = Unit };

    /// <inheritdoc/>
    public override string ToString() => Unit.Token();
}

/// <summary><c>[no] replication http</c>: whether Stateful Failover passes the group's HTTP connections (seed, "Stateful Failover").</summary>
public sealed record SetReplicationHttp(bool On) : GroupModeLine
{
    /// <inheritdoc/>
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { ReplicationHttp = On };

    /// <inheritdoc/>
    public override string ToString() => On ? "replication http" : "no replication http";
}

/// <summary>
/// <c>preempt [delay]</c>: when the preferred unit boots while its mate has the group active, it takes the group
/// back after the delay in seconds (seed, "Failover Groups": without it, the group stays where it is).
/// </summary>
public sealed record SetPreempt(int DelaySeconds) : GroupModeLine
{
    /// <inheritdoc/>
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preempt = true, PreemptDelaySeconds = DelaySeconds };

    /// <inheritdoc/>
    public override string ToString() => DelaySeconds > 0 ? $"preempt {DelaySeconds}" : "preempt";
}

/// <summary><c>no preempt</c>: the group stays active where it is when its preferred unit comes back.</summary>
public sealed record NoPreempt : GroupModeLine
{
    /// <inheritdoc/>
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preempt = false, PreemptDelaySeconds = 0 };

    /// <inheritdoc/>
    public override string ToString() => "no preempt";
}

/// <summary><c>interface-policy n</c> or <c>interface-policy n%</c>: how many monitored interfaces must fail before the group fails over (seed, "Failover Triggers").</summary>
public sealed record SetInterfacePolicy(InterfacePolicy Policy) : GroupModeLine
{
    /// <inheritdoc/>
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Policy = Policy };

    /// <inheritdoc/>
    public override string ToString() => $"interface-policy {Policy}";
}

/// <summary>
/// <c>failover group n</c> with its sub-mode lines: a configuration change of the system execution space, replicated
/// from the unit where failover group 1 is active (seed, "Command Replication"). <see cref="Change"/> is its number in
/// the system space, as for <see cref="ConfigurationCommand"/>.
/// </summary>
public sealed record FailoverGroupMode(FailoverGroupId Group, ImmutableArray<GroupModeLine> Lines, int Change = -1) : AsaCommand
{
    /// <summary>The group's settings once every sub-mode line is entered, in order.</summary>
    /// <param name="settings">The group's settings before the command.</param>
    public FailoverGroupConfig ApplyTo(FailoverGroupConfig settings)
    {
        foreach (var line in Lines)
        {
            settings = line.ApplyTo(settings);
        }

        return settings;
    }

    /// <summary>The same group, change number and lines (the lines compared one by one, not the array's reference).</summary>
    /// <param name="other">The other command.</param>
    public bool Equals(FailoverGroupMode? other) =>
        other is not null && Group == other.Group && Change == other.Change && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Group, Lines.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Concat($"failover group {Group}", string.Concat(Lines.Select(l => "\n  " + l)));
}
