using FailoverModel.Machines;
using FailoverModel.Rules;
using static FailoverModel.Machines.GroupConditions;

namespace FailoverModel.Tests.Machines;

public class FailoverGroupMachineTests
{
    private static readonly FailoverGroupMachine Machine = new(GroupRules.All);

    private static readonly GroupConditions Talking = UnitRunsFailover | FailoverLinkUp | MateRunsFailover | MateAnswers;

    /// <summary>Stateless refuses two permitted exits for one trigger; the rules must never offer two under any guard inputs.</summary>
    [Fact]
    public void AtMostOneRuleAppliesForEveryStateTriggerAndGuardInput()
    {
        foreach (var state in GroupStates.All)
        {
            foreach (var trigger in Enum.GetValues<GroupTrigger>())
            {
                var rules = GroupRules.All.Where(t => t.From == state && t.Trigger == trigger).ToList();
                for (var c = 0; c < GroupConditionsExtensions.Combinations; c++)
                {
                    var holding = rules.Count(r => r.Guard.Holds((GroupConditions)c));
                    Assert.True(holding <= 1, $"{state} on {trigger} under {(GroupConditions)c}: {holding} rules hold");
                }
            }
        }
    }

    /// <summary>The Stateless machine takes exactly the declared rule for every (state, trigger, guard inputs).</summary>
    [Fact]
    public void TheStatelessMachineAgreesWithTheRulesOnEveryInput()
    {
        foreach (var state in GroupStates.All)
        {
            foreach (var trigger in Enum.GetValues<GroupTrigger>())
            {
                for (var c = 0; c < GroupConditionsExtensions.Combinations; c++)
                {
                    var conditions = (GroupConditions)c;
                    var declared = GroupRules.All.SingleOrDefault(t => t.From == state && t.Trigger == trigger && t.Guard.Holds(conditions));
                    Assert.Equal(declared, Machine.Fire(state, trigger, conditions));
                }
            }
        }
    }

