namespace FailoverModel.Rules;

/// <summary>The reasons ASA gives for a group's state change (docs/sources.md "States"); unconfirmed ones say so.</summary>
internal static class GroupReasons
{
    public const string NoActiveUnitFound = "No Active unit found";
    public const string FailoverStateCheck = "Failover state check";
    public const string OtherUnitWantsMeStandby = "Other unit wants me Standby";
    public const string HelloNotHeard = "HELLO not heard from mate";
    public const string SetByConfigCommand = "Set by the config command";
    public const string ConfigurationMismatch = "Configuration mismatch";
    public const string DetectedActiveMate = "Detected an Active mate";

    /// <summary>Unconfirmed: the winner's side of <c>no failover active</c> entered on the mate.</summary>
    public const string OtherUnitWantsMeActive = "Other unit wants me Active";

    /// <summary>Unconfirmed: an interface-policy failure.</summary>
    public const string InterfaceCheck = "Interface check";

    /// <summary>The unit's own power, software or hardware failure.</summary>
    public const string UnitFailed = "Unit failure";
}
