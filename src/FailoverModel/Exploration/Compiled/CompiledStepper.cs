using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// The successors of a packed state, from the step table: the next internal step first, then every event of the
/// alphabet that changes the state, each canonicalized on the packed words and judged by the verdict table. Quiet
/// (no syslog, no notes) and, once the tables hold the state's row and verdicts, free of allocation.
/// </summary>
internal sealed class CompiledStepper
{
    private readonly ulong[] _monitored;
    private readonly ulong _all;
    private readonly PackedCanonicalizer _canonical;
    private readonly VerdictTable? _verdicts;

    public CompiledStepper(FailoverPair pair, IReadOnlyList<Event> alphabet, StateCodec codec, IReadOnlyList<Invariant> invariants, Func<StepOutcome, int, StepOutcome>? corrupt = null)
    {
        _monitored = [.. pair.Config.MonitoredMask];
        _all = pair.Config.AllInterfacesMask;
        _canonical = new PackedCanonicalizer(pair.Config);
        Table = new StepTable(pair, alphabet, codec, corrupt);
        _verdicts = invariants.Count == 0 ? null : new VerdictTable(pair, Table, codec, invariants);
    }

    public StepTable Table { get; }

    public VerdictTable? Verdicts => _verdicts;

    public StateKey Canonical(in StateKey key) => _canonical.Canonical(key);

    public InterfaceCounts Counts(in StateKey key) => InterfaceCounts.Of(_monitored, _all, key);

    public void Expand(in StateKey key, List<PackedSuccessor> into)
    {
        into.Clear();
        var row = Table.Row(key, Counts(key));
        for (var slot = 0; slot < Table.Slots; slot++)
        {
            ref readonly var outcome = ref Table.Cell(row, slot);
            if (!outcome.Present)
            {
                continue;
            }

            var raw = outcome.Apply(key);
            if (raw == key && (outcome.Flags & OutcomeFlags.ChangedBeyondKey) == 0)
            {
                if ((outcome.Flags & OutcomeFlags.CommandOnlyLogged) != 0)
                {
                    into.Add(new PackedSuccessor(row, slot, key, raw, 0, VerdictTable.Holds, CommandOnlyLogged: true));
                }

                continue;
            }

            var target = _canonical.Canonical(raw);
            if (target == key)
            {
                continue;
            }

            var verdict = _verdicts is null ? VerdictTable.Holds : _verdicts.Verdict(row, slot, key, raw, Counts(raw));
            into.Add(new PackedSuccessor(row, slot, target, raw, outcome.Rows, verdict, CommandOnlyLogged: false));
        }
    }
}
