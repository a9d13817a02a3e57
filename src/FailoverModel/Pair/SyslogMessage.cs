using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>A message a unit logs (ASA syslog id and text); <see cref="Group"/> names the failover group it concerns, if any.</summary>
public sealed record SyslogMessage(UnitRole Unit, int Id, string Text, FailoverGroupId? Group = null)
{
    /// <summary>ASA's severity for the message id (ASA syslog messages guide): interface line protocol changes are warnings, configuration replication is debugging, failover messages are alerts.</summary>
    public int Severity => Id switch
    {
        >= 411001 and <= 411004 => 4,
        >= 709000 and <= 709999 => 7,
        _ => 1,
    };

    public override string ToString() =>
        Group is { } g ? $"{Unit.Token()} group {g}: %ASA-{Severity}-{Id}: {Text}" : $"{Unit.Token()}: %ASA-{Severity}-{Id}: {Text}";
}
