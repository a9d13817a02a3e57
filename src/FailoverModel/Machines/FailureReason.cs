namespace FailoverModel.Machines;

/// <summary>The "Last Failure Reason" column of <c>show failover state</c>; <c>None</c> until something fails or demotes the group.</summary>
public enum FailureReason : byte
{
    None,

    /// <summary>Demoted by <c>no failover active</c>, <c>failover active</c> on the mate, or preempt (ASA prints "Set by the CI config cmd"; unconfirmed).</summary>
    ConfigCommand,

    /// <summary>The interface policy threshold was reached ("Ifc Failure"; unconfirmed).</summary>
    InterfaceFailure,

    /// <summary>The unit itself failed and reloads or stays failed.</summary>
    UnitFailure,

    /// <summary>The mate stopped answering during synchronization ("Comm Failure"; unconfirmed).</summary>
    CommunicationFailure,
}

public static class FailureReasons
{
    public static string Display(this FailureReason reason) => reason switch
    {
        FailureReason.None => "None",
        FailureReason.ConfigCommand => "Set by the CI config cmd",
        FailureReason.InterfaceFailure => "Ifc Failure",
        FailureReason.UnitFailure => "Unit Failure",
        FailureReason.CommunicationFailure => "Comm Failure",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static bool TryParse(string text, out FailureReason reason)
    {
        foreach (var candidate in Enum.GetValues<FailureReason>())
        {
            if (candidate.Display() == text)
            {
                reason = candidate;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
