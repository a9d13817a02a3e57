using System.Collections.Immutable;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>An ASA command the model understands, typed in the system execution space or in a context.</summary>
public abstract record AsaCommand
{
    /// <summary>Commands that change nothing but configuration files; they may be typed inside a context.</summary>
    public virtual bool AllowedInContext => false;

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
    public override bool AllowedInContext => true;

    public override string ToString() => Text;
}

/// <summary><c>show ...</c> and <c>debug ...</c>: change nothing and are not replicated (seed, "Command Replication").</summary>
public sealed record ExecCommand(string Text) : AsaCommand
{
    public override bool AllowedInContext => true;

    public override string ToString() => Text;
}

/// <summary><c>failover</c>: enable failover on this unit.</summary>
public sealed record EnableFailover : AsaCommand
{
    public override string ToString() => "failover";
}

/// <summary><c>no failover</c>: groups stay active where they are (seed, "Disabled Failover").</summary>
public sealed record DisableFailover : AsaCommand
{
    public override string ToString() => "no failover";
}

/// <summary><c>failover active [group n]</c>: make this unit's standby group(s) active (seed, "Forced Failover").</summary>
public sealed record FailoverActive(FailoverGroupId? Group) : AsaCommand
{
    public override string ToString() => Group is { } g ? $"failover active group {g}" : "failover active";
}

/// <summary><c>no failover active [group n]</c>: give this unit's active group(s) to the mate.</summary>
public sealed record NoFailoverActive(FailoverGroupId? Group) : AsaCommand
{
    public override string ToString() => Group is { } g ? $"no failover active group {g}" : "no failover active";
}

/// <summary><c>failover reset [group n]</c>: restore failed groups to an unfailed state (seed, "Restoration of a Failed Unit").</summary>
public sealed record FailoverReset(FailoverGroupId? Group) : AsaCommand
{
    public override string ToString() => Group is { } g ? $"failover reset group {g}" : "failover reset";
}

/// <summary><c>write standby</c>: write the configuration to the peer unit.</summary>
public sealed record WriteStandby : AsaCommand
{
    public override bool AllowedInContext => true;

    public override string ToString() => "write standby";
}

/// <summary><c>write memory [all]</c> or <c>copy running-config startup-config</c>: save, replicated to the peer.</summary>
public sealed record WriteMemory(bool All, bool AsCopy) : AsaCommand
{
    public override bool AllowedInContext => !All;

    public override string ToString() => AsCopy ? "copy running-config startup-config" : All ? "write memory all" : "write memory";
}

/// <summary>A line of the failover group configuration mode.</summary>
public abstract record GroupModeLine
{
    public abstract FailoverGroupConfig ApplyTo(FailoverGroupConfig settings);

    public abstract override string ToString();
}

public sealed record PreferUnit(UnitRole Unit) : GroupModeLine
{
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preferred = Unit };

    public override string ToString() => Unit.Token();
}

/// <summary><c>[no] replication http</c>: whether Stateful Failover passes the group's HTTP connections (seed, "Stateful Failover").</summary>
public sealed record SetReplicationHttp(bool On) : GroupModeLine
{
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { ReplicationHttp = On };

    public override string ToString() => On ? "replication http" : "no replication http";
}

public sealed record SetPreempt(int DelaySeconds) : GroupModeLine
{
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preempt = true, PreemptDelaySeconds = DelaySeconds };

    public override string ToString() => DelaySeconds > 0 ? $"preempt {DelaySeconds}" : "preempt";
}

public sealed record NoPreempt : GroupModeLine
{
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Preempt = false, PreemptDelaySeconds = 0 };

    public override string ToString() => "no preempt";
}

public sealed record SetInterfacePolicy(InterfacePolicy Policy) : GroupModeLine
{
    public override FailoverGroupConfig ApplyTo(FailoverGroupConfig settings) => settings with { Policy = Policy };

    public override string ToString() => $"interface-policy {Policy}";
}

/// <summary>
/// <c>failover group n</c> with its sub-mode lines: a configuration change of the system execution space, replicated
/// from the unit where failover group 1 is active (seed, "Command Replication"). <see cref="Change"/> is its number in
/// the system space, as for <see cref="ConfigurationCommand"/>.
/// </summary>
public sealed record FailoverGroupMode(FailoverGroupId Group, ImmutableArray<GroupModeLine> Lines, int Change = -1) : AsaCommand
{
    public FailoverGroupConfig ApplyTo(FailoverGroupConfig settings)
    {
        foreach (var line in Lines)
        {
            settings = line.ApplyTo(settings);
        }

        return settings;
    }

    public bool Equals(FailoverGroupMode? other) =>
        other is not null && Group == other.Group && Change == other.Change && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Group, Lines.Length);

    public override string ToString() =>
        string.Concat($"failover group {Group}", string.Concat(Lines.Select(l => "\n  " + l)));
}
