namespace FailoverModel.Topology;

/// <summary>The unit's <c>failover lan unit</c> designation (seed, "Primary/Secondary Status and Active/Standby Status").</summary>
public enum UnitRole
{
    Primary,
    Secondary,
}

/// <summary>Display and token forms of <see cref="UnitRole"/>.</summary>
public static class UnitRoles
{
    public static readonly UnitRole[] Both = [UnitRole.Primary, UnitRole.Secondary];

    public static UnitRole Mate(this UnitRole unit) => unit == UnitRole.Primary ? UnitRole.Secondary : UnitRole.Primary;

    public static string Token(this UnitRole unit) => unit == UnitRole.Primary ? "primary" : "secondary";

    public static string Display(this UnitRole unit) => unit == UnitRole.Primary ? "Primary" : "Secondary";

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