    [Fact]
    public void AStandbyGroupTakesOverAMateItHasDeclaredFailedWhetherTheFailoverLinkIsUpOrNot()
    {
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, UnitRunsFailover | FailoverLinkUp | MateUnitDown)?.To);
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, UnitRunsFailover | MateUnitDown)?.To);
        Assert.Null(Machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, UnitRunsFailover | FailoverLinkUp | MateRunsFailover | MateGroupActive));
    }

    [Fact]
    public void AFailedStandbyCopyTakesOverADeadMateButNotALiveOne()
    {
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.Failed, GroupTrigger.MateUnitFailure, UnitRunsFailover | MateUnitDown | ThresholdReached)?.To);
        Assert.Null(Machine.Fire(GroupState.Failed, GroupTrigger.MateUnitFailure, Talking | MateGroupActive | ThresholdReached));
    }

    [Fact]
    public void AnActiveGroupAboveThresholdFailsOnlyWhenTheStandbyIsReadyAndHealthier()
    {
        var aboveThreshold = Talking | ThresholdReached | MoreFailedThanMate;
        Assert.Equal(GroupState.Failed, Machine.Fire(GroupState.Active, GroupTrigger.InterfaceFailureOnActiveGroup, aboveThreshold | MateGroupStandbyReady)?.To);
        Assert.Null(Machine.Fire(GroupState.Active, GroupTrigger.InterfaceFailureOnActiveGroup, aboveThreshold));
        Assert.Null(Machine.Fire(GroupState.Active, GroupTrigger.InterfaceFailureOnActiveGroup, Talking | ThresholdReached | MateGroupStandbyReady));
        Assert.Null(Machine.Fire(GroupState.Active, GroupTrigger.InterfaceFailureOnActiveGroup, Talking | MoreFailedThanMate | MateGroupStandbyReady));
        Assert.Null(Machine.Fire(GroupState.Active, GroupTrigger.InterfaceFailureOnActiveGroup, (aboveThreshold | MateGroupStandbyReady) & ~MateAnswers));
    }

    [Fact]
    public void ABootingGroupBecomesActiveWithoutAnActiveMateAndStandbyWithOne()
    {
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.Negotiation, GroupTrigger.NoActiveUnitFound, UnitRunsFailover | FailoverLinkUp)?.To);
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.Negotiation, GroupTrigger.FailoverLinkFailedAtStartup, UnitRunsFailover)?.To);
        Assert.Equal(GroupState.ColdStandby, Machine.Fire(GroupState.Negotiation, GroupTrigger.ActiveMateDetected, Talking | MateGroupActive)?.To);
        Assert.Null(Machine.Fire(GroupState.Negotiation, GroupTrigger.NoActiveUnitFound, Talking | MateGroupActive));
    }

    [Fact]
    public void SimultaneousBootMakesOnlyThePreferredUnitActive()
    {
        Assert.Equal(GroupState.JustActive, Machine.Fire(GroupState.Negotiation, GroupTrigger.BothUnitsBooted, Talking | MateGroupNegotiating | PreferredUnit)?.To);
        Assert.Null(Machine.Fire(GroupState.Negotiation, GroupTrigger.BothUnitsBooted, Talking | MateGroupNegotiating));
    }

    [Fact]
    public void AFailedGroupRecoversToStandbyOnlyBelowTheThreshold()
    {
        Assert.Equal(GroupState.StandbyReady, Machine.Fire(GroupState.Failed, GroupTrigger.FormerlyActiveGroupRecovers, Talking)?.To);
        Assert.Null(Machine.Fire(GroupState.Failed, GroupTrigger.FormerlyActiveGroupRecovers, Talking | ThresholdReached));
        Assert.True(Machine.Fire(GroupState.Failed, GroupTrigger.FormerlyActiveGroupRecovers, Talking)!.ArmsPreempt);
    }

    [Fact]
    public void AJoiningGroupPassesEverySyncStateOnItsWayToStandbyReady()
    {
        var state = GroupState.ColdStandby;
        var visited = new List<GroupState> { state };
        foreach (var trigger in new[] { GroupTrigger.ConfigReplicationBegins, GroupTrigger.ConfigReplicationEnds, GroupTrigger.FileSystemSynced, GroupTrigger.BulkSyncCompletes })
        {
            state = Machine.Fire(state, trigger, Talking | MateGroupActive)!.To;
            visited.Add(state);
        }

        Assert.Equal([GroupState.ColdStandby, GroupState.SyncConfig, GroupState.SyncFileSystem, GroupState.BulkSync, GroupState.StandbyReady], visited);
        Assert.Equal(GroupState.Negotiation, Machine.Fire(GroupState.BulkSync, GroupTrigger.MateLost, Talking)?.To);

        // A mate that stopped answering but is not yet timed out is still believed in: the sync waits, it is not given up.
        var silent = (Talking | MateGroupActive) & ~MateAnswers;
        Assert.Null(Machine.Fire(GroupState.BulkSync, GroupTrigger.BulkSyncCompletes, silent));
        Assert.Null(Machine.Fire(GroupState.BulkSync, GroupTrigger.MateLost, silent));
    }

    /// <summary>A rule that stays in its state is a Stateless reentry: the machine must permit it and name the rule, under its guard only.</summary>
    [Fact]
    public void ARuleThatStaysInItsStateFiresAsAReentryUnderItsGuard()
    {
        var stay = new GroupTransition(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, GroupState.StandbyReady, new GroupGuard("link up", c => c.Has(FailoverLinkUp)), "test", "Stays");
        var machine = new FailoverGroupMachine([stay]);

        Assert.Same(stay, machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, Talking));
        Assert.Same(stay, machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, Talking));
        Assert.Null(machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, UnitRunsFailover));
        Assert.Null(machine.Fire(GroupState.Active, GroupTrigger.MateUnitFailure, Talking));
        Assert.Equal([GroupTrigger.MateUnitFailure], machine.PermittedTriggers(GroupState.StandbyReady, Talking));
    }

    /// <summary>Two rules to the same state on one trigger are told apart by their guards, not by their target.</summary>
    [Fact]
    public void OfTwoRulesToTheSameStateTheOneWhoseGuardHoldsIsNamed()
    {
        var up = new GroupTransition(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, GroupState.JustActive, new GroupGuard("link up", c => c.Has(FailoverLinkUp)), "test", "Up");
        var down = new GroupTransition(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, GroupState.JustActive, new GroupGuard("link down", c => !c.Has(FailoverLinkUp)), "test", "Down");
        var machine = new FailoverGroupMachine([up, down]);

        Assert.Same(down, machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, UnitRunsFailover));
        Assert.Same(up, machine.Fire(GroupState.StandbyReady, GroupTrigger.MateUnitFailure, Talking));
    }
}
