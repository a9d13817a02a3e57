using System.Globalization;
using System.Text;
using System.Text.Json;
using FailoverModel.Input;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// Reads one trace line or lock-step request straight into a <see cref="TraceLine"/> with a <see cref="Utf8JsonReader"/>
/// (no document, no re-serialisation), strictly (RFC 8259 with I-JSON's rules, as <see cref="StrictJson"/>): no
/// duplicate member, no lone surrogate, depth at most 64, nothing after the object. A member the state object does not
/// have, or a value of the wrong JSON type, is bad input (an <see cref="InputException"/> at the line), not a divergence:
/// <c>oracle check</c> stops there with exit 2 and <c>oracle serve</c> answers it with an error, the same message.
/// </summary>
internal sealed class TraceLineReader(PairConfig config)
{
    private const string Schema = " (docs/schema/state.schema.json)";
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private byte[] _bytes = new byte[4_096];
    private string _file = "";
    private long _line;

    public PairConfig Config { get; } = config;

    /// <summary>
    /// Reads <paramref name="text"/>, line <paramref name="line"/> of <paramref name="file"/>. With
    /// <paramref name="allowReset"/> (a lock-step session), <c>{"reset": true}</c> is read as null.
    /// </summary>
    public TraceLine? Read(string text, string file, long line, bool allowReset = false)
    {
        (_file, _line) = (file, line);
        if (StrictJson.LoneSurrogate(text) is { } at)
        {
            throw new InputException(file, line, at + 1, "an escaped UTF-16 surrogate without its pair (\\ud800-\\udfff): not a character");
        }

        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }

