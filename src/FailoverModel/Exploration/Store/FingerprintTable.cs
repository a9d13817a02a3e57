using System.Numerics;
using System.Runtime.InteropServices;

namespace FailoverModel.Exploration.Store;

/// <summary>
/// The set of fingerprints an exploration has stored, in 8 bytes a slot and no object per state: an open-addressing
/// table in native memory, ordered as Amble and Knuth's ordered hash tables are (a fingerprint's home slot is its top
/// bits, so the whole table is sorted and a search stops at the first larger fingerprint), with a run of spare slots at
/// the end instead of wrapping around. Being sorted, it doubles in place: the array grows (a remap, not a copy, for
/// large tables), the old slots move to the upper half and are spread forward, and no second table is ever held. It
/// grows while the memory budget allows and its load is above <see cref="GrowLoad"/>; past that it fills up to
/// <see cref="MaxLoad"/>, and <see cref="Add"/> then reports it full.
/// </summary>
internal sealed unsafe class FingerprintTable : IDisposable
{
    /// <summary>The load at which the table doubles when the budget allows.</summary>
    public const double GrowLoad = 0.75;

    /// <summary>The load beyond which the table takes no more fingerprints (an insertion moves about 1/(1-load)² slots).</summary>
    public const double MaxLoad = 0.95;

    /// <summary>Spare slots after the last home slot: a cluster at the end runs into them instead of wrapping.</summary>
    private const int Spare = 1 << 12;

    private const int MinBits = 12;

    private readonly long _budget;
    private readonly int _prefixBits;
    private ulong* _slots;
    private int _bits;
    private long _limit;

    /// <summary>
    /// A table that may hold up to <paramref name="budgetBytes"/> bytes of slots, for fingerprints whose top
    /// <paramref name="prefixBits"/> bits are all the same (one partition of a <see cref="FingerprintSet"/>): the home
    /// slot is read from the bits after them.
    /// </summary>
    public FingerprintTable(long budgetBytes, int prefixBits = 0)
    {
        _prefixBits = prefixBits;
        if (budgetBytes < BytesFor(MinBits))
        {
            throw new ArgumentOutOfRangeException(nameof(budgetBytes), $"a fingerprint table needs at least {BytesFor(MinBits):N0} bytes");
        }

        _budget = budgetBytes;
        _bits = MinBits;
        _slots = (ulong*)NativeMemory.AllocZeroed((nuint)Capacity, sizeof(ulong));
        HugePages.Advise(_slots, Bytes);
        _limit = GrowthPoint();
    }

    /// <summary>The fingerprints stored.</summary>
    public long Count { get; private set; }

    /// <summary>Home slots (a power of two); the table holds this many plus the spare run.</summary>
    public long HomeSlots => 1L << _bits;

    /// <summary>Bytes of memory the slots take now.</summary>
    public long Bytes => Capacity * sizeof(ulong);

    /// <summary>The most fingerprints the budget lets the table hold (at <see cref="MaxLoad"/> of the largest table it may grow to).</summary>
    public long MostStates => (long)(MaxLoad * (1L << LargestBits(_budget)));

    /// <summary>The fraction of home slots in use.</summary>
    public double Load => (double)Count / HomeSlots;

    private long Capacity => HomeSlots + Spare;

    /// <summary>Bytes a table of <c>2^bits</c> home slots takes.</summary>
    public static long BytesFor(int bits) => ((1L << bits) + Spare) * sizeof(ulong);

