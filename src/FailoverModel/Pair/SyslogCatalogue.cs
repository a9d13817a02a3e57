using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>The syslog messages the model logs, named after what ASA says in them; the value is ASA's message id.</summary>
internal enum SyslogId
{
    NoResponseFromOtherFirewall = 103001,
    SwitchingToActive = 104001,
    SwitchingToStandby = 104002,
    SwitchingToFailed = 104003,
    SwitchingToOk = 104004,
    DisablingFailover = 105001,
    EnablingFailover = 105002,
    MonitoringOnInterfaceNormal = 105004,
    LostFailoverCommunications = 105005,
    TestingInterface = 105008,
    TestingOnInterface = 105009,
    FailoverInterfaceOk = 105042,
    FailoverInterfaceFailed = 105043,
    LineProtocolUp = 411001,
    LineProtocolDown = 411002,
    ReplicationSendBegins = 709003,
    ReplicationSendEnds = 709004,
    ReplicationReceiveBegins = 709005,
    ReplicationReceiveEnds = 709006,
}

/// <summary>The outcome 105009 gives of a unit's test of an interface, as ASA writes it.</summary>
internal enum InterfaceTestResult
{
    /// <summary>The interface heard traffic: it is healthy.</summary>
    Passed,

    /// <summary>The interface heard nothing: it is failed.</summary>
    Failed,
}

/// <summary>The designation ASA writes before a message's text.</summary>
internal enum SyslogTag
{
    /// <summary>No designation (interface line protocol messages).</summary>
    None,

    /// <summary>The unit's: <c>(Primary)</c> or <c>(Secondary)</c>.</summary>
    Unit,

    /// <summary>The unit's and the failover group's, as Active/Active units write it: <c>(Primary_group_1)</c>.</summary>
    UnitGroup,
}

/// <summary>
/// Another form of a message that a device is documented to write: the same message with <paramref name="Printed"/> in
/// its text replaced by <paramref name="Written"/>, as <paramref name="Source"/> shows it.
/// </summary>
internal sealed record SyslogVariant(string Printed, string Written, string Source);

/// <summary>
/// One message of the catalogue: its id, severity, the designation the model writes (and the others a device is
/// documented to write), its text with holes in braces (<c>{interface}</c>), the source of all of it, and the documented
/// variants of the text.
/// </summary>
internal sealed record SyslogDefinition(SyslogId Id, int Severity, SyslogTag Tag, string Template, string Source)
{
    /// <summary>Designations other than <see cref="Tag"/> that devices are documented to write on this message.</summary>
    public ImmutableArray<(SyslogTag Tag, string Source)> OtherTags { get; init; } = [];

    /// <summary>Documented variants of the text.</summary>
    public ImmutableArray<SyslogVariant> Variants { get; init; } = [];

    /// <summary>The text with each hole filled, in order, by <paramref name="values"/>, after the designation.</summary>
    public string Format(UnitRole unit, FailoverGroupId? group, ReadOnlySpan<string> values)
    {
        var sb = new StringBuilder(Designation(Tag, unit, group));
        var next = 0;
        var i = 0;
        while (i < Template.Length)
        {
            var open = Template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(Template, i, Template.Length - i);
                break;
            }

            var close = Template.IndexOf('}', open);
            sb.Append(Template, i, open - i);
            if (next >= values.Length)
            {
                throw new ArgumentException($"{(int)Id} needs a value for {Template[open..(close + 1)]}", nameof(values));
            }

            sb.Append(values[next++]);
            i = close + 1;
        }

        return next == values.Length ? sb.ToString() : throw new ArgumentException($"{(int)Id} has {next} holes, given {values.Length} values", nameof(values));
    }

    /// <summary>The designation as ASA writes it, with its trailing space; a group tag needs the group.</summary>
    public static string Designation(SyslogTag tag, UnitRole unit, FailoverGroupId? group) => tag switch
    {
        SyslogTag.None => "",
        SyslogTag.Unit => $"({unit.Display()}) ",
        SyslogTag.UnitGroup => group is { } g ? $"({unit.Display()}_group_{g}) " : $"({unit.Display()}) ",
        _ => throw new ArgumentOutOfRangeException(nameof(tag)),
    };
}

/// <summary>
/// Every syslog message the model logs, as data: the one place severities, designations and texts are written, with the
/// public source of each (docs/sources.md, "Syslog"). The model prints one form of each message; where devices are
/// documented to write another (a group designation, a reason string of another release), the oracle accepts that
/// form too and says which one it matched (<see cref="DocumentedForms"/>).
/// </summary>
internal static class SyslogCatalogue
{
    private const string Guide = "Cisco ASA syslog messages guide";
    private const string CapturedPair = "captured logs of a real pair, kept in a public log parser's tests (docs/sources.md, \"Syslog\")";
    private const string CapturedActiveActive = "captured logs of a real Active/Active pair, kept in a public log parser's tests (docs/sources.md, \"Syslog\")";

