using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The layout of <see cref="StateKey.Head"/>, which <see cref="StateCodec"/> writes: per unit (24 bits, the primary's
/// first) the status, whether the startup configuration enables failover, each group's state and preempt bit, and the
/// view of the mate (contact, each group as last heard); then both links and the observer's history bits. The compiled
/// explorer reads and writes heads through these accessors only.
/// </summary>
internal static class PackedHead
{
    public const int UnitBits = 24;
    public const int FailoverLinkShift = 2 * UnitBits;
    public const int StateLinkShift = FailoverLinkShift + 2;
    public const int HistoryShift = StateLinkShift + 2;

    /// <summary>How many values a group state's four bits can hold.</summary>
    public const int GroupStateValues = 16;

    private const int ContactShift = 14;
    private const int ViewGroup1Shift = 16;
    private const int ViewGroup2Shift = 20;

    private static int Base(int unit) => unit * UnitBits;

    public static UnitStatus Status(ulong head, int unit) => (UnitStatus)((head >> Base(unit)) & 7);

    public static GroupState Group(ulong head, int unit, int group) => (GroupState)((head >> (Base(unit) + (group == 1 ? 4 : 9))) & 15);

    public static MateContact Contact(ulong head, int unit) => (MateContact)((head >> (Base(unit) + ContactShift)) & 3);

    public static LinkStatus FailoverLink(ulong head) => (LinkStatus)((head >> FailoverLinkShift) & 3);

    /// <summary>The head with a unit's view of its mate replaced (contact kept).</summary>
    public static ulong WithViewGroups(ulong head, int unit, GroupState group1, GroupState group2)
    {
        var clear = (15UL << (Base(unit) + ViewGroup1Shift)) | (15UL << (Base(unit) + ViewGroup2Shift));
        return (head & ~clear) | ((ulong)group1 << (Base(unit) + ViewGroup1Shift)) | ((ulong)group2 << (Base(unit) + ViewGroup2Shift));
    }

    public static GroupState ViewGroup(ulong head, int unit, int group) =>
        (GroupState)((head >> (Base(unit) + (group == 1 ? ViewGroup1Shift : ViewGroup2Shift))) & 15);

    /// <summary>
    /// <see cref="FailoverPair.Answers"/> on a head: the failover link is up and both units run failover (the condition
    /// is symmetric, so it holds for both units or neither).
    /// </summary>
    public static bool MatesAnswer(ulong head) =>
        FailoverLink(head) == LinkStatus.Up && Status(head, 0) == UnitStatus.FailoverOn && Status(head, 1) == UnitStatus.FailoverOn;

    /// <summary>Unit index of a role (the primary's bits come first).</summary>
    public static int Of(UnitRole role) => (int)role;
}

/// <summary>Setters of <see cref="StateKey.Head"/> fields, for the compiled pair.</summary>
internal static class PackedHeadWrite
{
    private static int Base(int unit) => unit * PackedHead.UnitBits;

    private static ulong Put(ulong head, int shift, ulong mask, ulong value) => (head & ~(mask << shift)) | (value << shift);

    public static ulong Status(ulong head, int unit, Machines.UnitStatus status) => Put(head, Base(unit), 7, (ulong)status);

    public static bool StartupFailover(ulong head, int unit) => ((head >> (Base(unit) + 3)) & 1) != 0;

    public static ulong StartupFailover(ulong head, int unit, bool on) => Put(head, Base(unit) + 3, 1, on ? 1UL : 0);

    public static bool Armed(ulong head, int unit, int group) => ((head >> (Base(unit) + (group == 1 ? 8 : 13))) & 1) != 0;

    public static ulong Group(ulong head, int unit, int group, Machines.GroupState state, bool armed) =>
        Put(Put(head, Base(unit) + (group == 1 ? 4 : 9), 15, (ulong)state), Base(unit) + (group == 1 ? 8 : 13), 1, armed ? 1UL : 0);

    public static ulong Contact(ulong head, int unit, Pair.MateContact contact) => Put(head, Base(unit) + 14, 3, (ulong)contact);

    public static Machines.LinkStatus StateLink(ulong head) => (Machines.LinkStatus)((head >> PackedHead.StateLinkShift) & 3);

    public static ulong Links(ulong head, Machines.LinkStatus failover, Machines.LinkStatus state) =>
        Put(Put(head, PackedHead.FailoverLinkShift, 3, (ulong)failover), PackedHead.StateLinkShift, 3, (ulong)state);

    public static byte History(ulong head) => (byte)((head >> PackedHead.HistoryShift) & ((1UL << Invariants.RunHistory.Bits) - 1));

    public static ulong History(ulong head, byte owed) => Put(head, PackedHead.HistoryShift, (1UL << Invariants.RunHistory.Bits) - 1, owed);
}