    /// <summary>The bits of the largest table that fits in <paramref name="budget"/> bytes.</summary>
    public static int LargestBits(long budget)
    {
        var bits = MinBits;
        while (bits < 40 && BytesFor(bits + 1) <= budget)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>Whether the table holds <paramref name="fingerprint"/> (never 0).</summary>
    public bool Contains(ulong fingerprint)
    {
        var capacity = Capacity;
        for (var slot = Home(fingerprint); slot < capacity && _slots[slot] != 0; slot++)
        {
            if (_slots[slot] >= fingerprint)
            {
                return _slots[slot] == fingerprint;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="fingerprint"/> (never 0): true when it was new. Throws <see cref="FingerprintTableFullException"/> when the budget allows no more.</summary>
    public bool Add(ulong fingerprint)
    {
        if (Count >= _limit)
        {
            MakeRoom();
        }

        var capacity = Capacity;
        var slot = Home(fingerprint);
        ulong present = 0;
        while (slot < capacity && (present = _slots[slot]) != 0 && present < fingerprint)
        {
            slot++;
        }

        if (slot >= capacity)
        {
            throw new FingerprintTableFullException(Count, Bytes);
        }

        if (present == fingerprint)
        {
            return false;
        }

        // Keep the run sorted: from here to the run's first empty slot, each fingerprint moves up one slot (the same
        // cache lines the search just read).
        var carry = fingerprint;
        while (true)
        {
            var moved = _slots[slot];
            _slots[slot] = carry;
            if (moved == 0)
            {
                break;
            }

            carry = moved;
            if (++slot >= capacity)
            {
                throw new FingerprintTableFullException(Count, Bytes);
            }
        }

        Count++;
        return true;
    }

    /// <summary>Asks the processor to fetch <paramref name="fingerprint"/>'s home slot, so that a later <see cref="Add"/> finds it in the cache.</summary>
    public void Prefetch(ulong fingerprint)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(_slots + Home(fingerprint));
        }
    }

    /// <summary>
    /// The smallest difference between two stored fingerprints (the table is sorted, so one pass finds it): TLC's
    /// "based on the actual fingerprints" estimate of a collision is its inverse.
    /// </summary>
    public ulong SmallestGap()
    {
        ulong previous = 0;
        return SmallestGap(ref previous);
    }

    /// <summary>The smallest gap, <paramref name="previous"/> being the largest fingerprint of the tables before this one (0: none); leaves there this table's largest.</summary>
    public ulong SmallestGap(ref ulong previous)
    {
        var gap = ulong.MaxValue;
        for (long i = 0; i < Capacity; i++)
        {
            var f = _slots[i];
            if (f == 0)
            {
                continue;
            }

            if (previous != 0)
            {
                gap = Math.Min(gap, f - previous);
            }

            previous = f;
        }

        return gap;
    }

    public void Dispose()
    {
        if (_slots != null)
        {
            NativeMemory.Free(_slots);
            _slots = null;
        }
    }

    private long Home(ulong fingerprint) => (long)((fingerprint << _prefixBits) >> (64 - _bits));

    private long GrowthPoint() =>
        BytesFor(_bits + 1) <= _budget ? (long)(GrowLoad * HomeSlots) : (long)(MaxLoad * HomeSlots);

    private void MakeRoom()
    {
        if (BytesFor(_bits + 1) > _budget)
        {
            throw new FingerprintTableFullException(Count, Bytes);
        }

        Double();
        _limit = GrowthPoint();
    }

    /// <summary>
    /// Doubles the table in place. With n home slots, a fingerprint's new home is 2h or 2h+1 for its old home h, and a
    /// slot's new place is at most twice its old one plus one; so once the old slots sit in the upper half, spreading
    /// them forward in order never writes past the next slot still to be read, except for the spare run, which is read
    /// ahead first.
    /// </summary>
    private void Double()
    {
        var oldHome = HomeSlots;
        var oldCapacity = Capacity;
        _bits++;
        var capacity = Capacity;
        _slots = (ulong*)NativeMemory.Realloc(_slots, (nuint)(capacity * sizeof(ulong)));
        HugePages.Advise(_slots, capacity * sizeof(ulong));
        var upper = _slots + oldHome;
        Buffer.MemoryCopy(_slots, upper, oldCapacity * sizeof(ulong), oldCapacity * sizeof(ulong));
        NativeMemory.Clear(_slots, (nuint)(oldHome * sizeof(ulong)));

        // The spare run, whose new places may pass its old ones, is read ahead.
        var spare = new List<ulong>();
        for (var i = oldHome; i < oldCapacity; i++)
        {
            if (upper[i] != 0)
            {
                spare.Add(upper[i]);
                upper[i] = 0;
            }
        }

        long next = 0;
        for (long i = 0; i < oldHome; i++)
        {
            var f = upper[i];
            if (f == 0)
            {
                continue;
            }

            upper[i] = 0;
            next = Place(f, next);
        }

        foreach (var f in spare)
        {
            next = Place(f, next);
        }
    }

    private long Place(ulong fingerprint, long next)
    {
        var slot = Math.Max(Home(fingerprint), next);
        if (slot >= Capacity)
        {
            throw new FingerprintTableFullException(Count, Bytes);
        }

        _slots[slot] = fingerprint;
        return slot + 1;
    }

    ~FingerprintTable() => Dispose();
}

/// <summary>
/// Asks Linux to back a large table with transparent huge pages (where the system leaves it to the program,
/// <c>madvise</c> mode): every probe of a table of gigabytes lands on a page of its own, and with 4 KiB pages each one
/// also misses the address translation cache. Elsewhere, or when refused, nothing happens.
/// </summary>
internal static unsafe partial class HugePages
{
    private const int MadviseHugePage = 14;
    private const long HugePage = 2L << 20;

    public static void Advise(void* start, long bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes < 2 * HugePage)
        {
            return;
        }

        var first = ((long)start + HugePage - 1) & ~(HugePage - 1);
        var end = ((long)start + bytes) & ~(HugePage - 1);
        if (end > first)
        {
            try
            {
                _ = Madvise((void*)first, (nuint)(end - first), MadviseHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No C library to ask: the table works the same on small pages.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}

/// <summary>The fingerprint table cannot take another state within its memory budget.</summary>
internal sealed class FingerprintTableFullException(long states, long bytes)
    : Exception($"the fingerprint table is full at {states:N0} states ({bytes:N0} bytes): the memory budget allows no larger table")
{
    public long States { get; } = states;
}
