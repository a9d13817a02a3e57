using FailoverModel.Machines;
using FailoverModel.Rules;
using static FailoverModel.Machines.GroupConditions;

namespace FailoverModel.Tests.Rules;

/// <summary>
/// Each guard needs every condition the seed states for it, and nothing more: it holds when all of them hold (whatever
/// else does), and fails when any one of them is missing. The condition sets restate the seed's sentences the guards cite.
/// </summary>
public class GroupGuardTests
{
    public static TheoryData<string, GroupConditions> Conjunctions() => new()
    {
        // "peer unit active": the unit hears the mate with the group active; an exchange also needs the mate to answer.
        { "ActiveMateHeard", FailoverLinkUp | MateRunsFailover | MateGroupActive },
        { "ActiveMateAnswers", FailoverLinkUp | MateRunsFailover | MateGroupActive | MateAnswers },
        { "StandbyMateAnswers", FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady | MateAnswers },
        // "When both units boot at the same time, each failover group becomes active on its preferred unit".
        { "PreferredUnitAtSimultaneousBoot", FailoverLinkUp | MateRunsFailover | MateGroupNegotiating | PreferredUnit | MateAnswers },
        // Row 1 with unit health monitoring: the peer declared failed (no answer on any interface), link up or down.
        { "MateDeclaredFailed", MateUnitDown },
        // Row 2 with row 3's note: threshold reached, the standby group Standby Ready and healthier, the link up.
        { "ActiveGroupAboveThreshold", FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady | ThresholdReached | MoreFailedThanMate | MateAnswers },
        // "Restoration of a Failed Unit": preempt, on the preferred unit, with the peer active and answering.
        { "PreemptOnPreferredUnit", FailoverLinkUp | MateRunsFailover | MateGroupActive | PreferredUnit | PreemptArmed | MateAnswers },
        { "StandbyGroupAboveThreshold", ThresholdReached },
    };

    [Theory]
    [MemberData(nameof(Conjunctions))]
    public void AGuardHoldsExactlyWhenEveryConditionOfItsSentenceHolds(string name, GroupConditions required)
    {
        var guard = (GroupGuard)typeof(GroupGuards).GetField(name)!.GetValue(null)!;
        var all = (GroupConditions)(GroupConditionsExtensions.Combinations - 1);

        Assert.True(guard.Holds(required), $"{name} fails with exactly its conditions");
        Assert.True(guard.Holds(all), $"{name} fails with every condition");
        foreach (var flag in Enum.GetValues<GroupConditions>().Where(f => f != None && (required & f) != 0))
        {
            Assert.False(guard.Holds(required & ~flag), $"{name} holds without {flag}");
            Assert.False(guard.Holds(all & ~flag), $"{name} holds without {flag} although everything else holds");
        }
    }

    [Fact]
    public void NoActiveMateMeansNoAnsweringPeerThatIsActiveOrNegotiating()
    {
        var guard = GroupGuards.NoActiveMate;

        Assert.True(guard.Holds(FailoverLinkUp));
        Assert.True(guard.Holds(FailoverLinkUp | MateGroupActive), "a mate that does not run failover does not count");
        Assert.True(guard.Holds(FailoverLinkUp | MateRunsFailover | MateGroupStandbyReady));
        Assert.False(guard.Holds(FailoverLinkUp | MateRunsFailover | MateGroupActive));
        Assert.False(guard.Holds(FailoverLinkUp | MateRunsFailover | MateGroupNegotiating));
        Assert.False(guard.Holds(None), "with the link down the startup rule of row 5 applies instead");
    }

    [Fact]
    public void TheActivePeerIsLostExactlyWhenTheUnitNoLongerHearsIt()
    {
        Assert.False(GroupGuards.ActiveMateLost.Holds(FailoverLinkUp | MateRunsFailover | MateGroupActive), "a silent mate not yet timed out is still heard");
        Assert.True(GroupGuards.ActiveMateLost.Holds(MateRunsFailover | MateGroupActive));
        Assert.True(GroupGuards.ActiveMateLost.Holds(FailoverLinkUp | MateGroupActive));
        Assert.True(GroupGuards.FailoverLinkDown.Holds(MateRunsFailover));
        Assert.False(GroupGuards.FailoverLinkDown.Holds(FailoverLinkUp));
        Assert.True(GroupGuards.ThresholdNoLongerReached.Holds(FailoverLinkUp));
        Assert.False(GroupGuards.ThresholdNoLongerReached.Holds(ThresholdReached));
        Assert.True(GroupGuards.ActiveMateOnPreferredUnit.Holds(FailoverLinkUp | MateRunsFailover | MateGroupActive | MateAnswers));
        Assert.False(GroupGuards.ActiveMateOnPreferredUnit.Holds(FailoverLinkUp | MateRunsFailover | MateGroupActive));
        Assert.False(GroupGuards.ActiveMateOnPreferredUnit.Holds(FailoverLinkUp | MateRunsFailover | MateGroupActive | PreferredUnit | MateAnswers));
        Assert.False(GroupGuards.ActiveMateOnPreferredUnit.Holds(MateRunsFailover | MateGroupActive));
    }

    [Fact]
    public void AGuardAndAnotherNeedBoth()
    {
        var both = GroupGuards.StandbyGroupAboveThreshold.And(GroupGuards.FailoverLinkDown);

        Assert.Equal("threshold reached and failover link down", both.Description);
        Assert.True(both.Holds(ThresholdReached));
        Assert.False(both.Holds(ThresholdReached | FailoverLinkUp));
        Assert.False(both.Holds(None));
    }
}
