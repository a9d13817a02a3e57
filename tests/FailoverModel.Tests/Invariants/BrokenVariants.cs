using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Invariants;

/// <summary>
/// Deliberately wrong pairs, built through the internal seam production code does not use. Each must be caught by the
/// explorer and by the random runs, or the invariants prove nothing.
/// </summary>
public static class BrokenVariants
{
    public static readonly IReadOnlyDictionary<string, Func<PairConfig, FailoverPair>> All = new Dictionary<string, Func<PairConfig, FailoverPair>>
    {
        // Row 7 ignored: a standby takes over a silent mate even while the failover link is down.
        ["FailsOverWhileTheFailoverLinkIsDown"] = config => new FailoverPair(config, GroupRules.All.Select(t =>
            t is { From: GroupState.StandbyReady, Trigger: GroupTrigger.MateUnitFailure }
                ? t with { Guard = new GroupGuard("peer failed", c => c.Has(GroupConditions.MateUnitDown)) }
                : t)),

        // "Restoration of a Failed Unit" ignored: preempt never takes a group back.
        ["IgnoresPreempt"] = config => new FailoverPair(config, GroupRules.All.Where(t => t.Trigger != GroupTrigger.Preempt)),

        // Row 3 ignored: a failed standby group takes over a failed mate.
        ["LetsAFailedStandbyTakeOver"] = config => new FailoverPair(config, GroupRules.All.Append(
            new GroupTransition(GroupState.Failed, GroupTrigger.MateUnitFailure, GroupState.JustActive, GroupGuards.MateFailedWhileLinkUp, "broken", GroupReasons.HelloNotHeard))),

        // The seed's "above threshold" read literally: one interface too many before a group fails.
        ["CountsTheThresholdOffByOne"] = config => new FailoverPair(config, GroupRules.All,
            (policy, failed, monitored) => policy.IsPercentage ? failed * 100 > policy.Value * monitored : failed > policy.Value),
    };

    /// <summary>
    /// A small pair in the seed's shape, with preempt on both groups so the preempt variant has something to ignore:
    /// context1 in group 1 with two monitored interfaces (so a threshold can be missed by one), context2 in group 2 with one.
    /// </summary>
    public static PairConfig Config { get; } = new(
        "small pair with preempt",
        [new FailoverGroupConfig(UnitRole.Primary, true, 0, InterfacePolicy.Default), new FailoverGroupConfig(UnitRole.Secondary, true, 0, InterfacePolicy.Default)],
        [
            new ContextConfig("admin", 1, []),
            new ContextConfig("context1", 1,
            [
                new InterfaceConfig("context1", "inside", "inside_context1", "192.168.1.1", "255.255.255.0", "192.168.1.2", true),
                new InterfaceConfig("context1", "outside", "outside_context1", "172.16.1.1", "255.255.255.0", "172.16.1.2", true),
            ]),
            new ContextConfig("context2", 2, [new InterfaceConfig("context2", "inside", "inside_context2", "192.168.2.1", "255.255.255.0", "192.168.2.2", true)]),
        ],
        "admin",
        BuiltInConfigurations.SeedLanExample.FailoverLink,
        BuiltInConfigurations.SeedLanExample.StateLink);
}
