using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Time;
using FailoverModel.Topology;
using Stateless.Reflection;
using static FailoverModel.Machines.GroupTrigger;

namespace FailoverModel.Diagrams;

/// <summary>
/// The machines' diagrams, read from Stateless's own reflection (<c>GetInfo()</c>): states named as ASA names them,
/// edges labelled with the trigger and the guard in the seed's words. A trigger that leaves many states for the same
/// state (power lost, the unit failing, failover enabled) is drawn once from "any state", or the diagram is a hairball.
/// Given a configuration, a step that waits for a timer says so on its edge ("after unit holdtime 45s (+ up to poll 15s)").
/// </summary>
internal static class MachineDiagrams
{
    private const int AnyStateThreshold = 6;
    private const string AnyState = "any state";

    /// <summary>States that ASA treats alike: an edge leaving every one of them is drawn once, from the family.</summary>
    private static readonly (string Name, string[] Members)[] GroupFamilies =
    [
        ("any active state", [.. GroupStates.ActiveFamily.Select(s => s.ToString())]),
        ("any synchronizing state", [.. GroupStates.Synchronizing.Select(s => s.ToString())]),
    ];

    /// <summary>The failover group machine; with a configuration, each timed edge also says when it happens under its timers.</summary>
    /// <summary>
    /// The failover group machine split by what drives it, each view small enough to read at page width: the seed's
    /// sections name them. A trigger in no other view falls into the failures view, so no rule is left undrawn.
    /// </summary>
    public static IReadOnlyList<DiagramGraph> FailoverGroupViews(PairConfig? config = null)
    {
        GroupTrigger[] startup = [FailoverEnabled, NoActiveUnitFound, BothUnitsBooted, ActiveMateDetected, FailoverLinkFailedAtStartup, ConfigReplicationBegins, ConfigReplicationEnds, FileSystemSynced, BulkSyncCompletes, MateLost];
        GroupTrigger[] activation = [ActivationBegins, QueuesDrained, ConfigApplied, ActivationCompletes];
        GroupTrigger[] off = [FailoverDisabled, PowerLost, Rebooted];
        return
        [
            View("failover-group-startup", "A failover group at startup: negotiation and configuration synchronization", startup.Contains),
            View("failover-group-activation", "A failover group becoming active: ASA's steps from Just Active to Active", activation.Contains),
            View("failover-group-failures", "A failover group on failures, commands and preempt (the failure-event table)", t => !startup.Contains(t) && !activation.Contains(t) && !off.Contains(t)),
            View("failover-group-off", "A failover group when failover is disabled, power fails or the unit reloads", off.Contains),
        ];

        DiagramGraph View(string name, string title, Func<GroupTrigger, bool> include) =>
            FailoverGroup(GroupRules.All.Where(r => include(r.Trigger)), config) with { Name = name, Title = title };
    }

    public static DiagramGraph FailoverGroup(IEnumerable<GroupTransition>? rules = null, PairConfig? config = null)
    {
        // The machine's own description falls back to the rule's source (a section title) where a rule has no guard;
        // the diagram prints only conditions, so it reads the guard from the rule itself.
        var all = (rules ?? GroupRules.All).ToList();
        string? Guard(string from, string trigger, string to) =>
            all.FirstOrDefault(r => r.From.ToString() == from && r.Trigger.ToString() == trigger && r.To.ToString() == to)?.Guard.Description;
        return FromInfo(
            "failover-group",
            new FailoverGroupMachine(all).GetInfo(),
            s => ((GroupState)s).Display(),
            nameof(GroupState.Disabled),
            GroupFamilies,
            trigger => config is null || FailoverTimers.Of((GroupTrigger)trigger) is not (var timer and not FailoverTimer.None) ? null : FailoverTimers.Describe(timer, config),
            Guard) with
        { Title = "One failover group on one unit: ASA's states, each edge a trigger [its condition] and its timer", ReferenceSheet = rules is null };
    }

    public static DiagramGraph Unit(PairConfig? config = null) =>
        FromInfo(
            "unit",
            new UnitMachine().GetInfo(),
            s => ((UnitStatus)s).Display(),
            nameof(UnitStatus.PoweredOff),
            [],
            trigger => config is not null && (UnitTrigger)trigger == UnitTrigger.ReloadCompletes ? FailoverTimers.Describe(FailoverTimer.Reload, config) : null) with
        { Title = "One unit: power, reload after a software failure, hardware failure, failover on and off" };

    public static DiagramGraph Link() =>
        FromInfo("link", new LinkMachine().GetInfo(), s => ((LinkStatus)s).Token(), nameof(LinkStatus.Up), [], _ => null) with
        { Title = "The failover link and the Stateful Failover link" };

