using FailoverModel.Machines;
using FailoverModel.Rules;

namespace FailoverModel.Tests.Rules;

/// <summary>
/// The words the model prints are the sources' words: each row of the failure-event table quotes the seed's table line
/// exactly, the actions and policies read as the seed's columns do, and ASA's state names are the scenario language's
/// list (docs/scenario-language.md). The seed's table is kept as published in tests/fixtures/seed; the ASA facts
/// beyond the seed are stated in docs/sources.md.
/// </summary>
public class SeedWordingTests
{
    private static readonly string Seed = File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "seed", "failure-event-table.txt"))
        + File.ReadAllText(RepositoryFiles.Path("tests", "fixtures", "seed", "verify.txt"));

    private static readonly string Language = File.ReadAllText(RepositoryFiles.Path("docs", "scenario-language.md"));
    private static readonly string Facts = File.ReadAllText(RepositoryFiles.Path("docs", "sources.md"));

    public static TheoryData<int> Rows() => [.. FailureEventTable.Rows.Select(r => r.Number)];

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachRowQuotesTheSeedsTableLine(int number)
    {
        var row = FailureEventTable.Rows.Single(r => r.Number == number);

        Assert.Contains(string.Join('\t', row.SeedEvent, row.SeedPolicy, row.SeedActiveGroupAction, row.SeedStandbyGroupAction, row.SeedNotes) + "\n", Seed.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(row.SeedPolicy, FailureEventRow.Display(row.Policy));
        Assert.Equal($"table row {number}: {row.SeedEvent}", row.Source);
    }

    /// <summary>The model's action reads as the seed's column, but for the full stop the seed omits once and row 1's corrected standby action.</summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public void EachActionReadsAsTheSeedsColumn(int number)
    {
        var row = FailureEventTable.Rows.Single(r => r.Number == number);

        Assert.Equal(row.SeedActiveGroupAction.Replace("standby Mark", "standby. Mark", StringComparison.Ordinal), FailureEventRow.Display(row.ActiveGroupAction));
        var standby = FailureEventRow.Display(row.StandbyGroupAction);
        if (row.Correction is null)
        {
            Assert.Equal(row.SeedStandbyGroupAction, standby);
        }
        else
        {
            Assert.Contains($"\"{standby}\"", row.Correction, StringComparison.Ordinal);
            Assert.Contains(standby, Facts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheGroupStatesAreTheScenarioLanguagesListInItsOrder()
    {
        var line = Language[Language.IndexOf("Group states use ASA's display names:", StringComparison.Ordinal)..];
        line = line[..line.IndexOf(". In scenario files", StringComparison.Ordinal)];
        var listed = line.Split('`').Where((_, i) => i % 2 == 1).ToArray();

        Assert.Equal(listed, GroupStates.All.Select(s => s.Display()));
        foreach (var state in GroupStates.All)
        {
            Assert.True(GroupStates.TryParse(state.Display(), out var byName) && byName == state, state.Display());
            Assert.True(GroupStates.TryParse(state.Display().ToUpperInvariant(), out var byCase) && byCase == state, state.Display());
            Assert.True(GroupStates.TryParse(state.Token(), out var byToken) && byToken == state, state.Token());
            Assert.Equal(state.Display().ToLowerInvariant().Replace(' ', '-'), state.Token());
        }

        Assert.False(GroupStates.TryParse("Standby", out _));
    }

    [Fact]
    public void TheSynchronizingAndActiveFamiliesAreTheSeedsTransitionalStates()
    {
        Assert.Equal([GroupState.ColdStandby, GroupState.SyncConfig, GroupState.SyncFileSystem, GroupState.BulkSync], GroupStates.All.Where(s => s.IsSynchronizing()));
        Assert.Equal([GroupState.JustActive, GroupState.ActiveDrain, GroupState.ActiveApplyingConfig, GroupState.ActiveConfigApplied, GroupState.Active], GroupStates.All.Where(s => s.IsActive()));
    }

    /// <summary>
    /// Every Last Failure Reason the model prints comes from the sources (docs/sources.md) or the seed, except "Unit Failure", the model's
    /// name for a group failed with its unit, for which no public source gives ASA's text (README, decisions).
    /// </summary>
    [Fact]
    public void EveryLastFailureReasonIsAWordOfTheSourcesAndParsesBack()
    {
        foreach (var reason in Enum.GetValues<FailureReason>())
        {
            if (reason != FailureReason.UnitFailure)
            {
                Assert.True(Facts.Contains(reason.Display(), StringComparison.Ordinal) || Seed.Contains(reason.Display(), StringComparison.Ordinal), reason.Display());
            }

            Assert.True(FailureReasons.TryParse(reason.Display(), out var parsed) && parsed == reason, reason.Display());
        }

        Assert.Equal(Enum.GetValues<FailureReason>().Length, Enum.GetValues<FailureReason>().Select(r => r.Display()).Distinct().Count());
        Assert.False(FailureReasons.TryParse("Power Failure", out _));
    }

    [Fact]
    public void LinksAndUnitStatusesAreWrittenAsTheSchemaSays()
    {
        var schema = File.ReadAllText(RepositoryFiles.Path("docs", "schema", "state.schema.json"));

        Assert.Equal(["not-configured", "up", "down"], Enum.GetValues<LinkStatus>().Select(s => s.Token()));
        Assert.Equal(["failover", "state"], Enum.GetValues<LinkKind>().Select(k => k.Token()));
        foreach (var status in Enum.GetValues<UnitStatus>())
        {
            Assert.Contains($"\"{status.Display()}\"", schema, StringComparison.Ordinal);
        }

        Assert.Equal(
            [UnitStatus.PoweredOff, UnitStatus.Reloading, UnitStatus.HardwareFailed],
            Enum.GetValues<UnitStatus>().Where(s => s.IsDown()));
        Assert.Equal([UnitStatus.FailoverOff, UnitStatus.FailoverOn], Enum.GetValues<UnitStatus>().Where(s => s.IsRunning()));
    }
}
