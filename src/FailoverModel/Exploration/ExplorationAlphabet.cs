using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration;

/// <summary>
/// The explorer's alphabet: the failover events of <see cref="EventAlphabet"/>, and, on request, the parts of
/// <see cref="ConfigurationAlphabet"/> — configuration changes and saves (<c>configure</c>), <c>failover group</c>
/// sub-mode lines (<c>failover-group</c>) and connections (<c>connect</c>), named as <c>oracle vectors --events</c> names
/// them — so that replication, synchronization and Stateful Failover are checked exhaustively, not only by random runs.
/// <para>
/// The bound on changes, and why one per space is the default: the model never reads what a change configures, only
/// which space it is in and which units hold it, running and startup (seed, "Command Replication"; "Device
/// Initialization and Configuration Synchronization"). A second change in the same space is replicated, saved,
/// synchronized and lost by the same rules at the same moments as the first, so every way the two units' running and
/// startup configurations of a space can differ (is held by this unit, the mate, both, none; saved or not) is reached
/// with one change per space typed on each unit. More changes (<c>--changes k</c>) only multiply the states; the
/// option exists to check that claim on small configurations.
/// </para>
/// </summary>
public static class ExplorationAlphabet
{
    /// <summary>The parts that can join the failover events, by name.</summary>
    public static readonly IReadOnlyList<string> Parts = ["configure", "failover-group", "connect"];

    /// <summary>The most tracked changes per space <c>--changes</c> accepts.</summary>
    public const int MaxChangesPerSpace = 4;

    /// <summary>
    /// The failover events of <paramref name="config"/> and the named parts; <paramref name="changesPerSpace"/> tracked
    /// changes in every space for <c>configure</c>. An unknown part is an <see cref="ArgumentException"/> naming the known ones.
    /// </summary>
    /// <param name="config">The pair's configuration.</param>
    /// <param name="parts">Any of <see cref="Parts"/>.</param>
    /// <param name="changesPerSpace">Tracked changes typed in each space, 1 to <see cref="MaxChangesPerSpace"/>.</param>
    public static IReadOnlyList<Event> For(PairConfig config, IReadOnlyCollection<string> parts, int changesPerSpace = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(changesPerSpace, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(changesPerSpace, MaxChangesPerSpace);
        foreach (var part in parts)
        {
            if (!Parts.Contains(part))
            {
                throw new ArgumentException($"unknown part '{part}' (known: {string.Join(", ", Parts)})", nameof(parts));
            }
        }

        var numbering = new ConfigurationChanges();
        var events = new List<Event>(EventAlphabet.For(config));
        if (parts.Contains("configure"))
        {
            for (var space = 0; space < config.Spaces; space++)
            {
                events.AddRange(ConfigurationAlphabet.Changes(config, space, numbering, changesPerSpace));
            }
        }

        if (parts.Contains("failover-group"))
        {
            events.AddRange(ConfigurationAlphabet.GroupModes(config, ConfigurationAlphabet.GroupModeLines, numbering));
        }

        if (parts.Contains("connect"))
        {
            events.AddRange(ConfigurationAlphabet.Connections(config));
        }

        return events;
    }
}
