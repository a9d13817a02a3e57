namespace FailoverModel.Exploration.Store;

/// <summary>
/// The fingerprints of an exploration in one <see cref="FingerprintTable"/> per partition of the fingerprint space
/// (its top bits), each with an equal share of the memory budget: the partitions are independent, so the merge probes
/// them on as many threads, each taking the successors whose fingerprints it owns, in the merge's order.
/// </summary>
internal sealed class FingerprintSet : IDisposable
{
    private readonly FingerprintTable[] _tables;
    private readonly int _bits;

    public FingerprintSet(long budgetBytes, int partitions)
    {
        _bits = System.Numerics.BitOperations.Log2((uint)partitions);
        if (partitions != 1 << _bits)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), "a power of two");
        }

        _tables = [.. Enumerable.Range(0, partitions).Select(_ => new FingerprintTable(budgetBytes / partitions, _bits))];
    }

    public int Partitions => _tables.Length;

    public long Count => _tables.Sum(t => t.Count);

    public long Bytes => _tables.Sum(t => t.Bytes);

    /// <summary>The partition that owns <paramref name="fingerprint"/>.</summary>
    public int PartitionOf(ulong fingerprint) => _bits == 0 ? 0 : (int)(fingerprint >> (64 - _bits));

    /// <summary>The table of partition <paramref name="partition"/>: only one thread at a time may use one.</summary>
    public FingerprintTable this[int partition] => _tables[partition];

    public bool Add(ulong fingerprint) => _tables[PartitionOf(fingerprint)].Add(fingerprint);

    public bool Contains(ulong fingerprint) => _tables[PartitionOf(fingerprint)].Contains(fingerprint);

    public void Prefetch(ulong fingerprint) => _tables[PartitionOf(fingerprint)].Prefetch(fingerprint);

    /// <summary>The smallest distance between two stored fingerprints, across the partitions.</summary>
    public ulong SmallestGap()
    {
        ulong previous = 0;
        var gap = ulong.MaxValue;
        foreach (var table in _tables)
        {
            gap = Math.Min(gap, table.SmallestGap(ref previous));
        }

        return gap;
    }

    public void Dispose()
    {
        foreach (var table in _tables)
        {
            table.Dispose();
        }
    }
}
