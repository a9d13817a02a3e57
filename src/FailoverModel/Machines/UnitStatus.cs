namespace FailoverModel.Machines;

/// <summary>
/// What a unit is doing: off, running with failover on or off (<c>failover</c> / <c>no failover</c>), reloading after
/// a software failure, or failed in hardware until it is replaced (seed, "Failover Triggers").
/// </summary>
public enum UnitStatus : byte
{
    PoweredOff,
    FailoverOff,
    FailoverOn,
    Reloading,
    HardwareFailed,
}

public static class UnitStatuses
{
    public static bool IsRunning(this UnitStatus status) => status is UnitStatus.FailoverOn or UnitStatus.FailoverOff;

    /// <summary>The mate hears no hellos from a unit in these states: the seed's power, software or hardware failure.</summary>
    public static bool IsDown(this UnitStatus status) => status is UnitStatus.PoweredOff or UnitStatus.Reloading or UnitStatus.HardwareFailed;

    public static string Display(this UnitStatus status) => status switch
    {
        UnitStatus.PoweredOff => "Powered Off",
        UnitStatus.FailoverOff => "Failover Off",
        UnitStatus.FailoverOn => "Failover On",
        UnitStatus.Reloading => "Reloading",
        UnitStatus.HardwareFailed => "Hardware Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
