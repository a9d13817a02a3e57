namespace FailoverModel.Machines;

/// <summary>The states ASA shows for a failover group (<c>show failover</c>, <c>show failover history</c>).</summary>
public enum GroupState : byte
{
    Disabled,
    Negotiation,
    ColdStandby,
    SyncConfig,
    SyncFileSystem,
    BulkSync,
    StandbyReady,
    JustActive,
    ActiveDrain,
    ActiveApplyingConfig,
    ActiveConfigApplied,
    Active,
    Failed,
}

/// <summary>Names, tokens and families of <see cref="GroupState"/>.</summary>
public static class GroupStates
{
    public static readonly GroupState[] All = Enum.GetValues<GroupState>();

    /// <summary>The states in which the group passes traffic: from Just Active on the way to Active.</summary>
    public static readonly GroupState[] ActiveFamily =
        [GroupState.JustActive, GroupState.ActiveDrain, GroupState.ActiveApplyingConfig, GroupState.ActiveConfigApplied, GroupState.Active];

    /// <summary>The states a joining group passes while it obtains configuration and state from the active unit.</summary>
    public static readonly GroupState[] Synchronizing =
        [GroupState.ColdStandby, GroupState.SyncConfig, GroupState.SyncFileSystem, GroupState.BulkSync];

    public static bool IsActive(this GroupState state) => state is >= GroupState.JustActive and <= GroupState.Active;

    public static bool IsSynchronizing(this GroupState state) => state is >= GroupState.ColdStandby and <= GroupState.BulkSync;

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

    public static string Token(this GroupState state) => state.Display().ToLowerInvariant().Replace(' ', '-');

    /// <summary>Accepts the display name (<c>Standby Ready</c>) or the kebab-case token (<c>standby-ready</c>).</summary>
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
