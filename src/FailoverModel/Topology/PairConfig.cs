using System.Collections.Immutable;

namespace FailoverModel.Topology;

/// <summary>
/// What the pair is made of: failover groups, contexts with their interfaces, the failover link and the optional
/// Stateful Failover link. The group settings here are the configuration both units start from; at run time each
/// unit holds its own copy (see <c>UnitState</c>), because a command entered on the wrong unit diverges them.
/// </summary>
public sealed class PairConfig
{
    /// <summary>The seed allows at most two failover groups ("You can create a maximum of two failover groups").</summary>
    public const int MaxGroups = 2;

    /// <summary>Monitored interfaces are kept as bits of one 64-bit word per unit.</summary>
    public const int MaxInterfaces = 64;

    public PairConfig(
        string name,
        IReadOnlyList<FailoverGroupConfig> groups,
        IReadOnlyList<ContextConfig> contexts,
        string adminContext,
        LinkConfig failoverLink,
        LinkConfig? stateLink,
        bool cableBased = false,
        UnitTimers? timers = null,
        string version = "7.2(2)")
    {
        if (groups.Count is < 1 or > MaxGroups)
        {
            throw new ArgumentException($"a pair has one or two failover groups, not {groups.Count}", nameof(groups));
        }

        Name = name;
        Groups = [.. groups];
        Contexts = [.. contexts];
        AdminContext = adminContext;
        FailoverLink = failoverLink;
        StateLink = stateLink;
        CableBased = cableBased;
        Timers = timers ?? UnitTimers.Seed;
        Version = version;
        Interfaces = [.. contexts.SelectMany(c => c.Interfaces)];
        if (Interfaces.Length > MaxInterfaces)
        {
            throw new ArgumentException($"the model tracks at most {MaxInterfaces} context interfaces, not {Interfaces.Length}", nameof(contexts));
        }

        var groupOf = contexts.ToDictionary(c => c.Name, c => c.Group, StringComparer.Ordinal);
        var masks = new ulong[MaxGroups];
        for (var i = 0; i < Interfaces.Length; i++)
        {
            if (Interfaces[i].Monitored)
            {
                masks[groupOf[Interfaces[i].Context].Index] |= 1UL << i;
            }
        }

        MonitoredMasks = [.. masks];
        AllInterfacesMask = Interfaces.Length == MaxInterfaces ? ulong.MaxValue : (1UL << Interfaces.Length) - 1;
        GroupIds = [.. Enumerable.Range(1, Groups.Length).Select(FailoverGroupId.Of)];
    }

    public string Name { get; }

    /// <summary>Group <c>n</c> is at index <c>n - 1</c>.</summary>
    public ImmutableArray<FailoverGroupConfig> Groups { get; }

    public int GroupCount => Groups.Length;

    public ImmutableArray<ContextConfig> Contexts { get; }

    public string AdminContext { get; }

    public LinkConfig FailoverLink { get; }

    /// <summary>Null when Stateful Failover is not configured.</summary>
    public LinkConfig? StateLink { get; }

    /// <summary>True when Stateful Failover runs over the failover link itself.</summary>
    public bool StateLinkIsFailoverLink => StateLink is not null && StateLink.Name == FailoverLink.Name;

    /// <summary>PIX serial failover cable instead of a LAN failover interface.</summary>
    public bool CableBased { get; }

    public UnitTimers Timers { get; }

    public string Version { get; }

    /// <summary>Every context interface, in context order; the index is the bit in a unit's failed-interface word.</summary>
    public ImmutableArray<InterfaceConfig> Interfaces { get; }

    /// <summary>The bits of every data interface: the interfaces LANTEST is sent on (ASA configuration guide, "Unit Health Monitoring").</summary>
    public ulong AllInterfacesMask { get; }

    /// <summary>Per group (by <see cref="FailoverGroupId.Index"/>), the bits of its monitored interfaces.</summary>
    public ImmutableArray<ulong> MonitoredMasks { get; }

    /// <summary>The bits of the group's monitored interfaces.</summary>
    public ulong MonitoredMask(FailoverGroupId group) => MonitoredMasks[group.Index];

    /// <summary>1, or 1 and 2 (kept, so that the hot paths do not allocate a range each time).</summary>
    public ImmutableArray<FailoverGroupId> GroupIds { get; }

    /// <summary>Configuration spaces: the system execution space (0) and each context (1 + its index in <see cref="Contexts"/>).</summary>
    public int Spaces => Contexts.Length + 1;

    /// <summary>The space of a context, or 0 (the system execution space) for null.</summary>
    public int SpaceOf(string? context)
    {
        if (context is null)
        {
            return 0;
        }

        for (var i = 0; i < Contexts.Length; i++)
        {
            if (Contexts[i].Name == context)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"no context {context} in the configuration", nameof(context));
    }

    public string SpaceName(int space) => space == 0 ? "system" : Contexts[space - 1].Name;

    /// <summary>The same pair with other poll and hold times.</summary>
    public PairConfig WithTimers(UnitTimers timers) =>
        new(Name, Groups, Contexts, AdminContext, FailoverLink, StateLink, CableBased, timers, Version);

    public FailoverGroupConfig Group(FailoverGroupId id) => Groups[id.Index];

    public bool HasGroup(FailoverGroupId id) => id.Number >= 1 && id.Number <= GroupCount;

    public int MonitoredCount(FailoverGroupId group) => System.Numerics.BitOperations.PopCount(MonitoredMasks[group.Index]);

    /// <summary>The interface's bit in a unit's failed-interface word, or -1 when the configuration has no such interface.</summary>
    public int InterfaceIndex(ContextInterface name)
    {
        for (var i = 0; i < Interfaces.Length; i++)
        {
            if (Interfaces[i].Context == name.Context && Interfaces[i].Nameif == name.Nameif)
            {
                return i;
            }
        }

        return -1;
    }

    public ContextConfig? Context(string name) => Contexts.FirstOrDefault(c => c.Name == name);

    public FailoverGroupId GroupOfContext(string name) => Context(name)?.Group ?? FailoverGroupId.One;

    /// <summary>
    /// The failover group that owns a configuration space: the context's group, or group 1 for the system execution
    /// space (null), whose commands replicate from where group 1 is active (seed, "Command Replication").
    /// </summary>
    public FailoverGroupId GroupOfSpace(string? context) => context is null ? FailoverGroupId.One : GroupOfContext(context);
}