    private static DiagramGraph FromInfo(string name, StateMachineInfo info, Func<object, string> display, string initial, (string Name, string[] Members)[] families, Func<object, string?> timer, Func<string, string, string, string?>? guard = null)
    {
        var transitions = info.States
            .SelectMany(s => s.FixedTransitions.Select(t => (
                From: s.UnderlyingState.ToString()!,
                To: t.DestinationState.UnderlyingState.ToString()!,
                Label: Label(t, timer, guard?.Invoke(s.UnderlyingState.ToString()!, t.Trigger.UnderlyingTrigger.ToString()!, t.DestinationState.UnderlyingState.ToString()!)))))
            .ToList();
        // "Many states" is six, or every other state of a small machine (the unit's power failure), but never fewer than three.
        var threshold = Math.Max(3, Math.Min(AnyStateThreshold, info.States.Count() - 1));
        var common = transitions.GroupBy(t => (t.To, t.Label)).Where(g => g.Count() >= threshold).Select(g => g.Key).ToHashSet();

        // A state only left by catch-all edges is not drawn for them: the note stands for it.
        var used = transitions.Where(t => !common.Contains((t.To, t.Label))).SelectMany(t => new[] { t.From, t.To })
            .Concat(common.Select(c => c.To)).ToHashSet(StringComparer.Ordinal);
        var nodes = info.States
            .Where(s => used.Contains(s.UnderlyingState.ToString()!))
            .Select(s => new DiagramNode(s.UnderlyingState.ToString()!, display(s.UnderlyingState), s.UnderlyingState.ToString() == initial))
            .ToList();
        var remaining = transitions.Where(t => !common.Contains((t.To, t.Label))).ToList();
        var edges = new List<DiagramEdge>();
        var clusters = new List<DiagramCluster>();
        foreach (var (family, members) in families)
        {
            var leaving = remaining.GroupBy(t => (t.To, t.Label))
                .Where(g => members.All(m => g.Any(t => t.From == m)))
                .Select(g => g.Key)
                .ToList();
            if (leaving.Count == 0)
            {
                continue;
            }

            // A family is a frame around its states, and its edges leave the frame: it is not a state of its own.
            clusters.Add(new DiagramCluster(family, family));
            for (var i = 0; i < nodes.Count; i++)
            {
                if (members.Contains(nodes[i].Id) && nodes[i].Cluster is null)
                {
                    nodes[i] = nodes[i] with { Cluster = family };
                }
            }

            edges.AddRange(leaving.Select(l => new DiagramEdge(family, l.To, l.Label)));
            remaining.RemoveAll(t => members.Contains(t.From) && leaving.Contains((t.To, t.Label)));
        }

        edges.AddRange(remaining.Select(t => new DiagramEdge(t.From, t.To, t.Label)));

        // Parallel edges become one edge with a paragraph per trigger: six stacked labels between two states read as one list.
        edges = [.. edges.GroupBy(e => (e.From, e.To)).Select(g => g.First() with { Label = string.Join("\n\n", g.Select(e => e.Label)) })];
        edges = [.. DiagramEdges.MergeReverse(edges, clusters.Select(c => c.Id).ToHashSet(StringComparer.Ordinal))];
        if (common.Count > 0)
        {
            // Edges that leave (almost) every state are drawn from a note, dashed, so they read as "whatever the state".
            nodes.Add(new DiagramNode(AnyState, "from any other state", Kind: NodeKind.Note));
            edges.AddRange(common.OrderBy(c => c.Label, StringComparer.Ordinal).Select(c => new DiagramEdge(AnyState, c.To, c.Label, Dashed: true)));
        }

        return new DiagramGraph(name, nodes, edges) { Clusters = clusters };
    }

    private static string Label(FixedTransitionInfo transition, Func<object, string?> timer, string? guard)
    {
        var trigger = Words(transition.Trigger.UnderlyingTrigger.ToString()!);
        var guards = guard is not null
            ? [.. new[] { guard }.Where(d => d.Length > 0)]
            : transition.GuardConditionsMethodDescriptions.Select(g => g.Description).Where(d => !string.IsNullOrEmpty(d) && d != "Function").ToList();
        var label = guards.Count == 0 ? trigger : $"{trigger}\n[{string.Join(", ", guards)}]";
        label = timer(transition.Trigger.UnderlyingTrigger) is { } when ? $"{label}\n{when}" : label;
        return string.Join("\n", label.Split('\n').Select(l => Wrap(l, WrapAt)));
    }

    private const int WrapAt = 34;

    /// <summary>Breaks a line at spaces so that no piece is longer than <paramref name="width"/> characters (unless a word is).</summary>
    public static string Wrap(string line, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        lines.Add(current);
        return string.Join("\n", lines);
    }

    /// <summary>A trigger's name as words: <c>NoFailoverActiveCommand</c> → "no failover active command".</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : i == 0 ? char.ToLowerInvariant(c).ToString() : c.ToString()));
}
