using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Invariants;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Invariants;

/// <summary>A deliberately wrong pair: its name, the invariant that catches it, and the explorer's alphabet that reaches the bug.</summary>
/// <param name="CaughtBy">The invariants each of which alone (the explorer and random runs checking only it) finds the variant.</param>
/// <param name="Config">The configuration the variant shows in.</param>
/// <param name="With">
/// The parts of <see cref="ExplorationAlphabet"/> the explorer adds to the failover events to reach the bug (<c>explore
/// --with</c>): bugs of replication and Stateful Failover show only with configuration commands or connections.
/// </param>
public sealed record BrokenVariant(string Name, IReadOnlyList<string> CaughtBy, Func<PairConfig, FailoverPair> Make, PairConfig Config, IReadOnlyList<string>? With = null)
{
    /// <summary>The alphabet the explorer tries the variant with.</summary>
    public IReadOnlyList<Event> Alphabet => ExplorationAlphabet.For(Config, With ?? []);

    public override string ToString() => Name;
}

/// <summary>
/// Deliberately wrong pairs, built through the internal seam production code does not use. Each must be caught by the
/// explorer and by the random runs, or the invariants prove nothing; and every invariant catches at least one of them,
/// or it proves nothing either. Invariants that share a variant are listed together in <see cref="BrokenVariant.CaughtBy"/>;
/// each of them catches it alone.
/// </summary>
public static class BrokenVariants
{
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

    public static readonly IReadOnlyList<BrokenVariant> List =
    [
        // Unit health monitoring ignored: a unit that misses its hellos declares its mate failed without LANTEST, so a
        // live mate behind a failed failover link is taken over (row 7's "cannot fail over while the failover link is down").
        new("DeclaresALiveMateFailedOnMissedHellosAlone", [nameof(NoUnitDeclaresItsMateFailedWhileTheMateAnswers)], config => new FailoverPair(config, GroupRules.All, monitoring: new FailoverPair.HealthMonitoring(
            outcome => outcome == MateContact.DataInterfaces ? MateContact.Failed : outcome, TimesOut: true)), Config),

        // The holdtime never runs out: a silent mate is believed in for ever, its groups never taken over.
        new("NeverTimesOutASilentMate", [nameof(EveryGroupIsActiveWhereAUnitCanServeIt)], config => new FailoverPair(config, GroupRules.All, monitoring: new FailoverPair.HealthMonitoring(outcome => outcome, TimesOut: false)), Config),

        // "Restoration of a Failed Unit" ignored: preempt never takes a group back.
        new("IgnoresPreempt", [nameof(PreemptTakesBackOnlyWhatItMay)], config => new FailoverPair(config, GroupRules.All.Where(t => t.Trigger != GroupTrigger.Preempt)), Config),

        // Preempt is configured but never armed: a group that becomes available on its preferred unit is not owed it.
        new("PreemptNeverArms", [nameof(PreemptTakesBackOnlyWhatItMay)], config => new FailoverPair(config, GroupRules.All.Select(t => t with { ArmsPreempt = false })), Config),

        // Row 3 ignored: a failed standby group takes over as soon as the mate's hellos stop, before any LANTEST.
        new("LetsAFailedStandbyTakeOverALiveMate", [nameof(AFailedStandbyGroupNeverBecomesActive)], config => new FailoverPair(config, GroupRules.All.Append(
            new GroupTransition(GroupState.Failed, GroupTrigger.MateLost, GroupState.JustActive, new GroupGuard("hellos stopped", c => !c.Has(GroupConditions.MateRunsFailover) && c.Has(GroupConditions.UnitRunsFailover)), "broken", GroupReasons.HelloNotHeard))), Config),

        // "Disabled Failover": with failover disabled the groups "remain in the active state on whichever unit they are
        // currently active on"; here a forced failover still moves them.
        new("ForcesRolesWithFailoverDisabled", [nameof(NoFailoverFreezesRolesAndFailedGroupsStayFailed)], config => Deviating(config, new Deviations { ForcesWithFailoverDisabled = true }), Config),

        // Row 7 and unit health monitoring skipped: a standby group takes over as soon as hellos stop, before LANTEST could
        // show the mate alive on a data interface.
        new("TakesOverWhenHellosStop", [nameof(NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers)], config => new FailoverPair(config, GroupRules.All.Append(
            new GroupTransition(GroupState.StandbyReady, GroupTrigger.MateLost, GroupState.JustActive, new GroupGuard("hellos stopped", c => !c.Has(GroupConditions.FailoverLinkUp) && c.Has(GroupConditions.UnitRunsFailover)), "broken", GroupReasons.HelloNotHeard))), Config),

        // The seed's "above threshold" read literally: one interface too many before a group fails.
        new("CountsTheThresholdOffByOne", [nameof(AGroupFailsOverOnInterfacesOnlyAtItsThreshold)], config => new FailoverPair(config, GroupRules.All,
            (policy, failed, monitored) => policy.IsPercentage ? failed * 100 > policy.Value * monitored : failed > policy.Value), Config),

        // A forced failover without the mate's half: "failover active" on one unit leaves the group active on the other too.
        new("ForcesAFailoverWithoutTheMate", [nameof(ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp)], config => Deviating(config, new Deviations { ForcesWithoutTheMate = true }), Config),

        // The failover link, once marked failed, is never cleared: each unit keeps showing its mate behind a failed link.
        new("NeverClearsAFailedFailoverLink", [nameof(EveryUnitShowsItsMateAsItIsOnceThePairIsQuiet)], config => Deviating(config, new Deviations { NeverClearsAFailedFailoverLink = true }), Config),

        // Command Replication never runs: a change typed where its context is active stays on that unit.
        new("NeverReplicates", [nameof(AChangeOnTheRightUnitReachesThePeer)], config => Deviating(config, new Deviations { NeverReplicates = true }), Config, With: ["configure"]),

        // A context's change replicated into the mate's system execution space: the system spaces diverge on a context command.
        new("ReplicatesContextChangesIntoTheSystemSpace", [nameof(ConfigurationsDivergeOnlyThroughCommandsNotReplicated), nameof(AChangeOnTheRightUnitReachesThePeer)], config => Deviating(config, new Deviations { ReplicatesContextChangesIntoTheSystemSpace = true }), Config, With: ["configure"]),

        // Stateful Failover passing HTTP without "replication http": HTTP connections survive a failover they should not.
        new("ReplicatesHttpWithoutReplicationHttp", [nameof(OnlyReplicatedConnectionsSurviveAFailover)], config => Deviating(config, new Deviations { ReplicatesEveryConnection = true }), Config, With: ["connect"]),

        // Every context passes its traffic in failover group 1: context2 of the seed, in group 2, follows the wrong group.
        new("OpensEveryConnectionInGroupOne", [nameof(EveryContextFollowsItsGroup)], config => Deviating(config, new Deviations { OpensEveryConnectionInGroupOne = true }), BuiltInConfigurations.SeedLanExample, With: ["connect"]),
    ];

    public static readonly IReadOnlyDictionary<string, Func<PairConfig, FailoverPair>> All = List.ToDictionary(v => v.Name, v => v.Make);

    public static BrokenVariant Named(string name) => List.Single(v => v.Name == name);

    private static FailoverPair Deviating(PairConfig config, Deviations deviations) => new(config, GroupRules.All, deviations: deviations);
}
