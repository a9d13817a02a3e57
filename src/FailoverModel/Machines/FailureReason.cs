namespace FailoverModel.Machines;

/// <summary>The "Last Failure Reason" column of <c>show failover state</c>; <c>None</c> until something fails or demotes the group.</summary>
public enum FailureReason : byte
{
    /// <summary>Nothing has failed or demoted the group ("None").</summary>
    None,

    /// <summary>Demoted by <c>no failover active</c>, <c>failover active</c> on the mate, or preempt ("Set by the config command", the wording Cisco's documents and captured logs give this cause).</summary>
    ConfigCommand,

    /// <summary>The interface policy threshold was reached ("Ifc Failure"; unconfirmed).</summary>
    InterfaceFailure,

    /// <summary>The unit itself failed and reloads or stays failed.</summary>
    UnitFailure,

    /// <summary>The mate stopped answering ("Comm Failure", as a captured <c>show failover state</c> prints it).</summary>
    CommunicationFailure,
}

/// <summary>How ASA prints a <see cref="FailureReason"/>.</summary>
public static class FailureReasons
{
    /// <summary>The reason as <c>show failover state</c> prints it ("Ifc Failure").</summary>
    /// <param name="reason">The reason.</param>
    public static string Display(this FailureReason reason) => reason switch
    {
        FailureReason.None => "None",
        FailureReason.ConfigCommand => "Set by the config command",
        FailureReason.InterfaceFailure => "Ifc Failure",
        FailureReason.UnitFailure => "Unit Failure",
        FailureReason.CommunicationFailure => "Comm Failure",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>Reads a reason as <see cref="Display"/> prints it.</summary>
    /// <param name="text">The printed reason.</param>
    /// <param name="reason">The reason read; <see cref="FailureReason.None"/> when the text names none.</param>
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
