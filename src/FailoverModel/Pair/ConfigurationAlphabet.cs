using System.Collections.Immutable;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// A bounded alphabet of configuration changes and connections, for whoever walks the model's states (the explorer,
/// the test vectors): the events <see cref="EventAlphabet"/> leaves out because they change the configuration or the
/// traffic rather than the failover behaviour under it.
/// <para>
/// The bound, and why it suffices: the model does not read what a configuration command configures, only which space
/// it changes and which units hold it (seed, "Command Replication"; <see cref="UnitConfiguration"/>). Two changes in the
/// same space are replicated, saved, synchronized and lost by the same rules, so <b>one change per space, typed on
/// each unit</b>, with <c>write memory</c> typed in that space on each unit, reaches every way a space's running and
/// startup configuration can differ between the units (16 per space). The <c>failover group</c> sub-mode is a change
/// of the system space that also changes the group's settings; of its lines, <c>preempt</c> / <c>no preempt</c> and
/// <c>replication http</c> / <c>no replication http</c> are the ones whose effect the model has rules for (preemption,
/// which connections Stateful Failover passes); <c>primary</c>/<c>secondary</c> and <c>interface-policy</c> change
/// which unit a group prefers and when it fails over, which the configuration itself already varies. Connections: one
/// kind of each treatment (seed, "Stateful Failover"): <c>tcp</c>, always passed to the standby; <c>http</c>, passed
/// only with <c>replication http</c>; <c>uauth</c>, never passed; each opened in the first context of each failover
/// group, since the connection table is kept per group.
/// </para>
/// <para>
/// Each part multiplies the states of a graph by up to 16 per space and by the settings and connection combinations,
/// so a walker takes the parts it needs (<see cref="Changes"/> of one space, <see cref="GroupModes"/>,
/// <see cref="Connections"/>) rather than all at once.
/// </para>
/// </summary>
internal static class ConfigurationAlphabet
{
    /// <summary>The tracked change of the system execution space: a banner, which nothing in the model reads.</summary>
    public const string SystemChange = "banner motd Authorized access only";

    /// <summary>The tracked change of a context: an access list line like the seed's context1 has.</summary>
    public const string ContextChange = "access-list 100 extended permit tcp any any eq www";

    /// <summary>The connection kinds opened: one always passed, one passed only with <c>replication http</c>, one never passed.</summary>
    public static readonly ImmutableArray<ConnectionKinds> ConnectionKindsOpened = [ConnectionKinds.Tcp, ConnectionKinds.Http, ConnectionKinds.Uauth];

    /// <summary>
    /// The failover group sub-mode lines of the alphabet, each typed for each group on each unit.
    /// </summary>
    public static readonly ImmutableArray<GroupModeLine> GroupModeLines = [new SetPreempt(0), new NoPreempt(), new SetReplicationHttp(true), new SetReplicationHttp(false)];

    /// <summary>Every part: the changes and saves of every space, the failover group sub-mode lines, and the connections.</summary>
    public static IReadOnlyList<Event> For(PairConfig config, ConfigurationChanges? numbering = null)
    {
        numbering ??= new ConfigurationChanges();
        var events = new List<Event>();
        for (var space = 0; space < config.Spaces; space++)
        {
            events.AddRange(Changes(config, space, numbering));
        }

        events.AddRange(GroupModes(config, GroupModeLines, numbering));
        events.AddRange(Connections(config));
        return events;
    }

    /// <summary>
    /// The tracked change of <paramref name="space"/> (0: system, 1 + i: context i) typed on each unit, and
    /// <c>write memory</c> typed in that space on each unit (the system space's save is in <see cref="EventAlphabet"/>
    /// already, so it is not repeated here). <paramref name="numbering"/> gives the change its bit, as a scenario
    /// parsed with the same numbering would.
    /// </summary>
    public static IReadOnlyList<Event> Changes(PairConfig config, int space, ConfigurationChanges? numbering = null, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(space);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(space, config.Spaces);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        numbering ??= new ConfigurationChanges();
        var context = space == 0 ? null : config.Contexts[space - 1].Name;
        var events = new List<Event>();
        foreach (var unit in UnitRoles.Both)
        {
            for (var i = 0; i < count; i++)
            {
                var text = ChangeText(space, i);
                var change = numbering.Number(space, text) ?? throw new InvalidOperationException($"{config.SpaceName(space)} already has {ConfigurationChanges.MaxPerSpace} numbered changes");
                events.Add(new CommandEvent(unit, context, new ConfigurationCommand(text, change)));
            }

            if (context is not null)
            {
                events.Add(new CommandEvent(unit, context, new WriteMemory(false, false)));
            }
        }

        return events;
    }

    /// <summary>The text of the <paramref name="i"/>-th tracked change of a space: <see cref="SystemChange"/> or <see cref="ContextChange"/> first, then lines of the same kind.</summary>
    private static string ChangeText(int space, int i) => (space, i) switch
    {
        (0, 0) => SystemChange,
        (0, _) => $"{SystemChange} ({i + 1})",
        (_, 0) => ContextChange,
        _ => $"access-list {100 + i} extended permit tcp any any eq www",
    };

    /// <summary>
    /// <c>failover group n</c> with one sub-mode line, for each of <paramref name="lines"/>, each group and each unit:
    /// changes of the system space (seed, "Command Replication"), numbered there by their whole text.
    /// </summary>
    public static IReadOnlyList<Event> GroupModes(PairConfig config, IEnumerable<GroupModeLine> lines, ConfigurationChanges? numbering = null)
    {
        numbering ??= new ConfigurationChanges();
        var events = new List<Event>();
        foreach (var unit in UnitRoles.Both)
        {
            foreach (var g in config.GroupIds)
            {
                foreach (var line in lines)
                {
                    var mode = new FailoverGroupMode(g, [line]);
                    var change = numbering.Number(0, mode.ToString()) ?? throw new InvalidOperationException($"system already has {ConfigurationChanges.MaxPerSpace} numbered changes");
                    events.Add(new CommandEvent(unit, null, mode with { Change = change }));
                }
            }
        }

        return events;
    }

    /// <summary>
    /// <c>connect &lt;context&gt; &lt;kind&gt;</c> for each of <see cref="ConnectionKindsOpened"/> in the first context of each
    /// failover group (the connection table is per group, so another context of the same group adds nothing).
    /// </summary>
    public static IReadOnlyList<Event> Connections(PairConfig config)
    {
        var events = new List<Event>();
        foreach (var g in config.GroupIds)
        {
            if (config.Contexts.FirstOrDefault(c => c.Group == g) is not { } context)
            {
                continue;
            }

            foreach (var kind in ConnectionKindsOpened)
            {
                events.Add(new Connect(context.Name, kind));
            }
        }

        return events;
    }
}
