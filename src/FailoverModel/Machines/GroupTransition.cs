namespace FailoverModel.Machines;

/// <summary>One rule of the failover group machine: in <paramref name="From"/>, on the trigger, when the guard holds, go to <paramref name="To"/>.</summary>
/// <param name="From">The group's state before.</param>
/// <param name="Trigger">What fires the rule.</param>
/// <param name="To">The group's state after.</param>
/// <param name="Guard">When the rule applies, named in the seed's terms; read from the conditions of the unit and its group.</param>
/// <param name="Source">Where the rule comes from, in the seed's words (table row, section).</param>
/// <param name="Reason">What ASA gives as the reason of the change (<c>show failover history</c>, syslog 104001/104002).</param>
/// <param name="Marks">The "Last Failure Reason" the change records, when it records one.</param>
/// <param name="ArmsPreempt">True when the group "becomes available" here, so that preempt may take it back.</param>
public sealed record GroupTransition(
    GroupState From,
    GroupTrigger Trigger,
    GroupState To,
    GroupGuard Guard,
    string Source,
    string Reason,
    FailureReason? Marks = null,
    bool ArmsPreempt = false);
