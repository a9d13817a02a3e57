using FailoverModel.Machines;
using FailoverModel.Rules;
using FailoverModel.Time;
using FailoverModel.Topology;
using Stateless.Reflection;

namespace FailoverModel.Diagrams;

/// <summary>
/// The machines' diagrams, read from Stateless's own reflection (<c>GetInfo()</c>): states named as ASA names them,
/// edges labelled with the trigger and the guard in the seed's words. A trigger that leaves many states for the same
/// state (power lost, the unit failing, failover enabled) is drawn once from "any state", or the diagram is a hairball.
/// Given a configuration, a step that waits for a timer says so on its edge ("after unit holdtime 45s (+ up to poll 15s)").
/// </summary>
public static class MachineDiagrams
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
    public static DiagramGraph FailoverGroup(IEnumerable<GroupTransition>? rules = null, PairConfig? config = null) =>
        FromInfo(
            "failover-group",
            new FailoverGroupMachine(rules ?? GroupRules.All).GetInfo(),
            s => ((GroupState)s).Display(),
            nameof(GroupState.Disabled),
            GroupFamilies,
            trigger => config is null || FailoverTimers.Of((GroupTrigger)trigger) is not (var timer and not FailoverTimer.None) ? null : FailoverTimers.Describe(timer, config));

    public static DiagramGraph Unit(PairConfig? config = null) =>
        FromInfo(
            "unit",
            new UnitMachine().GetInfo(),
            s => ((UnitStatus)s).Display(),
            nameof(UnitStatus.PoweredOff),
            [],
            trigger => config is not null && (UnitTrigger)trigger == UnitTrigger.ReloadCompletes ? FailoverTimers.Describe(FailoverTimer.Reload, config) : null);

    public static DiagramGraph Link() =>
        FromInfo("link", new LinkMachine().GetInfo(), s => ((LinkStatus)s).Token(), nameof(LinkStatus.Up), [], _ => null);

    private static DiagramGraph FromInfo(string name, StateMachineInfo info, Func<object, string> display, string initial, (string Name, string[] Members)[] families, Func<object, string?> timer)
    {
        var transitions = info.States
            .SelectMany(s => s.FixedTransitions.Select(t => (
                From: s.UnderlyingState.ToString()!,
                To: t.DestinationState.UnderlyingState.ToString()!,
                Label: Label(t, timer))))
            .ToList();
        var common = transitions.GroupBy(t => (t.To, t.Label)).Where(g => g.Count() >= AnyStateThreshold).Select(g => g.Key).ToHashSet();

        var used = transitions.SelectMany(t => new[] { t.From, t.To }).ToHashSet(StringComparer.Ordinal);
        var nodes = info.States
            .Where(s => used.Contains(s.UnderlyingState.ToString()!))
            .Select(s => new DiagramNode(s.UnderlyingState.ToString()!, display(s.UnderlyingState), s.UnderlyingState.ToString() == initial))
            .ToList();
        var remaining = transitions.Where(t => !common.Contains((t.To, t.Label))).ToList();
        var edges = new List<DiagramEdge>();
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

            nodes.Add(new DiagramNode(family, $"({family})"));
            edges.AddRange(leaving.Select(l => new DiagramEdge(family, l.To, l.Label)));
            remaining.RemoveAll(t => members.Contains(t.From) && leaving.Contains((t.To, t.Label)));
        }

        edges.AddRange(remaining.Select(t => new DiagramEdge(t.From, t.To, t.Label)));
        if (common.Count > 0)
        {
            nodes.Add(new DiagramNode(AnyState, "(any state)"));
            edges.AddRange(common.OrderBy(c => c.Label, StringComparer.Ordinal).Select(c => new DiagramEdge(AnyState, c.To, c.Label)));
        }

        return new DiagramGraph(name, nodes, edges);
    }

    private static string Label(FixedTransitionInfo transition, Func<object, string?> timer)
    {
        var trigger = transition.Trigger.UnderlyingTrigger.ToString()!;
        var guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description).Where(d => !string.IsNullOrEmpty(d) && d != "Function").ToList();
        var label = guards.Count == 0 ? trigger : $"{trigger}\n[{string.Join(", ", guards)}]";
        return timer(transition.Trigger.UnderlyingTrigger) is { } when ? $"{label}\n{when}" : label;
    }
}
