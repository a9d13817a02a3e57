using FailoverModel.Asa;
using FailoverModel.Oracle;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>
/// A divergence names the member that differs (docs/oracle.md, "oracle check"): which connection kind is missing or
/// extra, of which failover group and its contexts, and which syslog message (unit, id, text) has a member wrong.
/// </summary>
public class NamedMemberTests
{
    private static readonly PairConfig Config = BuiltInConfigurations.SeedLanExample;

    private static TraceVerdict Check(string connections) =>
        new TraceChecker(Config).Check(
            new StringReader("""{"event": "power-on primary secondary"}""" + "\n" + """{"event": "connect context1 tcp", "connections": CONNECTIONS}""".Replace("CONNECTIONS", connections, StringComparison.Ordinal) + "\n"),
            "t");

    [Fact]
    public void TheRightConnectionsConform()
    {
        Assert.Null(Check("""{"1": {"open": ["tcp"], "replicated": ["tcp"]}, "2": {"open": [], "replicated": []}}""").Divergence);
    }

    [Fact]
    public void AMissingConnectionIsNamedByKindGroupAndContexts()
    {
        var divergence = Check("""{"1": {"open": ["tcp"], "replicated": []}}""").Divergence;

        Assert.NotNull(divergence);
        var field = Assert.Single(divergence.Fields);
        Assert.Equal(DivergenceKind.Missing, field.Kind);
        Assert.Equal("connections.1.replicated: missing: the model has \"tcp\", the trace does not (tcp connections of failover group 1: contexts admin, context1)", field.Message);
    }

    [Fact]
    public void AnExtraConnectionIsNamedByKindGroupAndContexts()
    {
        var divergence = Check("""{"1": {"open": ["tcp", "udp"]}, "2": {"open": ["http"]}}""").Divergence;

        Assert.NotNull(divergence);
        Assert.Equal(
            [
                "connections.1.open: extra: the trace has \"udp\", the model does not (udp connections of failover group 1: contexts admin, context1)",
                "connections.2.open: extra: the trace has \"http\", the model does not (http connections of failover group 2: context context2)",
            ],
            divergence.Fields.Select(f => f.Message));
    }

    /// <summary>Lists holding the same kinds, one of them twice, differ only by their length: no kind is missing or extra.</summary>
    [Fact]
    public void ARepeatedConnectionDiffersByLength()
    {
        var divergence = Check("""{"1": {"open": ["tcp", "tcp"]}}""").Divergence;

        Assert.NotNull(divergence);
        Assert.Equal("connections.1.open.length: the model has 1, the trace 2", Assert.Single(divergence.Fields).Message);
    }

    [Fact]
    public void AMissingFailedInterfaceIsNamed()
    {
        var trace = """{"event": "power-on primary secondary"}""" + "\n"
            + """{"event": "interface-down primary context1/inside", "units": {"primary": {"failedInterfaces": []}}}""" + "\n";

        var divergence = new TraceChecker(Config).Check(new StringReader(trace), "t").Divergence;

        Assert.NotNull(divergence);
        Assert.Equal("units.primary.failedInterfaces: missing: the model has \"context1/inside\", the trace does not", Assert.Single(divergence.Fields).Message);
    }

    /// <summary>A syslog message with one member wrong is named by its unit and id, and by its text when the text is not what differs.</summary>
    [Fact]
    public void ASyslogMessageWithAMemberWrongIsNamed()
    {
        var oracle = new OracleSession(Config);
        oracle.Apply("power-on primary secondary");
        var step = oracle.Apply("power-off primary");
        var logged = step.Messages.Select(m => new SyslogObservation(m.Unit.ToString().ToLowerInvariant(), m.Id, m.Text, m.Group?.Number)).ToList();
        var takeover = logged.FindIndex(m => m.Id is { Value: 104001 });
        var other = logged.FindIndex(m => m.Id is { Value: not 104001 });
        var model = step.Messages[takeover];
        logged[takeover] = logged[takeover] with { Text = "(Secondary) Switching to ACTIVE." };
        logged[other] = logged[other] with { Severity = 7 };

        Assert.True(oracle.Judge(step, new Observation { Syslog = step.Messages.Select(m => new SyslogObservation(m.Unit.ToString().ToLowerInvariant(), m.Id, m.Text, m.Group?.Number)).ToList() }).Conforms);
        var messages = oracle.Judge(step, new Observation { Syslog = logged }).Divergences.Select(d => d.Message).ToList();

        Assert.Contains($"syslog[{takeover}].text: the model has \"{model.Text}\", the trace \"(Secondary) Switching to ACTIVE.\" (the secondary's 104001)", messages);
        var named = step.Messages[other];
        Assert.Contains($"syslog[{other}].severity: the model has {named.Severity}, the trace 7 (the {named.Unit.ToString().ToLowerInvariant()}'s {named.Id} \"{named.Text}\")", messages);
    }
}
