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
        // Unit health monitoring ignored: a unit that misses its hellos declares its mate failed without LANTEST, so a
        // live mate behind a failed failover link is taken over (row 7's "cannot fail over while the failover link is down").
        ["DeclaresALiveMateFailedOnMissedHellosAlone"] = config => new FailoverPair(config, GroupRules.All, monitoring: new FailoverPair.HealthMonitoring(
            outcome => outcome == MateContact.DataInterfaces ? MateContact.Failed : outcome, TimesOut: true)),

        // The holdtime never runs out: a silent mate is believed in for ever, its groups never taken over.
        ["NeverTimesOutASilentMate"] = config => new FailoverPair(config, GroupRules.All, monitoring: new FailoverPair.HealthMonitoring(outcome => outcome, TimesOut: false)),

        // "Restoration of a Failed Unit" ignored: preempt never takes a group back.
        ["IgnoresPreempt"] = config => new FailoverPair(config, GroupRules.All.Where(t => t.Trigger != GroupTrigger.Preempt)),

        // Preempt is configured but never armed: a group that becomes available on its preferred unit is not owed it.
        ["PreemptNeverArms"] = config => new FailoverPair(config, GroupRules.All.Select(t => t with { ArmsPreempt = false })),

        // Row 3 ignored: a failed standby group takes over as soon as the mate's hellos stop, before any LANTEST.
        ["LetsAFailedStandbyTakeOverALiveMate"] = config => new FailoverPair(config, GroupRules.All.Append(
            new GroupTransition(GroupState.Failed, GroupTrigger.MateLost, GroupState.JustActive, new GroupGuard("hellos stopped", c => !c.Has(GroupConditions.MateRunsFailover) && c.Has(GroupConditions.UnitRunsFailover)), "broken", GroupReasons.HelloNotHeard))),

        // The seed's "above threshold" read literally: one interface too many before a group fails.
        ["CountsTheThresholdOffByOne"] = config => new FailoverPair(config, GroupRules.All,
            (policy, failed, monitored) => policy.IsPercentage ? failed * 100 > policy.Value * monitored : failed > policy.Value),
    };

    /// <summary>
    /// A small pair with preempt, so the preempt variants have something to ignore: one failover group holding the admin
    /// context and context1 with two monitored interfaces (so a threshold can be missed by one). One group keeps the
    /// explorer's graph small now that each unit's view of its mate is part of the state; every variant shows within it.
    /// </summary>
    public static PairConfig Config { get; } = new(
        "small pair with preempt",
        [new FailoverGroupConfig(UnitRole.Primary, true, 0, InterfacePolicy.Default)],
        [
            new ContextConfig("admin", FailoverGroupId.One, []),
            new ContextConfig("context1", FailoverGroupId.One,
            [
                new InterfaceConfig("context1", "inside", "inside_context1", "192.168.1.1", "255.255.255.0", "192.168.1.2", true),
                new InterfaceConfig("context1", "outside", "outside_context1", "172.16.1.1", "255.255.255.0", "172.16.1.2", true),
            ]),
        ],
        "admin",
        BuiltInConfigurations.SeedLanExample.FailoverLink,
        BuiltInConfigurations.SeedLanExample.StateLink);
}
