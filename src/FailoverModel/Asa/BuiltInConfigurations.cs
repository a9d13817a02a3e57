using FailoverModel.Asa;
using FailoverModel.Topology;

namespace FailoverModel.Asa;

/// <summary>The configurations the model knows without a file.</summary>
public static class BuiltInConfigurations
{
    /// <summary>Where the built-in configuration's files come from, as error messages and reports name them.</summary>
    public const string SeedLanExampleFile = "built-in:seed-lan/pix1.cfg";

    private static readonly Lazy<ParsedConfiguration> SeedLan = new(Reparse);

    /// <summary>
    /// The seed's LAN-based example ("LAN-Based Active/Active Failover Configuration"), parsed from the fixture files
    /// <c>tests/configs/lan</c> embedded in this assembly: PIX1's system configuration and the admin, context1 and
    /// context2 files beside it. Context1 (group 1, preferring the primary) and context2 (group 2, preferring the
    /// secondary) have monitored inside and outside interfaces; the failover link is LANFailover on Ethernet3 and the
    /// Stateful Failover link is on Ethernet2.
    /// </summary>
    public static PairConfig SeedLanExample => SeedLan.Value.Config;

    /// <summary>The same, with what the parser counted (commands read, commands skipped, files).</summary>
    public static ParsedConfiguration SeedLanExampleParsed => SeedLan.Value;

    /// <summary>Parses the embedded files again (the parsing benchmark's workload).</summary>
    internal static ParsedConfiguration Reparse() =>
        RunningConfigParser.Read(SeedLanExampleFile, path => ReadResource("seed-lan/" + Path.GetFileName(path)));

    private static string ReadResource(string name)
    {
        using var stream = typeof(BuiltInConfigurations).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"no built-in file {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
