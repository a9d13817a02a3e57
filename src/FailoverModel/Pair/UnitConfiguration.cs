namespace FailoverModel.Pair;

/// <summary>
/// A unit's configuration, abstracted as revisions (seed, "Device Initialization and Configuration Synchronization",
/// "Command Replication"): for the system execution space (space 0) and each context (space 1 + its index in the
/// configuration), the running and the startup configuration, each as the set of tracked configuration changes it
/// holds (bit <c>i</c>: the i-th distinct change entered in that space). Two units are in sync in a space when their
/// running sets are equal; a change is saved when it is in the startup set; it is lost when no unit holds it any more.
/// Immutable, compared by value; a configuration without changes is shared.
/// </summary>
public sealed class UnitConfiguration : IEquatable<UnitConfiguration>
{
    private static readonly UnitConfiguration?[] EmptyBySpaces = new UnitConfiguration?[65];
    private readonly ulong[] _running;
    private readonly ulong[] _startup;
    private readonly int _hash;

    private UnitConfiguration(ulong[] running, ulong[] startup)
    {
        _running = running;
        _startup = startup;
        var hash = new HashCode();
        foreach (var r in running)
        {
            hash.Add(r);
        }

        foreach (var s in startup)
        {
            hash.Add(s);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>How many configuration spaces: the system execution space and one per context.</summary>
    public int Spaces => _running.Length;

    /// <summary>No tracked change in any space, running or startup.</summary>
    public bool IsEmpty => Array.TrueForAll(_running, r => r == 0) && Array.TrueForAll(_startup, s => s == 0);

    internal static UnitConfiguration Empty(int spaces)
    {
        if (spaces < EmptyBySpaces.Length)
        {
            return EmptyBySpaces[spaces] ??= new UnitConfiguration(new ulong[spaces], new ulong[spaces]);
        }

        return new UnitConfiguration(new ulong[spaces], new ulong[spaces]);
    }

    /// <summary>The changes the running configuration of a space holds, one bit per change number.</summary>
    /// <param name="space">0 for the system execution space, 1 + the context's index for a context.</param>
    public ulong Running(int space) => _running[space];

    /// <summary>The changes the startup configuration of a space holds (saved by <c>write memory</c>).</summary>
    /// <param name="space">0 for the system execution space, 1 + the context's index for a context.</param>
    public ulong Startup(int space) => _startup[space];

    /// <summary>A change entered in <paramref name="space"/> joins the running configuration.</summary>
    internal UnitConfiguration WithChange(int space, int change) => WithRunning(space, _running[space] | (1UL << change));

    internal UnitConfiguration WithRunning(int space, ulong running)
    {
        if (_running[space] == running)
        {
            return this;
        }

        var copy = (ulong[])_running.Clone();
        copy[space] = running;
        return new UnitConfiguration(copy, _startup);
    }

    /// <summary><c>write memory</c>: the startup configuration of the space becomes the running one.</summary>
    internal UnitConfiguration Saved(int space)
    {
        if (_startup[space] == _running[space])
        {
            return this;
        }

        var copy = (ulong[])_startup.Clone();
        copy[space] = _running[space];
        return new UnitConfiguration(_running, copy);
    }

    /// <summary>A unit that boots (after power loss, a reload or a crash) runs what its startup configuration holds.</summary>
    internal UnitConfiguration RevertedToStartup() => _running.AsSpan().SequenceEqual(_startup) ? this : new UnitConfiguration((ulong[])_startup.Clone(), _startup);

    /// <summary>The running configuration of every space taken from <paramref name="sender"/> (synchronization, <c>write standby</c>).</summary>
    internal UnitConfiguration RunningFrom(UnitConfiguration sender) =>
        _running.AsSpan().SequenceEqual(sender._running) ? this : new UnitConfiguration((ulong[])sender._running.Clone(), _startup);

    /// <summary>Whether both units run the same configuration in a space (in sync there).</summary>
    /// <param name="other">The mate's configuration.</param>
    /// <param name="space">The space.</param>
    public bool RunningEquals(UnitConfiguration other, int space) => _running[space] == other._running[space];

    /// <summary>Whether both units run the same configuration in every space.</summary>
    /// <param name="other">The mate's configuration.</param>
    public bool RunningEquals(UnitConfiguration other) => _running.AsSpan().SequenceEqual(other._running);

    /// <summary>The same running and startup changes in every space.</summary>
    /// <param name="other">The other configuration.</param>
    public bool Equals(UnitConfiguration? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _running.AsSpan().SequenceEqual(other._running) && _startup.AsSpan().SequenceEqual(other._startup)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnitConfiguration);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', Enumerable.Range(0, Spaces).Select(s => $"{s}:{_running[s]:x}/{_startup[s]:x}"));
}
