using System.Globalization;
using FailoverModel.Input;
using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>A parsed pair configuration, with how many commands were read and how many the model does not care about.</summary>
public sealed record ParsedConfiguration(PairConfig Config, int Commands, int Skipped, IReadOnlyList<string> Files, int Lines);

/// <summary>
/// Reads an ASA running-config in multiple context mode — the system execution space, and each context's file found
/// beside it by the file name of its <c>config-url</c> — into a <see cref="PairConfig"/>. Commands the model does not
/// use (access lists, policy maps, timeouts ...) are skipped and counted. The seed's rules are enforced, each error an
/// <see cref="InputException"/> with file, line and column.
/// </summary>
public static class RunningConfigParser
{
    /// <summary>Reads the system configuration file and its contexts' files into a pair configuration.</summary>
    /// <param name="systemFile">The system execution space's running-config (the seed's <c>pix1.cfg</c>, say).</param>
    /// <param name="limits">File and line size limits; <see cref="InputLimits.Default"/> when null.</param>
    /// <exception cref="InputException">A file is missing, too big, or breaks one of the seed's rules.</exception>
    public static PairConfig Load(string systemFile, InputLimits? limits = null) => Read(systemFile, limits ?? InputLimits.Default).Config;

    /// <summary>
    /// Reads a system configuration from the file system through the input layer: regular files only, within
    /// <paramref name="limits"/>, each context file directly in the system configuration's folder (a symbolic link
    /// leading elsewhere is refused).
    /// </summary>
    public static ParsedConfiguration Read(string systemFile, InputLimits limits)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(systemFile)) ?? ".";
        return Read(systemFile, (path, where) => where is { } at
            ? TextInput.Read(path, path, "the context configuration", at, limits, confinedTo: folder)
            : TextInput.Read(path, path, "the configuration", InputLocation.Of(path), limits));
    }

    /// <summary>Reads a system configuration and its context files through <paramref name="readText"/> (embedded files).</summary>
    public static ParsedConfiguration Read(string systemFile, Func<string, string> readText) =>
        Read(systemFile, (path, where) => ReadText(readText, path, where ?? InputLocation.Of(path)));

    /// <summary>Reads through <paramref name="read"/>: a path, and where a context file is named (null for the system file).</summary>
    private static ParsedConfiguration Read(string systemFile, Func<string, InputLocation?, string> read)
    {
        var systemText = read(systemFile, null);
        var lineCount = LineCount(systemText);
        var system = new SystemSpace(systemFile, ConfigLine.Read(systemFile, systemText));
        if (system.Groups.Count == 0 && system.Contexts.Count == 0)
        {
            throw new InputException(systemFile, 1, 1, "not an Active/Active failover configuration: it declares no failover group and no context");
        }

        var files = new List<string> { systemFile };
        var contexts = new List<ContextConfig>();
        var skipped = system.Skipped;
        var commands = system.Commands;
        foreach (var context in system.Contexts)
        {
            var interfaces = new List<InterfaceConfig>();
            if (context.Url is { } url)
            {
                var name = url.Text[(url.Text.LastIndexOfAny(['/', ':']) + 1)..];
                if (name.Length == 0)
                {
                    throw new InputException(systemFile, url.Line, url.Column, $"config-url {url.Text} names no file");
                }

                var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(systemFile)) ?? ".", name);
                if (string.Equals(name, Path.GetFileName(systemFile), StringComparison.Ordinal))
                {
                    throw new InputException(systemFile, url.Line, url.Column, $"config-url of context {context.Name} names the system configuration itself ({name}): a context has its own file");
                }

                // The same file under another name (a symbolic or hard link beside it) is still the system configuration.
                if (Input.FileIdentity.Of(path) is { } identity && identity == Input.FileIdentity.Of(systemFile))
                {
                    throw new InputException(systemFile, url.Line, url.Column, $"config-url of context {context.Name} names {name}, which is the system configuration itself under another name (a link): a context has its own file");
                }

                var contextText = read(path, new InputLocation(systemFile, url.Line, url.Column));
                lineCount += LineCount(contextText);
                var lines = ConfigLine.Read(path, contextText);
                files.Add(path);
                var parsed = ContextSpace.Parse(context.Name, context.Allocated, lines);
                var total = contexts.Sum(c => c.Interfaces.Count) + parsed.Interfaces.Count;
                if (total > PairConfig.MaxInterfaces)
                {
                    var over = parsed.NameifLines[parsed.Interfaces.Count - (total - PairConfig.MaxInterfaces)];
                    throw over.Error(1, $"a 65th interface: the model tracks at most {PairConfig.MaxInterfaces} context interfaces (each is a bit of a 64-bit word per unit)");
                }

                interfaces.AddRange(parsed.Interfaces);
                skipped += parsed.Skipped;
                commands += lines.Count(l => !l.Indented);
            }

            contexts.Add(new ContextConfig(context.Name, context.Group, interfaces));
        }

        var admin = system.AdminContext ?? contexts.FirstOrDefault()?.Name ?? "admin";
        if (contexts.All(c => c.Name != admin))
        {
            contexts.Insert(0, new ContextConfig(admin, FailoverGroupId.One, []));
        }

        var groups = Enumerable.Range(1, system.Groups.Count == 0 ? 1 : system.Groups.Keys.Max())
            .Select(g => system.Groups.TryGetValue(g, out var settings) ? settings : FailoverGroupConfig.PreferringUnit(UnitRole.Primary))
            .ToList();
        var failoverLink = system.FailoverLink ?? new LinkConfig(system.CableBased ? "cable" : "failover", "", null, null, null);
        var config = new PairConfig(
            system.Hostname ?? Path.GetFileNameWithoutExtension(systemFile),
            groups,
            contexts,
            admin,
            failoverLink,
            system.StateLink,
            cableBased: system.FailoverLink is null,
            timers: system.Timers,
            version: system.Version);
        return new ParsedConfiguration(config, commands, skipped, files, lineCount);
    }

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text[^1] == '\n' ? 0 : 1);

    private static string ReadText(Func<string, string> readText, string path, InputLocation where)
    {
        try
        {
            return readText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw where.Error(path == where.File ? $"cannot read the configuration: {e.Message}" : $"cannot read the context configuration {path}: {e.Message}");
        }
    }

    internal static int Number(ConfigLine line, int word, int min, int max, string what)
    {
        if (word >= line.Count)
        {
            throw line.Error(word, $"{what}: a number from {min} to {max} is missing");
        }

        var text = line[word].TrimEnd('%');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw line.Error(word, $"{what} must be a number from {min} to {max}, not '{line[word]}'");
    }
}
