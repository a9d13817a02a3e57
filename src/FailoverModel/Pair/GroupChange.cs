using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>
/// One change of a failover group's state on one unit, with the reason ASA gives for it: what a unit records in
/// <c>show failover history</c> and what syslog 104001/104002 quote.
/// </summary>
public readonly record struct GroupChange(UnitRole Unit, FailoverGroupId Group, GroupState From, GroupState To, string Reason, FailureReason? Marks = null);
