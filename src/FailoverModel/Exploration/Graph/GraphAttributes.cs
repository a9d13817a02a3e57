using System.Collections.Immutable;
using System.Globalization;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Graph;

/// <summary>The type a graph file declares for an attribute (GraphML's <c>attr.type</c>; JSON's string, boolean or number).</summary>
internal enum GraphAttributeType
{
    String,
    Boolean,
    Long,
}

/// <summary>One node attribute: its name in every format, its type, and how it reads a state (booleans as <c>true</c>/<c>false</c>).</summary>
internal sealed record NodeAttribute(string Name, GraphAttributeType Type, Func<PairState, RunHistory, string> Value);

/// <summary>
/// The attributes graph files carry, one list for every format so that the formats agree. A node carries what a reader
/// needs to understand the state without the model: each unit's power, status and group states, its failed
/// interfaces, its view of its mate, its configuration revisions; the links; where each group is active and its
/// connections; what the invariants' observer carries (<c>preempt_owed</c>). Groups the configuration lacks have no
/// attribute.
/// </summary>
internal static class GraphAttributes
{
    /// <summary>The node attribute naming the initial state.</summary>
    public const string Initial = "initial";

    /// <summary>The node and edge attribute naming the invariant violated, present only where one is.</summary>
    public const string Violation = "violation";

    /// <summary>The edge attributes, beside <see cref="Violation"/>.</summary>
    public static readonly ImmutableArray<(string Name, GraphAttributeType Type)> Edge =
        [("event", GraphAttributeType.String), ("internal", GraphAttributeType.Boolean), ("rows", GraphAttributeType.String)];

    /// <summary>The graph attributes: those written first, then those written at the end, once the exploration is over.</summary>
    public static readonly ImmutableArray<(string Name, GraphAttributeType Type)> GraphHead =
        [("graph_of", GraphAttributeType.String), ("configuration", GraphAttributeType.String)];

    /// <inheritdoc cref="GraphHead"/>
    public static readonly ImmutableArray<(string Name, GraphAttributeType Type)> GraphTail =
        [("bounded", GraphAttributeType.Boolean), ("complete", GraphAttributeType.Boolean), ("states", GraphAttributeType.Long), ("edges", GraphAttributeType.Long), ("transitions", GraphAttributeType.Long)];

    /// <summary>The node attributes of <paramref name="config"/>'s states, beside <see cref="Initial"/> and <see cref="Violation"/>.</summary>
    public static ImmutableArray<NodeAttribute> Nodes(PairConfig config)
    {
        var list = new List<NodeAttribute>();
        foreach (var role in UnitRoles.Both)
        {
            var p = role.Token();
            list.Add(new($"{p}_power", GraphAttributeType.String, (s, _) => s.Unit(role).Status == UnitStatus.PoweredOff ? "off" : "on"));
            list.Add(new($"{p}_status", GraphAttributeType.String, (s, _) => s.Unit(role).Status.Display()));
            list.Add(new($"{p}_failover", GraphAttributeType.Boolean, (s, _) => Bool(s.Unit(role).Status == UnitStatus.FailoverOn)));
            list.Add(new($"{p}_startup_failover", GraphAttributeType.Boolean, (s, _) => Bool(s.Unit(role).StartupFailover)));
            foreach (var g in config.GroupIds)
            {
                list.Add(new($"{p}_group{g}", GraphAttributeType.String, (s, _) => s.Unit(role).Group(g).State.Display()));
                list.Add(new($"{p}_group{g}_preempt_armed", GraphAttributeType.Boolean, (s, _) => Bool(s.Unit(role).Group(g).PreemptArmed)));
            }

            list.Add(new($"{p}_failed_interfaces", GraphAttributeType.String, (s, _) => Interfaces(config, s.Unit(role).FailedInterfaces)));
            list.Add(new($"{p}_mate_contact", GraphAttributeType.String, (s, _) => Contact(s.Unit(role).View.Contact)));
            foreach (var g in config.GroupIds)
            {
                list.Add(new($"{p}_mate_group{g}", GraphAttributeType.String, (s, _) => s.Unit(role).View.Group(g).Display()));
            }

            list.Add(new($"{p}_mate_failed_interfaces", GraphAttributeType.String, (s, _) => Interfaces(config, s.Unit(role).View.FailedInterfaces)));
            list.Add(new($"{p}_configuration", GraphAttributeType.String, (s, _) => Configuration(config, s.Unit(role).Configuration)));
        }

        list.Add(new("failover_link", GraphAttributeType.String, static (s, _) => s.FailoverLink.Token()));
        list.Add(new("state_link", GraphAttributeType.String, static (s, _) => s.StateLink.Token()));
        foreach (var g in config.GroupIds)
        {
            list.Add(new($"group{g}_active_on", GraphAttributeType.String, (s, _) => s.ActiveOn(g).Token()));
            list.Add(new($"group{g}_connections", GraphAttributeType.String, (s, _) => Connections(s.Connections.Group(g))));
        }

        list.Add(new("preempt_owed", GraphAttributeType.String, (_, h) => PreemptOwed(config, h)));
        return [.. list];
    }

    /// <summary>The rows of a row mask, as the edge attribute <c>rows</c> writes them: row numbers separated by spaces, empty for none.</summary>
    public static string Rows(int rows)
    {
        if (rows == 0)
        {
            return "";
        }

        var numbers = new List<string>();
        for (var row = 1; row < 32; row++)
        {
            if ((rows & (1 << row)) != 0)
            {
                numbers.Add(row.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(' ', numbers);
    }

    /// <summary>The GraphML name of a type (<c>attr.type</c>).</summary>
    public static string GraphMLType(GraphAttributeType type) => type switch
    {
        GraphAttributeType.Boolean => "boolean",
        GraphAttributeType.Long => "long",
        _ => "string",
    };

    public static string Bool(bool value) => value ? "true" : "false";

    private static string Interfaces(PairConfig config, ulong failed)
    {
        if (failed == 0)
        {
            return "";
        }

        var names = new List<string>();
        for (var i = 0; i < config.Interfaces.Length; i++)
        {
            if ((failed & (1UL << i)) != 0)
            {
                names.Add(config.Interfaces[i].Name.ToString());
            }
        }

        return string.Join(' ', names);
    }

    private static string Contact(MateContact contact) => contact switch
    {
        MateContact.NotDetected => "not-detected",
        MateContact.Hellos => "hellos",
        MateContact.DataInterfaces => "data-interfaces",
        MateContact.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(contact)),
    };

    // Each space's tracked changes, running and startup, as the hexadecimal bit sets the snapshot JSON writes as numbers.
    private static string Configuration(PairConfig config, UnitConfiguration configuration) =>
        string.Join(' ', Enumerable.Range(0, config.Spaces).Select(space =>
            string.Create(CultureInfo.InvariantCulture, $"{config.SpaceName(space)}:{configuration.Running(space):x}/{configuration.Startup(space):x}")));

    // Each set as its kinds' tokens separated by commas, "none" when empty, so that the text never ends in a bare colon.
    private static string Connections(GroupConnections connections) =>
        $"open:{Kinds(connections.Open)} replicated:{Kinds(connections.Replicated)}";

    private static string Kinds(ConnectionKinds kinds) => kinds == default ? "none" : string.Join(',', ConnectionKindValues.Tokens(kinds));

    private static string PreemptOwed(PairConfig config, RunHistory history) =>
        string.Join(' ', UnitRoles.Both.SelectMany(u => config.GroupIds.Where(g => history.Owed(u, g)).Select(g => $"{u.Token()}/{g}")));
}
