using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The invariants' verdict on a transition, remembered per (step table row, slot, interface counts after the step):
/// the invariants read the snapshots before and after the step, the event, and the observer's history, and of the
/// interface words only what <see cref="InterfaceCounts"/> holds; so a verdict found once on a decoded snapshot
/// stands for every transition with the same row, slot and counts after. A miss steps the reference and checks the
/// invariants on its snapshots (and checks the reference reaches the very successor the table computed).
/// </summary>
internal sealed class VerdictTable(FailoverPair pair, StepTable table, StateCodec codec, IReadOnlyList<Invariant> invariants)
{
    /// <summary>Marks a transition on which every invariant holds.</summary>
    public const short Holds = -1;

    private readonly Dictionary<VerdictKey, short> _verdicts = [];

    public int Count => _verdicts.Count;

    /// <summary>The index of the first invariant the transition violates, or <see cref="Holds"/>.</summary>
    public short Verdict(int row, int slot, in StateKey before, in StateKey after, InterfaceCounts countsAfter)
    {
        var verdictKey = new VerdictKey(row, slot, countsAfter.Primary, countsAfter.Secondary);
        if (_verdicts.TryGetValue(verdictKey, out var verdict))
        {
            return verdict;
        }

        var (index, _) = Check(before, after, table.Event(row, slot));
        _verdicts.Add(verdictKey, (short)index);
        return (short)index;
    }

    /// <summary>The violated invariant and its evidence, found again on the snapshots (for the counterexample).</summary>
    public (Invariant Invariant, string Evidence) Violation(in StateKey before, in StateKey after, Event @event)
    {
        var (index, evidence) = Check(before, after, @event);
        return (invariants[index], evidence!);
    }

    private (int Index, string? Evidence) Check(in StateKey before, in StateKey after, Event @event)
    {
        var state = codec.Decode(before);
        var history = StateCodec.History(before);
        var result = pair.Apply(state, @event, quiet: true);
        if (codec.Encode(result.State, RunHistory.Next(pair.Config, state, result.State, history)) != after)
        {
            throw new InvalidOperationException($"the compiled step of '{@event}' differs from the reference's");
        }

        var step = new InvariantContext(pair, state, @event, result.State) { History = history };
        for (var i = 0; i < invariants.Count; i++)
        {
            if (invariants[i].Check(step) is { } evidence)
            {
                return (i, evidence);
            }
        }

        return (Holds, null);
    }

    private readonly record struct VerdictKey(int Row, int Slot, ulong Primary, ulong Secondary)
    {
        public override int GetHashCode()
        {
            var h = ((ulong)(uint)Row * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)Slot * 0x27D4EB2F165667C5UL) ^ (Primary * 0xC2B2AE3D27D4EB4FUL) ^ (Secondary * 0x165667B19E3779F9UL);
            return (int)(h ^ (h >> 31));
        }
    }
}
