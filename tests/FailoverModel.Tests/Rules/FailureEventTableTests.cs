using FailoverModel.Machines;
using FailoverModel.Rules;

namespace FailoverModel.Tests.Rules;

public class FailureEventTableTests
{
    [Fact]
    public void TheTableHasTheSeedsSevenRowsInOrder()
    {
        Assert.Equal(7, FailureEventTable.Rows.Length);
        Assert.Equal(Enumerable.Range(1, 7), FailureEventTable.Rows.Select(r => r.Number));
        Assert.Equal("Failover link failed during operation", FailureEventTable.Rows[^1].SeedEvent);
    }

    /// <summary>Every action column that changes a group is carried by a rule of the machine citing its row, and nothing else cites a row.</summary>
    [Fact]
    public void EveryActionOfTheTableIsARuleOfTheGroupMachine()
    {
        foreach (var row in FailureEventTable.Rows)
        {
            foreach (var (action, trigger) in new[] { (row.ActiveGroupAction, row.ActiveTrigger), (row.StandbyGroupAction, row.StandbyTrigger) })
            {
                if (FailureEventRow.Target(action) is not { } target)
                {
                    continue;
                }

                Assert.Contains(GroupRules.All, t => t.Trigger == trigger && t.To == target && t.Source == row.Source);
            }
        }
    }

    [Fact]
    public void OnlyRowsWithTheFailoverPolicyMakeAStandbyGroupActive()
    {
        foreach (var row in FailureEventTable.Rows.Where(r => r.Event != FailureEvent.FailoverLinkFailedAtStartup))
        {
            var standbyBecomesActive = FailureEventRow.Target(row.StandbyGroupAction) == GroupState.JustActive;
            Assert.Equal(row.Policy == FailoverPolicy.Failover, standbyBecomesActive);
        }
    }

    [Fact]
    public void RowOneCarriesCiscosCorrectionOfTheSeedsStandbyAction()
    {
        var row = FailureEventTable.Row(FailureEvent.UnitFailure);
        Assert.Equal(GroupAction.BecomeActiveMarkActiveAsFailed, row.StandbyGroupAction);
        Assert.Equal("Become standby. Mark active as failed", row.SeedStandbyGroupAction);
        Assert.NotNull(row.Correction);
    }
}
