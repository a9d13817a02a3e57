using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>A message a unit logs (ASA syslog id and text); <see cref="Group"/> names the failover group it concerns, if any.</summary>
public sealed record SyslogMessage(UnitRole Unit, int Id, string Text, FailoverGroupId? Group = null)
{
    /// <summary>ASA's severity for the message id, from the syslog catalogue (ASA syslog messages guide): interface line protocol changes are warnings, failover and configuration replication messages are alerts.</summary>
    public int Severity => SyslogCatalogue.Find(Id)?.Severity ?? throw new InvalidOperationException($"{Id} is not a message the model logs");

    /// <inheritdoc/>
    public override string ToString() =>
        Group is { } g ? $"{Unit.Token()} group {g}: %ASA-{Severity}-{Id}: {Text}" : $"{Unit.Token()}: %ASA-{Severity}-{Id}: {Text}";
}
