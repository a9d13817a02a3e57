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
/// <remarks>
/// A trace repeats the same few hundred names and words on every line, so the reader keeps what it has read: member
/// names and short strings are looked up in a bounded table by their characters instead of allocated again, the sets
/// that refuse a duplicate member are reused level by level, and the path a message names (<c>units.primary.status</c>)
/// is kept as a stack of members and only written out when a message needs it. A long trace is read with next to no
/// allocation per line (<c>failover-model bench</c>, "oracle check").
/// </remarks>
internal sealed class TraceLineReader(PairConfig config)
{
    private const string Schema = " (docs/schema/state.schema.json)";

    /// <summary>Strings longer than this are allocated each time (the table is for names and words, not text).</summary>
    private const int InternedLength = 128;

    /// <summary>At most this many distinct strings are kept, so that a hostile trace cannot grow the table without end.</summary>
    private const int InternedLimit = 16_384;

    private readonly HashSet<string> _interned = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _names = [];
    private readonly List<(string Member, int Index)> _path = [];
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
        _path.Clear();
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
        var names = Enter();
        while (Next(ref r, names) is { } name)
        {
            switch (name)
            {
                case "event":
                    @event = r.TokenType == JsonTokenType.String ? String(ref r) : null;
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
                    if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out _))
                    {
                        throw Shape($"\"{name}\" is a whole number");
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

    /// <summary>Opens an object's members: one more level of the path, and that level's set of names read, emptied.</summary>
    private HashSet<string> Enter()
    {
        var level = _path.Count;
        _path.Add(("", -1));
        if (_names.Count <= level)
        {
            _names.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var names = _names[level];
        names.Clear();
        return names;
    }

    /// <summary>
    /// Moves to the next member of the current object and onto its value, which the path then names; null at the
    /// object's end, which leaves its level of the path.
    /// </summary>
    private string? Next(ref Utf8JsonReader r, HashSet<string> names)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.EndObject)
        {
            _path.RemoveAt(_path.Count - 1);
            return null;
        }

        var at = r.TokenStartIndex;
        var name = String(ref r);
        if (!names.Add(name))
        {
            throw Syntax(at, $"Duplicate property '{name}'");
        }

        _path[^1] = (name, -1);
        r.Read();
        return name;
    }

    /// <summary>Opens the object the current member holds (an error there names the member).</summary>
    private HashSet<string> Object(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        return Enter();
    }

