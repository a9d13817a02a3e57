namespace FailoverModel.Machines;

/// <summary>
/// What a unit is doing: off, running with failover on or off (<c>failover</c> / <c>no failover</c>), reloading after
/// a software failure, or failed in hardware until it is replaced (seed, "Failover Triggers").
/// </summary>
public enum UnitStatus : byte
{
    /// <summary>No power.</summary>
    PoweredOff,

    /// <summary>Running with failover disabled (<c>no failover</c>, or a replacement unit with only the bootstrap).</summary>
    FailoverOff,

    /// <summary>Running with failover enabled.</summary>
    FailoverOn,

    /// <summary>Reloading after a software failure.</summary>
    Reloading,

    /// <summary>Failed in hardware until it is replaced.</summary>
    HardwareFailed,
}

/// <summary>Families and display names of <see cref="UnitStatus"/>.</summary>
public static class UnitStatuses
{
    /// <summary>Whether the unit is up, with failover on or off.</summary>
    /// <param name="status">The unit's status.</param>
    public static bool IsRunning(this UnitStatus status) => status is UnitStatus.FailoverOn or UnitStatus.FailoverOff;

    /// <summary>The mate hears no hellos from a unit in these states: the seed's power, software or hardware failure.</summary>
    /// <param name="status">The unit's status.</param>
    public static bool IsDown(this UnitStatus status) => status is UnitStatus.PoweredOff or UnitStatus.Reloading or UnitStatus.HardwareFailed;

    /// <summary>The status as the model's outputs print it ("Failover On").</summary>
    /// <param name="status">The unit's status.</param>
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
