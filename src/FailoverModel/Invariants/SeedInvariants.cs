using System.Collections.Immutable;

namespace FailoverModel.Invariants;

/// <summary>Every invariant of the seed, checked by the explorer, the properties and the random checker alike.</summary>
public static class SeedInvariants
{
    /// <summary>The thirteen named safety properties of the seed, in the order they are checked and reported.</summary>
    public static readonly ImmutableArray<Invariant> All =
    [
        new ExactlyOneActivePerGroupWhileTheFailoverLinkIsUp(),
        new NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers(),
        new AFailedStandbyGroupNeverBecomesActive(),
        new AGroupFailsOverOnInterfacesOnlyAtItsThreshold(),
        new EveryContextFollowsItsGroup(),
        new EveryGroupIsActiveWhereAUnitCanServeIt(),
        new PreemptTakesBackOnlyWhatItMay(),
        new NoFailoverFreezesRolesAndFailedGroupsStayFailed(),
        new AChangeOnTheRightUnitReachesThePeer(),
        new ConfigurationsDivergeOnlyThroughCommandsNotReplicated(),
        new OnlyReplicatedConnectionsSurviveAFailover(),
        new NoUnitDeclaresItsMateFailedWhileTheMateAnswers(),
        new EveryUnitShowsItsMateAsItIsOnceThePairIsQuiet(),
    ];

    /// <summary>The first violated invariant of a step and its evidence, or null when all hold.</summary>
    public static (Invariant Invariant, string Evidence)? FirstViolation(InvariantContext step, IEnumerable<Invariant>? invariants = null)
    {
        foreach (var invariant in invariants ?? All)
        {
            if (invariant.Check(step) is { } evidence)
            {
                return (invariant, evidence);
            }
        }

        return null;
    }
}
