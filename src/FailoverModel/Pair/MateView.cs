using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// How a unit last heard its mate (ASA configuration guide, "Failover Health Monitoring", Unit Health Monitoring): a unit
/// knows its mate only through the hellos it receives on the failover link and, once three hellos are missed, through the
/// LANTEST messages it sends on every data interface.
/// </summary>
public enum MateContact : byte
{
    /// <summary>Nothing heard since this unit started failover: ASA shows the mate as "Not Detected".</summary>
    NotDetected,

    /// <summary>Hellos arrive on the failover link (or did, until a silence the unit has not yet timed out).</summary>
    Hellos,

    /// <summary>
    /// Hellos stopped but the mate answered LANTEST on a data interface: "the unit does not failover. The failover link is
    /// marked as failed."
    /// </summary>
    DataInterfaces,

    /// <summary>No answer on any interface: "the standby unit switches to active mode and classifies the other unit as failed."</summary>
    Failed,
}

/// <summary>
/// What one unit knows of its mate: how it hears it and what the mate's last hello said (each failover group's state and
/// Last Failure Reason, and which monitored interfaces the mate reported failed). Every decision the unit takes alone and
/// everything it shows about its mate come from here, never from the mate's true state: until the unit times out a
/// silent mate, this view is stale.
/// </summary>
public readonly record struct MateView(
    MateContact Contact,
    GroupState Group1,
    GroupState Group2,
    FailureReason Reason1,
    FailureReason Reason2,
    ulong FailedInterfaces)
{
    /// <summary>The view of a unit that has heard nothing: it runs without failover, or has just started it.</summary>
    public static readonly MateView NotDetected = new(MateContact.NotDetected, GroupState.Disabled, GroupState.Disabled, FailureReason.None, FailureReason.None, 0);

    /// <summary>The mate's group as its last hello reported it.</summary>
    public GroupState Group(FailoverGroupId id) => id == FailoverGroupId.One ? Group1 : Group2;

    public FailureReason Reason(FailoverGroupId id) => id == FailoverGroupId.One ? Reason1 : Reason2;

    /// <summary>True while the unit takes the mate to be sending hellos (it may not have timed out a silence yet).</summary>
    public bool HearsHellos => Contact == MateContact.Hellos;

    /// <summary>What a hello from <paramref name="mate"/> says.</summary>
    public static MateView Heard(UnitState mate) =>
        new(MateContact.Hellos, mate.Group1.State, mate.Group2.State, mate.Group1.Reason, mate.Group2.Reason, mate.FailedInterfaces);
}