    /// <summary>The path of the value being read, as messages name it: <c>units.primary.groups.1.state</c>, <c>syslog[2].text</c>.</summary>
    private string Path()
    {
        var path = new StringBuilder();
        foreach (var (member, index) in _path)
        {
            if (member.Length == 0)
            {
                continue;
            }

            path.Append(path.Length == 0 ? "" : ".").Append(member);
            if (index >= 0)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return path.ToString();
    }

    /// <summary>Names the <paramref name="index"/>th element of the array the current member holds (-1: the array itself).</summary>
    private void Element(int index) => _path[^1] = (_path[^1].Member, index);

    /// <summary>
    /// The current string or member name: a short one is looked up by its characters in the strings already read and
    /// allocated only the first time (up to <see cref="InternedLimit"/> of them).
    /// </summary>
    private string String(ref Utf8JsonReader r)
    {
        if (r.ValueSpan.Length > InternedLength || r.HasValueSequence)
        {
            return r.GetString()!;
        }

        Span<char> chars = stackalloc char[InternedLength];
        var count = r.CopyString(chars);
        return Intern(chars[..count]);
    }

    private string Intern(ReadOnlySpan<char> chars)
    {
        if (_interned.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = chars.ToString();
        if (_interned.Count < InternedLimit)
        {
            _interned.Add(text);
        }

        return text;
    }

    /// <summary>The <c>case</c> value's JSON text: compared as written, so <c>3</c> and <c>"3"</c> are different cases.</summary>
    private string CaseText(ref Utf8JsonReader r)
    {
        var start = (int)r.TokenStartIndex;

        // A case is named by a whole number (as the vectors do) or a string (an implementation's own test names); an
        // object, a list, a fraction, true or null names nothing that tells two cases apart as the user meant.
        if (!(r.TokenType == JsonTokenType.String || (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out _))))
        {
            throw Shape("\"case\" is a whole number or a string");
        }

        var raw = _bytes.AsSpan(start, (int)r.BytesConsumed - start);
        if (raw.Length > InternedLength)
        {
            return Encoding.UTF8.GetString(raw);
        }

        Span<char> chars = stackalloc char[InternedLength];
        return Intern(chars[..Encoding.UTF8.GetChars(raw, chars)]);
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
                o.Time = Number(ref r);
                break;
            case "units":
                for (var units = Object(ref r); Next(ref r, units) is { } role;)
                {
                    var unit = Role(role);
                    var u = o.Units.TryGetValue(unit, out var known) ? known : o.Units[unit] = new UnitObservation();
                    ReadUnit(ref r, u);
                }

                break;
            case "links":
                var links = o.Links ??= new LinksObservation();
                for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
                {
                    switch (field)
                    {
                        case "failover":
                            links.Failover = Text(ref r);
                            break;
                        case "state":
                            links.State = Text(ref r);
                            break;
                        default:
                            throw NoSuchField();
                    }
                }

                break;
            case "groups":
                for (var groups = Object(ref r); Next(ref r, groups) is { } id;)
                {
                    var g = o.Groups[Group(id)] = new GroupObservation();
                    for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
                    {
                        switch (field)
                        {
                            case "activeOn":
                                g.ActiveOn = Text(ref r);
                                break;
                            case "outage":
                                g.Outage = Number(ref r);
                                break;
                            default:
                                throw NoSuchField();
                        }
                    }
                }

                break;
            case "contexts":
                for (var contexts = Object(ref r); Next(ref r, contexts) is { } context;)
                {
                    if (!Config.Contexts.Any(c => c.Name == context))
                    {
                        throw NoSuchField();
                    }

                    var c = o.Contexts[context] = new ContextObservation();
                    for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
                    {
                        switch (field)
                        {
                            case "group":
                                c.Group = Number(ref r);
                                break;
                            case "activeOn":
                                c.ActiveOn = Text(ref r);
                                break;
                            default:
                                throw NoSuchField();
                        }
                    }
                }

                break;
            case "connections":
                for (var groups = Object(ref r); Next(ref r, groups) is { } id;)
                {
                    var c = o.Connections[Group(id)] = new ConnectionsObservation();
                    for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
                    {
                        switch (field)
                        {
                            case "open":
                                c.Open = Texts(ref r);
                                break;
                            case "replicated":
                                c.Replicated = Texts(ref r);
                                break;
                            default:
                                throw NoSuchField();
                        }
                    }
                }

                break;
            case "views":
                for (var views = Object(ref r); Next(ref r, views) is { } role;)
                {
                    var v = o.Views[Role(role)] = new MateViewObservation();
                    for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
                    {
                        switch (field)
                        {
                            case "contact":
                                v.Contact = Text(ref r);
                                break;
                            case "groups":
                                ReadGroupStates(ref r, v.Groups);
                                break;
                            default:
                                throw NoSuchField();
                        }
                    }
                }

                break;
            case "syslog":
                o.Syslog = ReadSyslog(ref r);
                break;
        }
    }

    private void ReadUnit(ref Utf8JsonReader r, UnitObservation u)
    {
        for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
        {
            switch (field)
            {
                case "power":
                    u.Power = Text(ref r);
                    break;
                case "failover":
                    u.Failover = Text(ref r);
                    break;
                case "status":
                    u.Status = Text(ref r);
                    break;
                case "groups":
                    ReadGroupStates(ref r, u.Groups);
                    break;
                case "failedInterfaces":
                    u.FailedInterfaces = Texts(ref r);
                    break;
                case "configuration":
                    u.Configuration.EnsureCapacity(Config.Spaces);
                    for (var spaces = Object(ref r); Next(ref r, spaces) is { } space;)
                    {
                        if (!IsSpace(space))
                        {
                            throw NoSuchField();
                        }

                        u.Configuration[space] = Numbers(ref r);
                    }

                    break;
                default:
                    throw NoSuchField();
            }
        }
    }