        var count = Encoding.UTF8.GetBytes(text, _bytes);
        var r = new Utf8JsonReader(_bytes.AsSpan(0, count), new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            var result = ReadLine(ref r, allowReset);
            if (r.Read())
            {
                throw Syntax(r.TokenStartIndex, $"'{(char)_bytes[r.TokenStartIndex]}' is invalid after a single JSON value");
            }

            return result;
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            message = end < 0 ? message.TrimEnd('.') : message[..end];
            throw new InputException(file, line, (e.BytePositionInLine ?? 0) + 1, $"not a JSON object: {message}");
        }
    }

    private InputException Syntax(long at, string message) => new(_file, _line, at + 1, $"not a JSON object: {message}");

    private InputException Shape(string message) => new(_file, _line, 1, message);

    private TraceLine? ReadLine(ref Utf8JsonReader r, bool allowReset)
    {
        if (!r.Read())
        {
            throw Syntax(0, "the line is empty");
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            var kind = Kind(r.TokenType);
            SkipStrict(ref r);
            throw Shape($"a trace line is a JSON object, not {kind}");
        }

        string? @event = null, @case = null;
        bool settle = true, reset = false, sawReset = false;
        long? stamp = null;
        Observation? observation = null;
        DeviceText? device = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref r, names) is { } name)
        {
            switch (name)
            {
                case "event":
                    @event = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                    if (@event is null)
                    {
                        SkipStrict(ref r);
                    }

                    break;
                case "settle":
                    settle = r.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw Shape("\"settle\" is true or false"),
                    };
                    break;
                case "step" or "line":
                    if (r.TokenType != JsonTokenType.Number)
                    {
                        throw Shape($"\"{name}\" is a number");
                    }

                    break;
                case "at":
                    stamp = r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var ms) && ms >= 0 ? ms : throw Shape("\"at\" is a whole number of milliseconds, at least 0");
                    break;
                case "case":
                    @case = CaseText(ref r);
                    break;
                case "reset" when allowReset:
                    sawReset = true;
                    reset = r.TokenType == JsonTokenType.True;
                    SkipStrict(ref r);
                    break;
                case TraceLine.DeviceField:
                    device = ReadDevice(ref r);
                    break;
                default:
                    if (!TraceLine.StateFields.Contains(name))
                    {
                        throw Shape($"unknown field \"{name}\" (a trace line has {string.Join(", ", TraceLine.MetaFields.Concat(TraceLine.StateFields).Append(TraceLine.DeviceField))})");
                    }

                    ReadState(ref r, name, observation ??= new Observation());
                    break;
            }
        }

        if (sawReset)
        {
            return reset && names.Count == 1 ? null : throw Shape("a reset request is exactly {\"reset\": true}");
        }

        return @event is null
            ? throw Shape("a trace line needs \"event\": a string such as \"power-off primary\"")
            : new TraceLine(@event, settle, @case, observation, device, stamp);
    }

    /// <summary>Moves to the next member of the current object and onto its value; null at the object's end.</summary>
    private string? Next(ref Utf8JsonReader r, HashSet<string> names)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var at = r.TokenStartIndex;
        var name = r.GetString()!;
        if (!names.Add(name))
        {
            throw Syntax(at, $"Duplicate property '{name}'");
        }

        r.Read();
        return name;
    }

    /// <summary>The <c>case</c> value's JSON text: compared as written, so <c>3</c> and <c>"3"</c> are different cases.</summary>
    private string CaseText(ref Utf8JsonReader r)
    {
        var start = (int)r.TokenStartIndex;
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            SkipStrict(ref r);
            return Encoding.UTF8.GetString(_bytes, start, (int)r.BytesConsumed - start);
        }

        return Encoding.UTF8.GetString(_bytes, start, (int)r.BytesConsumed - start);
    }

    /// <summary>Skips the current value, still refusing duplicate members inside it.</summary>
    private void SkipStrict(ref Utf8JsonReader r)
    {
        if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = r.CurrentDepth;
        var scopes = new Stack<HashSet<string>?>();
        scopes.Push(r.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
        while (r.Read() && r.CurrentDepth > depth)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = r.GetString()!;
                    if (scopes.Peek() is { } names && !names.Add(name))
                    {
                        throw Syntax(r.TokenStartIndex, $"Duplicate property '{name}'");
                    }

                    break;
                case JsonTokenType.StartObject:
                    scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
            }
        }
    }

    private void ReadState(ref Utf8JsonReader r, string name, Observation o)
    {
        switch (name)
        {
            case "time":
                o.Time = Number(ref r, "time");
                break;
            case "units":
                Members(ref r, "units", (ref Utf8JsonReader r, string role, string at) =>
                {
                    var unit = Role(role, at);
                    var u = o.Units.TryGetValue(unit, out var known) ? known : o.Units[unit] = new UnitObservation();
                    ReadUnit(ref r, u, at);
                });
                break;
            case "links":
                var links = o.Links ??= new LinksObservation();
                Members(ref r, "links", (ref Utf8JsonReader r, string field, string at) =>
                {
                    switch (field)
                    {
                        case "failover":
                            links.Failover = Text(ref r, at);
                            break;
                        case "state":
                            links.State = Text(ref r, at);
                            break;
                        default:
                            throw NoSuchField(at);
                    }
                });
                break;
            case "groups":
                Members(ref r, "groups", (ref Utf8JsonReader r, string id, string at) =>
                {
                    var g = o.Groups[Group(id, at)] = new GroupObservation();
                    Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
                    {
                        switch (field)
                        {
                            case "activeOn":
                                g.ActiveOn = Text(ref r, at2);
                                break;
                            case "outage":
                                g.Outage = Number(ref r, at2);
                                break;
                            default:
                                throw NoSuchField(at2);
                        }
                    });
                });
                break;
            case "contexts":
                Members(ref r, "contexts", (ref Utf8JsonReader r, string context, string at) =>
                {
                    if (!Config.Contexts.Any(c => c.Name == context))
                    {
                        throw NoSuchField(at);
                    }

                    var c = o.Contexts[context] = new ContextObservation();
                    Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
                    {
                        switch (field)
                        {
                            case "group":
                                c.Group = Number(ref r, at2);
                                break;
                            case "activeOn":
                                c.ActiveOn = Text(ref r, at2);
                                break;
                            default:
                                throw NoSuchField(at2);
                        }
                    });
                });
                break;
            case "connections":
                Members(ref r, "connections", (ref Utf8JsonReader r, string id, string at) =>
                {
                    var c = o.Connections[Group(id, at)] = new ConnectionsObservation();
                    Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
                    {
                        switch (field)
                        {
                            case "open":
                                c.Open = Texts(ref r, at2);
                                break;
                            case "replicated":
                                c.Replicated = Texts(ref r, at2);
                                break;
                            default:
                                throw NoSuchField(at2);
                        }
                    });
                });
                break;
            case "views":
                Members(ref r, "views", (ref Utf8JsonReader r, string role, string at) =>
                {
                    var v = o.Views[Role(role, at)] = new MateViewObservation();
                    Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
                    {
                        switch (field)
                        {
                            case "contact":
                                v.Contact = Text(ref r, at2);
                                break;
                            case "groups":
                                ReadGroupStates(ref r, v.Groups, at2);
                                break;
                            default:
                                throw NoSuchField(at2);
                        }
                    });
                });
                break;
            case "syslog":
                o.Syslog = ReadSyslog(ref r);
                break;
        }
    }

    private void ReadUnit(ref Utf8JsonReader r, UnitObservation u, string path) =>
        Members(ref r, path, (ref Utf8JsonReader r, string field, string at) =>
        {
            switch (field)
            {
                case "power":
                    u.Power = Text(ref r, at);
                    break;
                case "failover":
                    u.Failover = Text(ref r, at);
                    break;
                case "status":
                    u.Status = Text(ref r, at);
                    break;
                case "groups":
                    ReadGroupStates(ref r, u.Groups, at);
                    break;
                case "failedInterfaces":
                    u.FailedInterfaces = Texts(ref r, at);
                    break;
                case "configuration":
                    Members(ref r, at, (ref Utf8JsonReader r, string space, string at2) =>
                    {
                        if (!Enumerable.Range(0, Config.Spaces).Any(s => Config.SpaceName(s) == space))
                        {
                            throw NoSuchField(at2);
                        }

                        u.Configuration[space] = Numbers(ref r, at2);
                    });
                    break;
                default:
                    throw NoSuchField(at);
            }
        });

    private void ReadGroupStates(ref Utf8JsonReader r, Dictionary<int, GroupStateObservation> into, string path) =>
        Members(ref r, path, (ref Utf8JsonReader r, string id, string at) =>
        {
            var g = into[Group(id, at)] = new GroupStateObservation();
            Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
            {
                switch (field)
                {
                    case "state":
                        g.State = Text(ref r, at2);
                        break;
                    case "reason":
                        g.Reason = Text(ref r, at2);
                        break;
                    default:
                        throw NoSuchField(at2);
                }
            });
        });

    private List<SyslogObservation> ReadSyslog(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartArray, "syslog");
        var list = new List<SyslogObservation>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var at = $"syslog[{list.Count}]";
            Expect(ref r, JsonTokenType.StartObject, at);
            string? unit = null, text = null;
            ObservedNumber? id = null, group = null;
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (Next(ref r, names) is { } field)
            {
                var at2 = $"{at}.{field}";
                switch (field)
                {
                    case "unit":
                        unit = Text(ref r, at2);
                        break;
                    case "id":
                        id = Number(ref r, at2);
                        break;
                    case "text":
                        text = Text(ref r, at2);
                        break;
                    case "group":
                        group = Number(ref r, at2);
                        break;
                    default:
                        throw NoSuchField(at2);
                }
            }

            list.Add(new SyslogObservation(unit, id, text, group));
        }

        return list;
    }

    private DeviceText ReadDevice(ref Utf8JsonReader r)
    {
        var device = new DeviceText();
        Members(ref r, TraceLine.DeviceField, (ref Utf8JsonReader r, string role, string at) =>
        {
            var u = device.Units[Role(role, at)] = new UnitDeviceText();
            Members(ref r, at, (ref Utf8JsonReader r, string field, string at2) =>
            {
                switch (field)
                {
                    case "show failover":
                        u.ShowFailover = Text(ref r, at2);
                        break;
                    case "show failover state":
                        u.ShowFailoverState = Text(ref r, at2);
                        break;
                    case "syslog":
                        u.Syslog = Texts(ref r, at2);
                        break;
                    default:
                        throw Shape($"{at2}: device text is 'show failover', 'show failover state' or 'syslog' (docs/oracle.md, \"Device output\")");
                }
            });
        });
        return device;
    }

    private delegate void MemberReader(ref Utf8JsonReader r, string name, string path);

    private void Members(ref Utf8JsonReader r, string path, MemberReader read)
    {
        Expect(ref r, JsonTokenType.StartObject, path);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref r, names) is { } name)
        {
            read(ref r, name, $"{path}.{name}");
        }
    }

    private UnitRole Role(string name, string at) =>
        UnitRoles.Both.FirstOrDefault(u => u.Token() == name) is var unit && unit.Token() == name ? unit : throw NoSuchField(at);

    private int Group(string name, string at) =>
        FailoverGroupId.TryParse(name, out var id) && Config.HasGroup(id) ? id.Number : throw NoSuchField(at);

    private string Text(ref Utf8JsonReader r, string at)
    {
        Expect(ref r, JsonTokenType.String, at);
        return r.GetString()!;
    }

    private ObservedNumber Number(ref Utf8JsonReader r, string at)
    {
        Expect(ref r, JsonTokenType.Number, at);
        var raw = Encoding.UTF8.GetString(r.ValueSpan);
        return r.TryGetDecimal(out var value) ? new ObservedNumber(value, raw) : new ObservedNumber(decimal.MinValue, raw);
    }

    private List<string> Texts(ref Utf8JsonReader r, string at)
    {
        Expect(ref r, JsonTokenType.StartArray, at);
        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Text(ref r, $"{at}[{list.Count}]"));
        }

        return list;
    }

    private List<ObservedNumber> Numbers(ref Utf8JsonReader r, string at)
    {
        Expect(ref r, JsonTokenType.StartArray, at);
        var list = new List<ObservedNumber>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Number(ref r, $"{at}[{list.Count}]"));
        }

        return list;
    }

    private void Expect(ref Utf8JsonReader r, JsonTokenType type, string at)
    {
        var found = r.TokenType is JsonTokenType.True ? JsonTokenType.False : r.TokenType;
        if (found != type)
        {
            SkipStrict(ref r);
            throw Shape($"{at}: {Article(Kind(type))} is expected here, not {Article(Kind(found))}{Schema}");
        }
    }

    private InputException NoSuchField(string at) => Shape($"{at}: the state object has no such field here{Schema}");

    private static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };

    private static string Article(string kind) => kind is "object" or "array" ? $"an {kind}" : $"a {kind}";
}
