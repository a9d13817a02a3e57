namespace FailoverModel.Exploration.Compiled;

[Flags]
internal enum OutcomeFlags : byte
{
    None = 0,

    /// <summary>The step has an event: always for the alphabet, for the internal slot only when the pair is not settled.</summary>
    Present = 1,

    /// <summary>The reference step changed something the key does not hold (a Last Failure Reason): it counts as a change.</summary>
    ChangedBeyondKey = 2,

    /// <summary>A command that changed nothing but logged (write standby copying an identical configuration).</summary>
    CommandOnlyLogged = 4,

    /// <summary>An interface event: it sets or clears its interface on its unit.</summary>
    InterfaceEvent = 8,
}

/// <summary>What a unit's failed-interface word becomes in a step.</summary>
internal enum FailedOp : byte
{
    Keep,

    /// <summary>A replacement unit has no failed interface.</summary>
    Clear,

    /// <summary>The step's interface fails on this unit.</summary>
    SetBit,

    /// <summary>The step's interface recovers on this unit.</summary>
    ClearBit,
}

/// <summary>What a unit's record of its mate's failed interfaces becomes in a step (<c>FailoverPair.Listen</c>).</summary>
internal enum HeardOp : byte
{
    Keep,

    /// <summary>The unit does not run failover: it has heard nothing.</summary>
    Clear,

    /// <summary>The mate answers: its hello carries its failed interfaces as they are after the step.</summary>
    CopyMate,
}

/// <summary>
/// One cell of the step table: the head after the step (history bits included, views not yet canonical), the table
/// rows the step exercised, and how each of the four interface words is carried. 16 bytes, no reference.
/// </summary>
internal readonly record struct StepOutcome(ulong Head, OutcomeFlags Flags, byte Rows, byte Ops, byte Interface)
{
    public bool Present => (Flags & OutcomeFlags.Present) != 0;

    public static byte PackOps(FailedOp primary, FailedOp secondary, HeardOp primaryHeard, HeardOp secondaryHeard) =>
        (byte)((int)primary | ((int)secondary << 2) | ((int)primaryHeard << 4) | ((int)secondaryHeard << 6));

    /// <summary>The raw successor of <paramref name="key"/>: this outcome's head and the interface words carried.</summary>
    public StateKey Apply(in StateKey key)
    {
        var bit = 1UL << Interface;
        var primary = Failed((FailedOp)(Ops & 3), key.PrimaryFailed, bit);
        var secondary = Failed((FailedOp)((Ops >> 2) & 3), key.SecondaryFailed, bit);
        return new StateKey(
            Head,
            primary,
            secondary,
            Heard((HeardOp)((Ops >> 4) & 3), key.PrimaryHeard, secondary),
            Heard((HeardOp)((Ops >> 6) & 3), key.SecondaryHeard, primary));
    }

    private static ulong Failed(FailedOp op, ulong word, ulong bit) => op switch
    {
        FailedOp.Keep => word,
        FailedOp.Clear => 0,
        FailedOp.SetBit => word | bit,
        _ => word & ~bit,
    };

    private static ulong Heard(HeardOp op, ulong word, ulong mateFailed) => op switch
    {
        HeardOp.Keep => word,
        HeardOp.Clear => 0,
        _ => mateFailed,
    };
}
