namespace FailoverModel.Pair;

/// <summary>
/// Deliberate departures from Cisco's documents, each a realistic firmware bug: the broken variants the invariants must
/// catch (tests/…/Invariants/BrokenVariants.cs). Production code always runs <see cref="None"/>; the switches sit where
/// the documented rule is applied, so that each variant differs from the model in that one rule.
/// </summary>
internal sealed record Deviations
{
    /// <summary>The model as Cisco documents it.</summary>
    public static readonly Deviations None = new();

    /// <summary>A failover link once marked failed (LANTEST answered on a data interface only) stays marked when hellos return.</summary>
    public bool NeverClearsAFailedFailoverLink { get; init; }

    /// <summary><c>failover active</c> and <c>no failover active</c> change group roles on a unit whose failover is disabled.</summary>
    public bool ForcesWithFailoverDisabled { get; init; }

    /// <summary>A forced failover moves the unit's own group without the mate's companion step (the mate's group stays as it was).</summary>
    public bool ForcesWithoutTheMate { get; init; }

    /// <summary>No command reaches the mate: Command Replication never runs.</summary>
    public bool NeverReplicates { get; init; }

    /// <summary>A change typed in a context is replicated into the mate's system execution space instead of that context.</summary>
    public bool ReplicatesContextChangesIntoTheSystemSpace { get; init; }

    /// <summary>Stateful Failover passes every kind of connection, HTTP included without <c>replication http</c>.</summary>
    public bool ReplicatesEveryConnection { get; init; }

    /// <summary>Every context's connections are opened in failover group 1, whatever group the context joined.</summary>
    public bool OpensEveryConnectionInGroupOne { get; init; }
}