    /// <summary>Every message, in id order.</summary>
    public static readonly ImmutableArray<SyslogDefinition> All =
    [
        new(SyslogId.NoResponseFromOtherFirewall, 1, SyslogTag.Unit, "No response from other firewall (reason code = {code}).", Guide),
        new(SyslogId.SwitchingToActive, 1, SyslogTag.Unit, "Switching to ACTIVE - {reason}", Guide),
        new(SyslogId.SwitchingToStandby, 1, SyslogTag.Unit, "Switching to STANDBY - {reason}", Guide)
        {
            // The guide writes STANDBY; a captured real pair writes STNDBY.
            Variants = [new("Switching to STANDBY - ", "Switching to STNDBY - ", CapturedPair)],
        },
        new(SyslogId.SwitchingToFailed, 1, SyslogTag.Unit, "Switching to FAILED.", Guide),
        new(SyslogId.SwitchingToOk, 1, SyslogTag.Unit, "Switching to OK.", Guide),
        new(SyslogId.DisablingFailover, 1, SyslogTag.Unit, "Disabling failover.", Guide),
        new(SyslogId.EnablingFailover, 1, SyslogTag.Unit, "Enabling failover.", Guide),
        new(SyslogId.MonitoringOnInterfaceNormal, 1, SyslogTag.Unit, "Monitoring on interface {interface} normal", Guide),
        new(SyslogId.LostFailoverCommunications, 1, SyslogTag.Unit, "Lost Failover communications with mate on interface {interface}", Guide),

        // The same captured Active/Active log writes 105008 with the unit's designation and 105009 with the group's.
        new(SyslogId.TestingInterface, 1, SyslogTag.Unit, "Testing Interface {interface}", Guide),
        new(SyslogId.TestingOnInterface, 1, SyslogTag.UnitGroup, "Testing on interface {interface} {result}", $"{Guide}; the group designation from {CapturedActiveActive}")
        {
            OtherTags = [(SyslogTag.Unit, Guide)],
        },
        new(SyslogId.FailoverInterfaceOk, 1, SyslogTag.Unit, "Failover interface OK", Guide),
        new(SyslogId.FailoverInterfaceFailed, 1, SyslogTag.Unit, "Failover interface failed", Guide),
        new(SyslogId.LineProtocolUp, 4, SyslogTag.None, "Line protocol on Interface {interface}, changed state to up", Guide),
        new(SyslogId.LineProtocolDown, 4, SyslogTag.None, "Line protocol on Interface {interface}, changed state to down", Guide),
        new(SyslogId.ReplicationSendBegins, 1, SyslogTag.Unit, "Beginning configuration replication: Send to mate.", Guide),
        new(SyslogId.ReplicationSendEnds, 1, SyslogTag.Unit, "End Configuration Replication (ACT)", Guide),
        new(SyslogId.ReplicationReceiveBegins, 1, SyslogTag.Unit, "Beginning configuration replication: Receiving from mate.", Guide),
        new(SyslogId.ReplicationReceiveEnds, 1, SyslogTag.Unit, "End Configuration Replication (STB)", Guide),
    ];

    private static readonly FrozenDictionary<int, SyslogDefinition> ById = All.ToFrozenDictionary(d => (int)d.Id);

    /// <summary>The definition of a message id the model logs.</summary>
    public static SyslogDefinition Of(SyslogId id) => ById[(int)id];

    /// <summary>The definition of a message id, if the model logs it.</summary>
    public static SyslogDefinition? Find(int id) => ById.GetValueOrDefault(id);

    /// <summary>
    /// Every form of <paramref name="message"/> a device is documented to write, each with the source that documents
    /// it; the model's own form first.
    /// </summary>
    public static IEnumerable<(string Text, string Form)> DocumentedForms(SyslogMessage message)
    {
        if (Find(message.Id) is not { } definition)
        {
            yield return (message.Text, "the model's form");
            yield break;
        }

        var printed = SyslogDefinition.Designation(definition.Tag, message.Unit, message.Group);
        var body = message.Text.StartsWith(printed, StringComparison.Ordinal) ? message.Text[printed.Length..] : message.Text;
        var tags = new List<(string Designation, string Source)> { (printed, definition.Source) };
        tags.AddRange(definition.OtherTags.Select(t => (SyslogDefinition.Designation(t.Tag, message.Unit, message.Group), t.Source)));
        foreach (var (designation, source) in tags)
        {
            yield return (designation + body, source);
            foreach (var variant in definition.Variants.Where(v => body.Contains(v.Printed, StringComparison.Ordinal)))
            {
                yield return (designation + body.Replace(variant.Printed, variant.Written, StringComparison.Ordinal), variant.Source);
            }
        }
    }

    /// <summary>
    /// The reason 104001/104002 give for a change of a group's role, from the reason <c>show failover history</c> gives
    /// for it. Captured logs write some without the full stop the guide's examples end with; each is written as its
    /// source writes it.
    /// </summary>
    public sealed record SwitchReason(string History, string Printed, string Source);

    /// <summary>Every reason 104001/104002 give, by the history reason of the same change.</summary>
    public static readonly ImmutableArray<SwitchReason> SwitchReasons =
    [
        new(Rules.GroupReasons.HelloNotHeard, "HELLO not heard from mate.", CapturedPair),
        new(Rules.GroupReasons.OtherUnitWantsMeActive, "mate want me Active", CapturedPair),
        new(Rules.GroupReasons.OtherUnitWantsMeStandby, "Other unit wants me Standby.", "captured logs of real pairs (ASA-FACTS, \"Syslog\")"),
        new(Rules.GroupReasons.SetByConfigCommand, "Set by the config command.", "captured logs of real pairs (ASA-FACTS, \"Syslog\")"),
        new(Rules.GroupReasons.InterfaceCheck, "interface check, mate is healthier", CapturedPair),

        // No source shows 104001 after a negotiation that found no active unit; the model gives the history's reason.
        new(Rules.GroupReasons.NoActiveUnitFound, "No Active unit found.", "the model's decision (docs/decisions.md)"),
    ];

    private static readonly FrozenDictionary<string, SwitchReason> ReasonByHistory = SwitchReasons.ToFrozenDictionary(r => r.History, StringComparer.Ordinal);

    /// <summary>The 104001/104002 reason for a change whose history reason is <paramref name="history"/>.</summary>
    public static string SwitchReasonOf(string history) =>
        ReasonByHistory.TryGetValue(history, out var reason) ? reason.Printed : throw new ArgumentException($"no 104001/104002 reason for '{history}'", nameof(history));
}
