using FailoverModel.Pair;

namespace FailoverModel.Tests.Pair;

/// <summary>The revision sets behind "Command Replication" and "Configuration Synchronization": each operation touches only what the seed says.</summary>
public class UnitConfigurationTests
{
    private static readonly UnitConfiguration Empty = UnitConfiguration.Empty(3);

    [Fact]
    public void AnEmptyConfigurationIsSharedAndHoldsNothing()
    {
        Assert.Same(Empty, UnitConfiguration.Empty(3));
        Assert.Same(UnitConfiguration.Empty(64), UnitConfiguration.Empty(64));
        Assert.NotSame(UnitConfiguration.Empty(65), UnitConfiguration.Empty(65));
        Assert.Equal(UnitConfiguration.Empty(65), UnitConfiguration.Empty(65));
        Assert.Equal(3, Empty.Spaces);
        Assert.True(Empty.IsEmpty);
        Assert.Equal("0:0/0 1:0/0 2:0/0", Empty.ToString());
    }

    [Fact]
    public void AChangeJoinsTheRunningConfigurationOfItsSpaceOnly()
    {
        var changed = Empty.WithChange(1, 5).WithChange(1, 0).WithChange(2, 63);

        Assert.Equal(0b100001UL, changed.Running(1));
        Assert.Equal(1UL << 63, changed.Running(2));
        Assert.Equal(0UL, changed.Running(0));
        Assert.Equal(0UL, changed.Startup(1));
        Assert.False(changed.IsEmpty);
        Assert.Equal("0:0/0 1:21/0 2:8000000000000000/0", changed.ToString());
        Assert.Same(changed, changed.WithChange(1, 5));
        Assert.Same(changed, changed.WithRunning(2, 1UL << 63));
        Assert.True(Empty.IsEmpty);
    }

    [Fact]
    public void SavingCopiesRunningToStartupInOneSpace()
    {
        var changed = Empty.WithChange(0, 1).WithChange(2, 2);
        var saved = changed.Saved(2);

        Assert.Equal(4UL, saved.Startup(2));
        Assert.Equal(0UL, saved.Startup(0));
        Assert.Equal(changed.Running(0), saved.Running(0));
        Assert.Same(saved, saved.Saved(2));
        Assert.Same(Empty, Empty.Saved(1));
        Assert.False(Empty.WithChange(0, 0).Saved(0).IsEmpty);
        Assert.False(Empty.WithChange(0, 0).Saved(0).WithRunning(0, 0).IsEmpty);
    }

    [Fact]
    public void BootingRunsTheStartupConfiguration()
    {
        var saved = Empty.WithChange(1, 0).Saved(1);
        var unsaved = saved.WithChange(1, 3).WithChange(2, 1);
        var booted = unsaved.RevertedToStartup();

        Assert.Equal(1UL, booted.Running(1));
        Assert.Equal(0UL, booted.Running(2));
        Assert.Equal(saved, booted);
        Assert.Same(saved, saved.RevertedToStartup());
        Assert.Equal(2UL, unsaved.Running(2));
    }

    [Fact]
    public void SynchronizationTakesEveryRunningSpaceButKeepsTheStartupConfiguration()
    {
        var sender = Empty.WithChange(0, 2).WithChange(2, 0);
        var receiver = Empty.WithChange(1, 1).Saved(1);
        var synced = receiver.RunningFrom(sender);

        Assert.True(synced.RunningEquals(sender));
        Assert.Equal(2UL, synced.Startup(1));
        Assert.Equal(0UL, synced.Running(1));
        Assert.Same(synced, synced.RunningFrom(sender));
        Assert.False(receiver.RunningEquals(sender));
        Assert.True(receiver.RunningEquals(sender, 0) is false && receiver.RunningEquals(sender, 2) is false);
        Assert.True(synced.RunningEquals(sender, 1));
        Assert.False(receiver.RunningEquals(sender, 1));
        Assert.True(Empty.RunningEquals(receiver, 0));
    }

    [Fact]
    public void ConfigurationsAreEqualByValue()
    {
        var a = Empty.WithChange(1, 1).Saved(1);
        var b = Empty.WithChange(1, 1).Saved(1);

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Empty.WithChange(1, 1));
        Assert.NotEqual(a, Empty.WithChange(2, 1).Saved(2));
        Assert.NotEqual(Empty.WithChange(1, 1), Empty.WithChange(2, 1));
        Assert.NotEqual(Empty.WithChange(1, 1).Saved(1).WithRunning(1, 0), Empty.WithChange(2, 1).Saved(2).WithRunning(2, 0));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object?)"0:0/0"));
        Assert.True(a.Equals(a));
    }

    [Fact]
    public void ChangesAreNumberedPerSpaceInTheOrderTheyAreFirstEntered()
    {
        var changes = new ConfigurationChanges();

        Assert.Equal(0, changes.Number(1, "route a"));
        Assert.Equal(1, changes.Number(1, "route b"));
        Assert.Equal(0, changes.Number(2, "route b"));
        Assert.Equal(0, changes.Number(1, "route a"));
        Assert.Equal(1, changes.Find(1, "route b"));
        Assert.Null(changes.Find(0, "route a"));
        Assert.Equal(["route b"], changes.Texts(1, 0b10));
        Assert.Equal(["route a", "route b"], changes.Texts(1, 0b11));
        Assert.Empty(changes.Texts(3, ulong.MaxValue));
    }

    [Fact]
    public void ASpaceHoldsAtMostSixtyFourChanges()
    {
        var changes = new ConfigurationChanges();
        for (var i = 0; i < ConfigurationChanges.MaxPerSpace; i++)
        {
            Assert.Equal(i, changes.Number(0, $"name 10.0.0.{i} host{i}"));
        }

        Assert.Null(changes.Number(0, "one too many"));
        Assert.Equal(63, changes.Number(0, "name 10.0.0.63 host63"));
        Assert.Equal(0, changes.Number(1, "one too many"));
        Assert.Equal(64, changes.Texts(0, ulong.MaxValue).Count());
    }
}
