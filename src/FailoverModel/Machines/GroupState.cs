namespace FailoverModel.Machines;

/// <summary>The states ASA shows for a failover group (<c>show failover</c>, <c>show failover history</c>).</summary>
public enum GroupState : byte
{
    /// <summary>Failover is off on the unit, or the unit is not running.</summary>
    Disabled,

    /// <summary>The group listens for an active mate before it decides to become active or standby.</summary>
    Negotiation,

    /// <summary>Joining as standby: the mate is active, nothing is synchronized yet.</summary>
    ColdStandby,

    /// <summary>Receiving the running configuration from the active unit.</summary>
    SyncConfig,

    /// <summary>Synchronizing the file system.</summary>
    SyncFileSystem,

    /// <summary>Receiving the connection state in bulk.</summary>
    BulkSync,

    /// <summary>Standby, ready to take over.</summary>
    StandbyReady,

    /// <summary>Just made active: the first of the steps to Active; the group already passes traffic.</summary>
    JustActive,

    /// <summary>Active, draining the queues of the former active unit.</summary>
    ActiveDrain,

    /// <summary>Active, applying the configuration.</summary>
    ActiveApplyingConfig,

    /// <summary>Active, configuration applied.</summary>
    ActiveConfigApplied,

    /// <summary>Active: the group's contexts pass traffic on this unit.</summary>
    Active,

    /// <summary>Marked failed (a unit failure or interface failures above the threshold); it needs recovery or <c>failover reset</c>.</summary>
    Failed,
}

/// <summary>Names, tokens and families of <see cref="GroupState"/>.</summary>
public static class GroupStates
{
    /// <summary>Every state, in the order of the enum.</summary>
    public static readonly GroupState[] All = Enum.GetValues<GroupState>();

    /// <summary>The states in which the group passes traffic: from Just Active on the way to Active.</summary>
    public static readonly GroupState[] ActiveFamily =
        [GroupState.JustActive, GroupState.ActiveDrain, GroupState.ActiveApplyingConfig, GroupState.ActiveConfigApplied, GroupState.Active];

    /// <summary>The states a joining group passes while it obtains configuration and state from the active unit.</summary>
    public static readonly GroupState[] Synchronizing =
        [GroupState.ColdStandby, GroupState.SyncConfig, GroupState.SyncFileSystem, GroupState.BulkSync];

    /// <summary>Whether the group passes traffic in this state (one of <see cref="ActiveFamily"/>).</summary>
    /// <param name="state">The state.</param>
    public static bool IsActive(this GroupState state) => state is >= GroupState.JustActive and <= GroupState.Active;

    /// <summary>Whether the state is one of <see cref="Synchronizing"/>.</summary>
    /// <param name="state">The state.</param>
    public static bool IsSynchronizing(this GroupState state) => state is >= GroupState.ColdStandby and <= GroupState.BulkSync;

    /// <summary>The state as ASA prints it ("Standby Ready").</summary>
    /// <param name="state">The state.</param>
    public static string Display(this GroupState state) => state switch
    {
        GroupState.Disabled => "Disabled",
        GroupState.Negotiation => "Negotiation",
        GroupState.ColdStandby => "Cold Standby",
        GroupState.SyncConfig => "Sync Config",
        GroupState.SyncFileSystem => "Sync File System",
        GroupState.BulkSync => "Bulk Sync",
        GroupState.StandbyReady => "Standby Ready",
        GroupState.JustActive => "Just Active",
        GroupState.ActiveDrain => "Active Drain",
        GroupState.ActiveApplyingConfig => "Active Applying Config",
        GroupState.ActiveConfigApplied => "Active Config Applied",
        GroupState.Active => "Active",
        GroupState.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state as a scenario or the JSON forms write it (<c>standby-ready</c>).</summary>
    /// <param name="state">The state.</param>
    public static string Token(this GroupState state) => state.Display().ToLowerInvariant().Replace(' ', '-');

    /// <summary>Accepts the display name (<c>Standby Ready</c>) or the kebab-case token (<c>standby-ready</c>).</summary>
    /// <param name="text">The name or token.</param>
    /// <param name="state">The state read; default when the text names none.</param>
    public static bool TryParse(string text, out GroupState state)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Display(), text, StringComparison.OrdinalIgnoreCase) || candidate.Token() == text)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }
}
