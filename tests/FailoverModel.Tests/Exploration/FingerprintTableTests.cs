using FailoverModel.Exploration.Store;

namespace FailoverModel.Tests.Exploration;

/// <summary>The fingerprint table is a set: it holds exactly what was added, through every doubling in place, until its budget is full.</summary>
public class FingerprintTableTests
{
    [Theory]
    [InlineData(1, 50_000)]
    [InlineData(2, 200_000)]
    public void TheTableHoldsExactlyTheFingerprintsAddedThroughEveryDoubling(int seed, int count)
    {
        var random = new Random(seed);
        using var table = new FingerprintTable(1L << 30);
        var added = new HashSet<ulong>();
        for (var i = 0; i < count; i++)
        {
            // Clusters of near fingerprints as well as spread ones: the ordered runs and the spare run at the end are exercised.
            var f = random.Next(4) switch
            {
                0 => ulong.MaxValue - (ulong)random.Next(1_000),
                1 => 1 + (ulong)random.Next(1_000),
                _ => (ulong)random.NextInt64() | 1,
            };
            Assert.Equal(added.Add(f), table.Add(f));
        }

        Assert.Equal(added.Count, table.Count);
        Assert.True(table.HomeSlots > 1 << 12, "the table never doubled");
        Assert.All(added, f => Assert.True(table.Contains(f)));
        for (var i = 0; i < 10_000; i++)
        {
            var f = (ulong)random.NextInt64() | 1;
            Assert.Equal(added.Contains(f), table.Contains(f));
        }

        var sorted = added.Order().ToArray();
        Assert.Equal(sorted.Zip(sorted.Skip(1), (a, b) => b - a).Min(), table.SmallestGap());
    }

    [Fact]
    public void AFullTableRefusesTheNextFingerprintWithoutExceedingItsBudget()
    {
        var budget = FingerprintTable.BytesFor(13);
        using var table = new FingerprintTable(budget);
        var random = new Random(7);
        void FillUp()
        {
            for (var i = 0; i < 1 << 20; i++)
            {
                table.Add((ulong)random.NextInt64() | 1);
            }
        }

        var error = Assert.Throws<FingerprintTableFullException>(FillUp);

        Assert.InRange(table.Bytes, 0, budget);
        Assert.InRange(table.Load, 0.9, FingerprintTable.MaxLoad + 0.001);
        Assert.Equal(table.Count, error.States);
    }
}
