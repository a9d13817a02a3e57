using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Vectors;

/// <summary>
/// The events test vectors are made of: the failover events of <see cref="EventAlphabet"/> and the configuration
/// changes, saves and connections of <see cref="ConfigurationAlphabet"/>, by kind (the names <c>oracle vectors
/// --events</c> takes), each read back as <c>oracle check</c> reads its text, so that a vector means to the checker what
/// it meant to the generator.
/// </summary>
internal static class VectorAlphabet
{
    /// <summary>The event kinds <c>--events</c> can name, each with the events of the alphabet it selects.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Event, bool>> Kinds = new Dictionary<string, Func<Event, bool>>(StringComparer.Ordinal)
    {
        ["power-on"] = e => e is PowerOn,
        ["power-off"] = e => e is PowerOff,
        ["crash"] = e => e is Crash,
        ["hardware-fail"] = e => e is HardwareFail,
        ["replace"] = e => e is Replace,
        ["interface"] = e => e is InterfaceChange,
        ["link-failover"] = e => e is LinkChange { Link: LinkKind.Failover },
        ["link-state"] = e => e is LinkChange { Link: LinkKind.State },
        ["failover"] = e => e is CommandEvent { Command: EnableFailover },
        ["no-failover"] = e => e is CommandEvent { Command: DisableFailover },
        ["failover-active"] = e => e is CommandEvent { Command: FailoverActive },
        ["no-failover-active"] = e => e is CommandEvent { Command: NoFailoverActive },
        ["failover-reset"] = e => e is CommandEvent { Command: FailoverReset },
        ["write-memory"] = e => e is CommandEvent { Command: WriteMemory },
        ["write-standby"] = e => e is CommandEvent { Command: WriteStandby },
        ["configure"] = e => e is CommandEvent { Command: ConfigurationCommand },
        ["failover-group"] = e => e is CommandEvent { Command: FailoverGroupMode },
        ["connect"] = e => e is Connect,
    };

    /// <summary>The kinds a tour takes when none are named: the failover events; configuration and connections have their suites (docs/oracle.md, "Suites").</summary>
    public static readonly IReadOnlySet<string> ConfigurationKinds = new HashSet<string>(StringComparer.Ordinal) { "configure", "failover-group", "connect" };

    /// <summary>Every event a vector may take under <paramref name="config"/>, as the checker reads it.</summary>
    public static IReadOnlyList<Event> Universe(PairConfig config)
    {
        var reader = new OracleEventReader(config);
        var events = new List<Event>();
        foreach (var e in EventAlphabet.For(config).Concat(ConfigurationAlphabet.For(config)))
        {
            var read = AsTheCheckerReadsIt(reader, e);
            if (!events.Contains(read))
            {
                events.Add(read);
            }
        }

        return events;
    }

    /// <summary>
    /// The events of the kinds named (an unknown kind is an <see cref="ArgumentException"/> naming the known ones); with
    /// none named, the failover events of <see cref="EventAlphabet"/>.
    /// </summary>
    public static IReadOnlyList<Event> Select(PairConfig config, IReadOnlyCollection<string>? kinds)
    {
        if (kinds is null || kinds.Count == 0)
        {
            var reader = new OracleEventReader(config);
            return [.. EventAlphabet.For(config).Select(e => AsTheCheckerReadsIt(reader, e))];
        }

        var selected = kinds.Select(k => Kinds.TryGetValue(k, out var select)
            ? select
            : throw new ArgumentException($"unknown event kind '{k}' (known: {string.Join(", ", Kinds.Keys)})")).ToList();
        return [.. Universe(config).Where(e => selected.Any(s => s(e)))];
    }

    /// <summary>
    /// The event <c>oracle check</c> makes of <paramref name="event"/>'s text. The checker reads each line's event on its
    /// own, so a configuration change is numbered as the first of its space there; the vectors take the same event so
    /// that the configuration revisions they expect are the ones the checker computes.
    /// </summary>
    public static Event AsTheCheckerReadsIt(OracleEventReader reader, Event @event) =>
        reader.Read(@event.ToString(), "alphabet", 1) is OracleEventAction read
            ? read.Event
            : throw new InvalidOperationException($"'{@event}' does not read back as an event");
}