    private bool IsSpace(string name)
    {
        for (var s = 0; s < Config.Spaces; s++)
        {
            if (Config.SpaceName(s) == name)
            {
                return true;
            }
        }

        return false;
    }

    private void ReadGroupStates(ref Utf8JsonReader r, Dictionary<int, GroupStateObservation> into)
    {
        for (var groups = Object(ref r); Next(ref r, groups) is { } id;)
        {
            var g = into[Group(id)] = new GroupStateObservation();
            for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
            {
                switch (field)
                {
                    case "state":
                        g.State = Text(ref r);
                        break;
                    case "reason":
                        g.Reason = Text(ref r);
                        break;
                    default:
                        throw NoSuchField();
                }
            }
        }
    }

    private List<SyslogObservation> ReadSyslog(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<SyslogObservation>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            Element(list.Count);
            string? unit = null, text = null;
            ObservedNumber? id = null, group = null;
            for (var fields = Object(ref r); Next(ref r, fields) is { } field;)
            {
                switch (field)
                {
                    case "unit":
                        unit = Text(ref r);
                        break;
                    case "id":
                        id = Number(ref r);
                        break;
                    case "text":
                        text = Text(ref r);
                        break;
                    case "group":
                        group = Number(ref r);
                        break;
                    default:
                        throw NoSuchField();
                }
            }

            list.Add(new SyslogObservation(unit, id, text, group));
        }

        Element(-1);
        return list;
    }

    private DeviceText ReadDevice(ref Utf8JsonReader r)
    {
        var device = new DeviceText();
        for (var units = Object(ref r); Next(ref r, units) is { } role;)
        {
            var u = device.Units[Role(role)] = new UnitDeviceText();
            for (var outputs = Object(ref r); Next(ref r, outputs) is { } field;)
            {
                switch (field)
                {
                    case "show failover":
                        u.ShowFailover = Text(ref r);
                        break;
                    case "show failover state":
                        u.ShowFailoverState = Text(ref r);
                        break;
                    case "syslog":
                        u.Syslog = Texts(ref r);
                        break;
                    default:
                        throw Shape($"{Path()}: device text is 'show failover', 'show failover state' or 'syslog' (docs/oracle.md, \"Device output\")");
                }
            }
        }

        return device;
    }

    private UnitRole Role(string name) =>
        UnitRoles.Both.FirstOrDefault(u => u.Token() == name) is var unit && unit.Token() == name ? unit : throw NoSuchField();

    private int Group(string name) =>
        FailoverGroupId.TryParse(name, out var id) && Config.HasGroup(id) ? id.Number : throw NoSuchField();

    private string Text(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.String);
        return String(ref r);
    }

    /// <summary>A number, compared by value and kept as written for messages (the text of a short one is looked up, not allocated).</summary>
    private ObservedNumber Number(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.Number);
        var raw = r.ValueSpan;
        string text;
        if (raw.Length > InternedLength)
        {
            text = Encoding.UTF8.GetString(raw);
        }
        else
        {
            Span<char> chars = stackalloc char[InternedLength];
            text = Intern(chars[..Encoding.UTF8.GetChars(raw, chars)]);
        }

        return r.TryGetDecimal(out var value) ? new ObservedNumber(value, text) : new ObservedNumber(decimal.MinValue, text);
    }

    private List<string> Texts(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            Element(list.Count);
            list.Add(Text(ref r));
        }

        Element(-1);
        return list;
    }

    private List<ObservedNumber> Numbers(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<ObservedNumber>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            Element(list.Count);
            list.Add(Number(ref r));
        }

        Element(-1);
        return list;
    }

    /// <summary>Refuses a value of another JSON type than <paramref name="type"/>, naming the value's path.</summary>
    private void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        var found = r.TokenType is JsonTokenType.True ? JsonTokenType.False : r.TokenType;
        if (found != type)
        {
            SkipStrict(ref r);
            throw Shape($"{Path()}: {Article(Kind(type))} is expected here, not {Article(Kind(found))}{Schema}");
        }
    }

    private InputException NoSuchField() => Shape($"{Path()}: the state object has no such field here{Schema}");

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
