namespace FailoverModel.Topology;

/// <summary>The unit's <c>failover lan unit</c> designation (seed, "Primary/Secondary Status and Active/Standby Status").</summary>
public enum UnitRole
{
    /// <summary><c>failover lan unit primary</c>.</summary>
    Primary,

    /// <summary><c>failover lan unit secondary</c>.</summary>
    Secondary,
}

/// <summary>Display and token forms of <see cref="UnitRole"/>.</summary>
public static class UnitRoles
{
    /// <summary>Primary, then secondary.</summary>
    public static readonly UnitRole[] Both = [UnitRole.Primary, UnitRole.Secondary];

    /// <summary>The other unit of the pair.</summary>
    /// <param name="unit">A unit.</param>
    public static UnitRole Mate(this UnitRole unit) => unit == UnitRole.Primary ? UnitRole.Secondary : UnitRole.Primary;

    /// <summary><c>primary</c> or <c>secondary</c>, as scenarios and the JSON forms write it.</summary>
    /// <param name="unit">A unit.</param>
    public static string Token(this UnitRole unit) => unit == UnitRole.Primary ? "primary" : "secondary";

    /// <summary><c>Primary</c> or <c>Secondary</c>, as the show commands print it.</summary>
    /// <param name="unit">A unit.</param>
    public static string Display(this UnitRole unit) => unit == UnitRole.Primary ? "Primary" : "Secondary";

    /// <summary>Reads a token written by <see cref="Token"/>.</summary>
    /// <param name="text">The token.</param>
    /// <param name="unit">The unit read; default when the token is neither.</param>
    public static bool TryParse(string text, out UnitRole unit)
    {
        switch (text)
        {
            case "primary":
                unit = UnitRole.Primary;
                return true;
            case "secondary":
                unit = UnitRole.Secondary;
                return true;
            default:
                unit = default;
                return false;
        }
    }
}
