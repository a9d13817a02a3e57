using FailoverModel.Checking;
using FailoverModel.Invariants;
using FailoverModel.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Properties.Invariants;

/// <summary>
/// Every invariant of the seed over random runs on random configurations: each property folds a run over the model and
/// checks its invariant after every step, internal steps included. A failure shrinks to a minimal run and prints it as a
/// scenario; FsCheck prints the seed to replay it. <c>FAILOVER_SOAK=1</c> runs fifty times more.
/// </summary>
public class SeedInvariantProperties
{
    private static readonly int Runs = Environment.GetEnvironmentVariable("FAILOVER_SOAK") is "1" ? 10_000 : 200;

    [Fact]
    public void ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp() => Holds<ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp>();

    [Fact]
    public void NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers() => Holds<NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers>();

    [Fact]
    public void AFailedStandbyGroupNeverBecomesActive() => Holds<AFailedStandbyGroupNeverBecomesActive>();

    [Fact]
    public void AGroupFailsOverOnInterfacesOnlyAtItsThreshold() => Holds<AGroupFailsOverOnInterfacesOnlyAtItsThreshold>();

    [Fact]
    public void EveryContextFollowsItsGroup() => Holds<EveryContextFollowsItsGroup>();

    [Fact]
    public void EveryGroupIsActiveWhereAUnitCanServeIt() => Holds<EveryGroupIsActiveWhereAUnitCanServeIt>();

    [Fact]
    public void PreemptTakesBackOnlyWhatItMay() => Holds<PreemptTakesBackOnlyWhatItMay>();

    [Fact]
    public void NoFailoverFreezesRolesAndFailedGroupsStayFailed() => Holds<NoFailoverFreezesRolesAndFailedGroupsStayFailed>();

    private static void Holds<T>()
        where T : Invariant, new()
    {
        var invariant = new T();
        var property = Prop.ForAll(RandomRuns.Arbitrary(40), run =>
        {
            var verdict = RunChecker.Check(run, [invariant]);
            var property = (verdict.Violation is null).Label($"{verdict.Violation}\n{run}");

            // Show that the interesting paths were taken: how many runs exercised each row of the table.
            foreach (var row in FailureEventTable.Rows)
            {
                property = property.Classify(verdict.Rows.Contains(row.Event), $"row {row.Number}");
            }

            return property;
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true).WithName(invariant.Name));
    }
}
