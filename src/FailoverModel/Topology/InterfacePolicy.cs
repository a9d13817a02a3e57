namespace FailoverModel.Topology;

/// <summary>
/// The failover group's <c>interface-policy num[%]</c>: how many (or what share) of the group's monitored
/// interfaces must fail before the group fails. The seed's table says "above threshold"; Cisco's ASA configuration
/// guide ("Configuring Failover Criteria") says "By default, a single interface failure causes failover" and
/// "Failover occurs if the number of failed interfaces meets the failover criteria": the threshold is reached at equality.
/// </summary>
public readonly record struct InterfacePolicy(int Value, bool IsPercentage)
{
    /// <summary>ASA's default: one failed monitored interface.</summary>
    public static readonly InterfacePolicy Default = new(1, false);

    /// <summary>Whether <paramref name="failed"/> of <paramref name="monitored"/> monitored interfaces reach the policy (at equality, as the guide says).</summary>
    /// <param name="failed">The group's failed monitored interfaces on a unit.</param>
    /// <param name="monitored">The group's monitored interfaces.</param>
    public bool IsReached(int failed, int monitored) =>
        monitored > 0 && failed > 0 && (IsPercentage ? failed * 100 >= Value * monitored : failed >= Value);

    /// <inheritdoc/>
    public override string ToString() => IsPercentage ? $"{Value}%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
