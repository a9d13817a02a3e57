using System.Globalization;
using FailoverModel.Asa;
using FailoverModel.Asa.Show;
using FailoverModel.Input;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Scenarios;

/// <summary>
/// Reads the scenario language (docs/scenario-language.md). Every error is an <see cref="InputException"/> naming file, line and column.
/// </summary>
public static class ScenarioParser
{
    /// <summary>
    /// Parses a scenario file from disk, read through the input layer (a regular file within <paramref name="limits"/>);
    /// <paramref name="loadConfig"/> reads the file a <c>config</c> statement names.
    /// </summary>
    public static Scenario ParseFile(string path, PairConfig defaultConfig, Func<string, PairConfig>? loadConfig = null, InputLimits? limits = null)
    {
        var text = TextInput.Read(path, path, "the scenario", InputLocation.Of(path), limits ?? InputLimits.Default);
        return Parse(text, path, defaultConfig, loadConfig);
    }

    /// <summary>Parses a scenario's text; errors name <paramref name="file"/>, the line and the column.</summary>
    /// <param name="text">The scenario.</param>
    /// <param name="file">The name errors and outputs give the scenario.</param>
    /// <param name="defaultConfig">The configuration when the scenario has no <c>config</c> statement.</param>
    /// <param name="loadConfig">Loads the file a <c>config</c> statement names; null: <c>config</c> is not allowed.</param>
    /// <param name="changes">Numbers configuration changes; a trace or session that parses events one at a time passes its own.</param>
    public static Scenario Parse(string text, string file, PairConfig defaultConfig, Func<string, PairConfig>? loadConfig = null, ConfigurationChanges? changes = null)
    {
        changes ??= new ConfigurationChanges();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var at = Position(text, text.IndexOf('\0', StringComparison.Ordinal));
            throw new InputException(file, at.Line, at.Column, "the scenario is not a text file (it contains a NUL byte)");
        }

        var lines = new SourceLines(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var config = defaultConfig;
        var statements = new List<Statement>();
        var pendingStep = false;
        var sawStatement = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var content = StripComment(lines[i]);
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            if (char.IsWhiteSpace(content[0]))
            {
                throw new InputException(file, lineNo, FirstColumn(content), "unexpected indented line: only the lines of 'failover group <n>' are indented");
            }

            var tokens = Tokenize(content, file, lineNo);
            var head = tokens[0];
            try
            {
                switch (head.Text)
                {
                    case "config":
                        if (sawStatement)
                        {
                            throw Error(head, "'config' must be the first statement");
                        }

                        Expect(tokens, 2, "config <file>");
                        config = Load(file, tokens[1], loadConfig);
                        break;
                    case "step":
                        Expect(tokens, 1, "step");
                        pendingStep = true;
                        break;
                    case "advance":
                        if (tokens.Count > 2)
                        {
                            throw Error(tokens[2], $"unexpected '{tokens[2].Text}'; usage: advance [<n>]");
                        }

                        var count = tokens.Count == 2 ? Id(tokens[1]) : 1;
                        if (count < 1)
                        {
                            throw Error(tokens[1], "advance takes a positive number of internal steps");
                        }

                        statements.Add(new AdvanceStatement(lineNo, count));
                        break;
                    case "wait":
                        Expect(tokens, 2, "wait <duration> (e.g. wait 30s, wait 500ms, wait 2m)");
                        statements.Add(new WaitStatement(lineNo, Duration(tokens[1])));
                        break;
                    case "expect":
                        statements.Add(new ExpectStatement(lineNo, ParseExpectation(tokens, config, changes)));
                        break;
                    case "show":
                        statements.Add(ParseShow(tokens, lineNo, config));
                        break;
                    default:
                        var (@event, consumed) = ParseEvent(tokens, content, lines, i, config, changes);
                        statements.Add(new EventStatement(lineNo, @event, !pendingStep));
                        pendingStep = false;
                        i += consumed;
                        break;
                }
            }
            catch (ParseError e)
            {
                throw new InputException(file, e.Line ?? lineNo, e.Column, e.Message);
            }

            sawStatement = true;
        }

