using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FailoverModel.Exploration.Store;

/// <summary>
/// The 64-bit fingerprint of a canonical state: XxHash3 of the packed key's 44 bytes. The fingerprint store keeps only
/// this (as TLC keeps a 64-bit fingerprint per state), the parent log and the graph files name states by it, so it is
/// the same on every run and machine. Zero is never a fingerprint: the store's empty slot is zero.
/// </summary>
internal static class Fingerprint
{
    /// <summary>The seed of the hash, fixed so that fingerprints, checkpoints and graph files agree between runs.</summary>
    private const long Seed = 0x5EED_FA11_0FE8;

    public static ulong Of(in StateKey key)
    {
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<StateKey>(in key));
        var fingerprint = XxHash3.HashToUInt64(bytes, Seed);
        return fingerprint == 0 ? 1 : fingerprint;
    }

    /// <summary>A fingerprint as it is written in files and messages: 16 hexadecimal digits.</summary>
    public static string Text(ulong fingerprint) => fingerprint.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
