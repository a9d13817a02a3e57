using System.Runtime.InteropServices;

namespace FailoverModel.Exploration.Store;

/// <summary>One line of the parent log: a stored state's fingerprint, its parent's, and the event between them (the alphabet's index; -1 the internal step, -2 the initial state).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal readonly record struct ParentRecord(ulong Fingerprint, ulong Parent, short Via)
{
    public static readonly int Size = Marshal.SizeOf<ParentRecord>();
}

/// <summary>
/// The parent log on the disk, a file per breadth-first level (<c>parents-0007.log</c>): enough to rebuild the
/// shortest path to any stored state, as TLC rebuilds its traces from (fingerprint, predecessor) pairs. A path is found
/// by reading the levels backwards once, whatever the number of states asked for.
/// </summary>
internal static class ParentLog
{
    public static string FileName(int level) => $"parents-{level:D4}.log";

    /// <summary>
    /// The chain of fingerprints from the initial state to each asked state (level, fingerprint), the initial state's
    /// first; read from <paramref name="directory"/>'s logs, from the deepest level asked for down to level 0.
    /// </summary>
    public static Dictionary<(ulong Fingerprint, int Level), List<ulong>> Chains(string directory, IReadOnlyCollection<(ulong Fingerprint, int Level)> wanted, IReadOnlyList<long> records)
    {
        var chains = wanted.Distinct().ToDictionary(w => w, w => new List<ulong> { w.Fingerprint });
        if (chains.Count == 0)
        {
            return chains;
        }

        // What each chain needs next: its state's parent, looked up in the level the state was stored in.
        var looking = new Dictionary<int, Dictionary<ulong, List<(ulong Fingerprint, int Level)>>>();
        void Want(ulong fingerprint, int level, (ulong, int) chain)
        {
            if (!looking.TryGetValue(level, out var atLevel))
            {
                looking[level] = atLevel = [];
            }

            if (!atLevel.TryGetValue(fingerprint, out var list))
            {
                atLevel[fingerprint] = list = [];
            }

            list.Add(chain);
        }

        foreach (var w in chains.Keys)
        {
            Want(w.Fingerprint, w.Level, w);
        }

        var buffer = new byte[ParentRecord.Size * 8192];
        for (var level = chains.Keys.Max(w => w.Level); level >= 1; level--)
        {
            if (!looking.Remove(level, out var atLevel))
            {
                continue;
            }

            using var stream = new FileStream(Path.Combine(directory, FileName(level)), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
            var left = records[level] * ParentRecord.Size;
            while (left > 0 && atLevel.Count > 0)
            {
                var want = (int)Math.Min(buffer.Length, left);
                stream.ReadExactly(buffer, 0, want);
                left -= want;
                foreach (var record in MemoryMarshal.Cast<byte, ParentRecord>(buffer.AsSpan(0, want)))
                {
                    if (atLevel.Remove(record.Fingerprint, out var waiting))
                    {
                        foreach (var chain in waiting)
                        {
                            chains[chain].Add(record.Parent);
                            Want(record.Parent, level - 1, chain);
                        }
                    }
                }
            }

            if (atLevel.Count > 0)
            {
                throw new InvalidOperationException($"the parent log of level {level} lacks a stored state");
            }
        }

        foreach (var chain in chains.Values)
        {
            chain.Reverse();
        }

        return chains;
    }
}