        if (pendingStep)
        {
            throw new InputException(file, lines.Length, 1, "'step' must be followed by an event");
        }

        return new Scenario(file, config, statements);
    }

    private static PairConfig Load(string scenarioFile, Token path, Func<string, PairConfig>? loadConfig)
    {
        if (loadConfig is null)
        {
            throw Error(path, "this runner reads no configuration files");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? ".";
        var full = Path.GetFullPath(Path.Combine(directory, path.Text));
        if (!File.Exists(full))
        {
            throw Error(path, $"configuration file '{path.Text}' not found (looked for {full})");
        }

        return loadConfig(full);
    }

    private static (Event Event, int ExtraLines) ParseEvent(List<Token> tokens, string content, SourceLines lines, int index, PairConfig config, ConfigurationChanges changes)
    {
        var head = tokens[0];
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        var firstSpace = content.IndexOfAny([' ', '\t']);
        if (colon > 0 && (firstSpace < 0 || colon < firstSpace))
        {
            return ParseCommand(content, colon, lines, index, config, changes);
        }

        switch (head.Text)
        {
            case "power-on":
                if (tokens.Count == 3)
                {
                    var a = Unit(tokens[1]);
                    var b = Unit(tokens[2]);
                    if (a == b)
                    {
                        throw Error(tokens[2], "power-on names each unit once");
                    }

                    return (new PowerOn(UnitRole.Primary, BothUnits: true), 0);
                }

                Expect(tokens, 2, "power-on <unit> [<unit>]");
                return (new PowerOn(Unit(tokens[1])), 0);
            case "power-off":
                Expect(tokens, 2, "power-off <unit>");
                return (new PowerOff(Unit(tokens[1])), 0);
            case "crash":
                Expect(tokens, 2, "crash <unit>");
                return (new Crash(Unit(tokens[1])), 0);
            case "hardware-fail":
                Expect(tokens, 2, "hardware-fail <unit>");
                return (new HardwareFail(Unit(tokens[1])), 0);
            case "replace":
                Expect(tokens, 2, "replace <unit>");
                return (new Replace(Unit(tokens[1])), 0);
            case "interface-down" or "interface-up":
                Expect(tokens, 3, $"{head.Text} <unit> <context>/<nameif>");
                return (new InterfaceChange(Unit(tokens[1]), Interface(tokens[2], config), head.Text == "interface-up"), 0);
            case "connect":
                Expect(tokens, 3, "connect <context> <kind>");
                if (config.Context(tokens[1].Text) is null)
                {
                    throw Error(tokens[1], $"unknown context '{tokens[1].Text}' (contexts: {string.Join(", ", config.Contexts.Select(c => c.Name))})");
                }

                return (new Connect(tokens[1].Text, Kind(tokens[2])), 0);
            case "link-down" or "link-up":
                Expect(tokens, 2, $"{head.Text} failover|state");
                return (new LinkChange(Link(tokens[1], config), head.Text == "link-up"), 0);
            default:
                throw Error(head, $"unknown statement '{head.Text}'");
        }
    }

    private static (Event Event, int ExtraLines) ParseCommand(string content, int colon, SourceLines lines, int index, PairConfig config, ConfigurationChanges changes)
    {
        var target = content[..colon];
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var unitText = slash < 0 ? target : target[..slash];
        if (!UnitRoles.TryParse(unitText, out var unit))
        {
            throw new ParseError($"unknown unit '{unitText}' (primary or secondary)", 1);
        }

        string? context = null;
        if (slash >= 0)
        {
            context = target[(slash + 1)..];
            if (config.Context(context) is null)
            {
                throw new ParseError($"unknown context '{context}' (contexts: {string.Join(", ", config.Contexts.Select(c => c.Name))})", slash + 2);
            }
        }

        var commandText = content[(colon + 1)..];
        var offset = colon + 1;
        if (string.IsNullOrWhiteSpace(commandText))
        {
            throw new ParseError("missing command after ':'", colon + 2);
        }

        AsaCommand command;
        try
        {
            command = CommandText.Parse(commandText, config);
        }
        catch (CommandTextException e)
        {
            throw new ParseError(e.Message, offset + e.Column);
        }

        if (context is not null && !command.AllowedInContext)
        {
            throw new ParseError($"'{command}' is a system execution space command; it cannot be entered in context {context}", offset + FirstColumn(commandText));
        }

        if (command is ConfigurationCommand change)
        {
            var space = config.SpaceOf(context);
            command = change with
            {
                Change = changes.Number(space, change.Text)
                    ?? throw new ParseError($"more than {ConfigurationChanges.MaxPerSpace} distinct configuration changes in {config.SpaceName(space)}", offset + FirstColumn(commandText)),
            };
        }

        var extra = 0;
        if (command is FailoverGroupMode mode)
        {
            // The indented lines that follow are the failover group configuration mode.
            var modeLines = new List<GroupModeLine>();
            for (var j = index + 1; j < lines.Length; j++)
            {
                var next = StripComment(lines[j]);
                if (string.IsNullOrWhiteSpace(next))
                {
                    continue;
                }

                if (!char.IsWhiteSpace(next[0]))
                {
                    break;
                }

                try
                {
                    modeLines.Add(CommandText.ParseModeLine(next));
                }
                catch (CommandTextException e)
                {
                    throw new ParseError(e.Message, e.Column, j + 1);
                }

                extra = j - index;
            }

            // A failover group's sub-mode is a change of the system execution space like any other (seed, "Command Replication").
            var withLines = mode with { Lines = [.. modeLines] };
            command = withLines with
            {
                Change = changes.Number(0, withLines.ToString())
                    ?? throw new ParseError($"more than {ConfigurationChanges.MaxPerSpace} distinct configuration changes in system", offset + FirstColumn(commandText)),
            };
        }

        return (new CommandEvent(unit, context, command), extra);
    }

    private static Expectation ParseExpectation(List<Token> tokens, PairConfig config, ConfigurationChanges changes)
    {
        if (tokens.Count < 2)
        {
            throw Error(tokens[0], "expect what? (see docs/scenario-language.md)");
        }

        var t = tokens;
        switch (t[1].Text)
        {
            case "group":
                Expect(t, 5, "expect group <n> active-on <unit>|both|none");
                Keyword(t[3], "active-on");
                return new GroupActiveOn(Group(t[2], config), Where(t[4]));
            case "context":
                Expect(t, 5, "expect context <name> active-on <unit>|both|none");
                if (config.Context(t[2].Text) is null)
                {
                    throw Error(t[2], $"unknown context '{t[2].Text}'");
                }

                Keyword(t[3], "active-on");
                return new ContextActiveOn(t[2].Text, Where(t[4]));
            case "outage":
                Expect(t, 6, "expect outage group <n> <|<=|==|>=|> <duration>");
                Keyword(t[2], "group");
                var comparison = Comparisons.Parse(t[4].Text) ?? throw Error(t[4], $"'{t[4].Text}' is not a comparison (<, <=, ==, >=, >)");
                return new OutageIs(Group(t[3], config), comparison, Duration(t[5]));
            case "syslog":
                Expect(t, 4, "expect syslog <unit> <id>");
                return new SyslogEmitted(Unit(t[2]), Id(t[3]), true);
            case "no":
                Expect(t, 5, "expect no syslog <unit> <id>");
                Keyword(t[2], "syslog");
                return new SyslogEmitted(Unit(t[3]), Id(t[4]), false);
            case "note":
                Expect(t, 3, "expect note \"<text>\"");
                return new NoteContains(t[2].Text);
            case "row":
                Expect(t, 3, "expect row <n>");
                var row = Id(t[2]);
                if (row is < 1 or > 7)
                {
                    throw Error(t[2], "the failure-event table has rows 1 to 7");
                }

                return new RowExercised((FailureEvent)row);
            case "link":
                Expect(t, 4, "expect link failover|state up|down");
                var link = t[2].Text switch
                {
                    "failover" => LinkKind.Failover,
                    "state" => LinkKind.State,
                    _ => throw Error(t[2], $"unknown link '{t[2].Text}' (failover or state)"),
                };
                var status = t[3].Text switch
                {
                    "up" => LinkStatus.Up,
                    "down" => LinkStatus.Down,
                    "not-configured" => LinkStatus.NotConfigured,
                    _ => throw Error(t[3], $"unknown link status '{t[3].Text}' (up, down or not-configured)"),
                };
                return new LinkIs(link, status);
            case "connection":
                Expect(t, 5, "expect connection <context> <kind> open|dropped");
                if (config.Context(t[2].Text) is null)
                {
                    throw Error(t[2], $"unknown context '{t[2].Text}'");
                }

                return new ConnectionIs(t[2].Text, Kind(t[3]), t[4].Text switch
                {
                    "open" => true,
                    "dropped" => false,
                    _ => throw Error(t[4], $"'{t[4].Text}' is not open or dropped"),
                });
            case "config":
                Expect(t, 4, "expect config system|<context> in-sync|diverged");
                return new ConfigurationInSync(Space(t[2], config), t[2].Text, t[3].Text switch
                {
                    "in-sync" => true,
                    "diverged" => false,
                    _ => throw Error(t[3], $"'{t[3].Text}' is not in-sync or diverged"),
                });
            case var where when t.Count >= 3 && t[2].Text is "running" or "startup":
                Expect(t, 5, "expect <unit>[/<context>] running|startup has|lacks \"<command>\"");
                var slash = where.IndexOf('/', StringComparison.Ordinal);
                var holder = Unit(slash < 0 ? t[1] : t[1] with { Text = where[..slash] });
                var space = 0;
                if (slash >= 0)
                {
                    var name = where[(slash + 1)..];
                    space = config.Context(name) is null
                        ? throw new ParseError($"unknown context '{name}'", t[1].Column + slash + 1)
                        : config.SpaceOf(name);
                }

                var has = t[3].Text switch
                {
                    "has" => true,
                    "lacks" => false,
                    _ => throw Error(t[3], $"'{t[3].Text}' is not has or lacks"),
                };
                var commandText = string.Join(' ', t[4].Text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
                return new ConfigurationHolds(holder, space, config.SpaceName(space), t[2].Text == "startup", commandText, changes.Find(space, commandText), has);
            case "primary" or "secondary":
                var unit = Unit(t[1]);
                if (t.Count >= 3 && t[2].Text == "status")
                {
                    var text = Rest(t, 3, "expect <unit> status <status>");
                    var unitStatus = Enum.GetValues<UnitStatus>().FirstOrDefault(s => string.Equals(s.Display(), text, StringComparison.OrdinalIgnoreCase) || s.Display().ToLowerInvariant().Replace(' ', '-') == text, (UnitStatus)255);
                    if ((byte)unitStatus == 255)
                    {
                        throw Error(t[3], $"unknown unit status '{text}' ({string.Join(", ", Enum.GetValues<UnitStatus>().Select(s => s.Display()))})");
                    }

                    return new UnitStatusIs(unit, unitStatus);
                }

                if (t.Count >= 3 && t[2].Text == "shows")
                {
                    Expect(t, 7, "expect <unit> shows mate group <n> <state>");
                    Keyword(t[3], "mate");
                    Keyword(t[4], "group");
                    var shown = t[6].Text;
                    var known = MateShown.Displays.FirstOrDefault(d => string.Equals(d, shown, StringComparison.OrdinalIgnoreCase) || d.ToLowerInvariant().Replace(' ', '-') == shown);
                    return known is null
                        ? throw Error(t[6], $"unknown state '{shown}' ({string.Join(", ", MateShown.Displays)})")
                        : new MateShown(unit, Group(t[5], config), known);
                }

                if (t.Count < 5 || t[2].Text != "group")
                {
                    throw Error(t.Count > 2 ? t[2] : t[1], "expect <unit> group <n> <state> | reason <reason>, expect <unit> shows mate group <n> <state>, or expect <unit> status <status>");
                }

                var group = Group(t[3], config);
                if (t[4].Text == "reason")
                {
                    var reasonText = Rest(t, 5, "expect <unit> group <n> reason <reason>");
                    return FailureReasons.TryParse(reasonText, out var reason)
                        ? new GroupReasonIs(unit, group, reason)
                        : throw Error(t[5], $"unknown reason '{reasonText}' ({string.Join(", ", Enum.GetValues<FailureReason>().Select(r => r.Display()))})");
                }

                var stateText = Rest(t, 4, "expect <unit> group <n> <state>");
                return GroupStates.TryParse(stateText, out var state)
                    ? new GroupStateIs(unit, group, state)
                    : throw Error(t[4], $"unknown group state '{stateText}' ({string.Join(", ", GroupStates.All.Select(s => s.Display()))})");
            default:
                throw Error(t[1], $"unknown expectation '{t[1].Text}'");
        }
    }

    private static ShowStatement ParseShow(List<Token> tokens, int line, PairConfig config)
    {
        if (tokens.Count < 3)
        {
            throw Error(tokens[0], "show <unit>[/<context>] <show-command>");
        }

        var where = tokens[1].Text;
        var slash = where.IndexOf('/', StringComparison.Ordinal);
        var unit = Unit(slash < 0 ? tokens[1] : tokens[1] with { Text = where[..slash] });
        string? context = null;
        if (slash >= 0)
        {
            context = where[(slash + 1)..];
            if (config.Context(context) is null)
            {
                throw new ParseError($"unknown context '{context}' ({string.Join(", ", config.Contexts.Select(c => c.Name))})", tokens[1].Column + slash + 1);
            }
        }

        var command = string.Join(' ', tokens.Skip(2).Select(t => t.Text));
        var show = ShowCommands.Find(command)
            ?? throw Error(tokens[2], $"unknown show command '{command}' (known: {string.Join(", ", ShowCommands.Known)})");
        if (show.InContext && context is null)
        {
            throw Error(tokens[1], $"'show {command}' is entered inside a context: show {unit.Token()}/<context> {command}");
        }

        if (!show.InContext && context is not null)
        {
            throw Error(tokens[1], $"'show {command}' is entered in the system execution space: show {unit.Token()} {command}");
        }

        return new ShowStatement(line, unit, context, command);
    }

    private static string Rest(List<Token> tokens, int from, string usage)
    {
        if (tokens.Count <= from)
        {
            throw Error(tokens[^1], $"usage: {usage}");
        }

        return string.Join(' ', tokens.Skip(from).Select(t => t.Text));
    }

    private static void Keyword(Token token, string keyword)
    {
        if (token.Text != keyword)
        {
            throw Error(token, $"expected '{keyword}', found '{token.Text}'");
        }
    }

    private static void Expect(List<Token> tokens, int count, string usage)
    {
        if (tokens.Count > count)
        {
            throw Error(tokens[count], $"unexpected '{tokens[count].Text}'; usage: {usage}");
        }

        if (tokens.Count < count)
        {
            throw new ParseError($"missing argument; usage: {usage}", tokens[^1].Column + tokens[^1].Length);
        }
    }

    /// <summary>A duration: a whole number with <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>, up to a week.</summary>
    private static long Duration(Token token)
    {
        var text = token.Text;
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        var unit = text[digits..] switch
        {
            "ms" => 1L,
            "s" => 1_000L,
            "m" => 60_000L,
            "h" => 3_600_000L,
            _ => 0L,
        };
        if (digits == 0 || unit == 0 || !long.TryParse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 7 * 24 * 3_600_000L / unit)
        {
            throw Error(token, $"'{text}' is not a duration (a whole number with ms, s, m or h, up to a week: 500ms, 30s, 2m)");
        }

        return value * unit;
    }

    private static ConnectionKinds Kind(Token token) =>
        ConnectionKindValues.TryParse(token.Text, out var kind)
            ? kind
            : throw Error(token, $"unknown connection kind '{token.Text}' ({string.Join(", ", ConnectionKindValues.All.Select(k => k.Token))})");

    private static int Space(Token token, PairConfig config) =>
        token.Text == "system" ? 0
        : config.Context(token.Text) is not null ? config.SpaceOf(token.Text)
        : throw Error(token, $"unknown configuration space '{token.Text}' (system, {string.Join(", ", config.Contexts.Select(c => c.Name))})");

    private static UnitRole Unit(Token token) =>
        UnitRoles.TryParse(token.Text, out var unit) ? unit : throw Error(token, $"unknown unit '{token.Text}' (primary or secondary)");

    private static ActiveOn Where(Token token) =>
        ActiveOnValues.TryParse(token.Text, out var where) ? where : throw Error(token, $"'{token.Text}' is not primary, secondary, both or none");

    private static FailoverGroupId Group(Token token, PairConfig config)
    {
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var group))
        {
            throw Error(token, $"'{token.Text}' is not a failover group number");
        }

        if (group is < 1 or > PairConfig.MaxGroups)
        {
            throw Error(token, $"failover group {group} does not exist: a pair has at most {PairConfig.MaxGroups} failover groups");
        }

        return config.HasGroup(FailoverGroupId.Of(group)) ? FailoverGroupId.Of(group) : throw Error(token, $"failover group {group} is not configured in {config.Name}");
    }

    private static int Id(Token token) =>
        int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw Error(token, $"'{token.Text}' is not a number");

    private static ContextInterface Interface(Token token, PairConfig config)
    {
        if (!ContextInterface.TryParse(token.Text, out var name) || config.InterfaceIndex(name) < 0)
        {
            throw Error(token, $"unknown interface '{token.Text}' (interfaces: {string.Join(", ", config.Interfaces.Select(i => i.Name))})");
        }

        return name;
    }

    private static LinkKind Link(Token token, PairConfig config) => token.Text switch
    {
        "failover" => LinkKind.Failover,
        "state" when config.StateLink is not null => LinkKind.State,
        "state" => throw Error(token, "no Stateful Failover link is configured"),
        _ => throw Error(token, $"unknown link '{token.Text}' (failover or state)"),
    };

    /// <summary>
    /// The lines of a scenario's text, each cut out when it is read: the statements are what the run needs, so the
    /// text is not held twice over as one string per line as well.
    /// </summary>
    private sealed class SourceLines
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];

        public SourceLines(string text)
        {
            _text = text;
            for (var at = text.IndexOf('\n', StringComparison.Ordinal); at >= 0; at = text.IndexOf('\n', at + 1))
            {
                _starts.Add(at + 1);
            }
        }

        public int Length => _starts.Count;

        public string this[int i] => _text[_starts[i]..(i + 1 < _starts.Count ? _starts[i + 1] - 1 : _text.Length)];
    }

    private static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == '#' && !inQuotes)
            {
                return line[..i].TrimEnd();
            }
        }

        return line.TrimEnd();
    }

    private static int FirstColumn(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i + 1;
    }

    private static List<Token> Tokenize(string content, string file, int line)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < content.Length)
        {
            if (char.IsWhiteSpace(content[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (content[i] == '"')
            {
                var end = content.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new InputException(file, line, start + 1, "unterminated quoted text");
                }

                tokens.Add(new Token(content[(i + 1)..end], start + 1, end - start + 1));
                i = end + 1;
                continue;
            }

            while (i < content.Length && !char.IsWhiteSpace(content[i]))
            {
                i++;
            }

            tokens.Add(new Token(content[start..i], start + 1, i - start));
        }

        return tokens;
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static ParseError Error(Token token, string message) => new(message, token.Column);

    private sealed record Token(string Text, int Column, int Length);

    private sealed class ParseError(string message, int column, int? line = null) : Exception(message)
    {
        public int Column { get; } = column;

        public int? Line { get; } = line;
    }
}
