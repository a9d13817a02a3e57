using FailoverModel.Asa;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Asa;

/// <summary>
/// Nonsense in a configuration is an error at its line and column, never silently read: each case edits
/// one line of the seed's LAN-based files, copied to a folder of its own, and names where the error must point.
/// </summary>
public class ConfigurationValidationTests
{
    [Theory]
    [InlineData("pix1.cfg", "context context1", "c\u043Entext context1", "pix1.cfg:65:1:", "non-ASCII letter")]
    [InlineData("pix1.cfg", "hostname PIX1", "hostnme PIX1", "pix1.cfg:5:1:", "did you mean 'hostname'")]
    [InlineData("pix1.cfg", "failover group 1\n", "failover grop 1\n", "pix1.cfg:55:10:", "did you mean 'group'")]
    [InlineData("pix1.cfg", "  config-url flash:/context1.cfg", "  confg-url flash:/context1.cfg", "pix1.cfg:68:3:", "did you mean 'config-url'")]
    [InlineData("pix1.cfg", "admin-context admin", "admin-context nothere", "pix1.cfg:61:15:", "names no context")]
    [InlineData("pix1.cfg", "failover lan interface LANFailover Ethernet3", "failover lan interface LANFailover", "pix1.cfg:49:35:", "the physical interface (e.g. Ethernet3) is missing")]
    [InlineData("pix1.cfg", "config-url flash:/context1.cfg", "config-url flash:/context1.cfg extra", "pix1.cfg:68:34:", "takes one URL")]
    [InlineData("pix1.cfg", "config-url flash:/context1.cfg", "config-url flash:/pix1.cfg", "pix1.cfg:68:14:", "names the system configuration itself")]
    [InlineData("pix1.cfg", "failover group 2\n  secondary", "failover group 2\n  interface-policy 251", "pix1.cfg:57:20:", "from 1 to 250")]
    [InlineData("pix1.cfg", "failover group 2\n  secondary", "failover group 2\n  interface-policy 0", "pix1.cfg:57:20:", "from 1 to 250")]
    [InlineData("pix1.cfg", "failover group 2\n  secondary", "failover group 2\n  interface-policy 101%", "pix1.cfg:57:20:", "from 1 to 100")]
    [InlineData("pix1.cfg", "failover group 2\n", "failover group 1\n", "pix1.cfg:56:16:", "configured twice")]
    [InlineData("context1.cfg", "nameif outside", "nameif inside", "context1.cfg:17:9:", "already the name of the interface at line 10")]
    [InlineData("context1.cfg", "interface outside_context1", "interface inside_context1", "context1.cfg:16:11:", "second block (the first is at line 9)")]
    [InlineData("context1.cfg", "monitor-interface inside", "monitor-interface nothing", "context1.cfg:28:19:", "names no interface of context context1")]
    [InlineData("context1.cfg", "nameif inside", "namif inside", "context1.cfg:10:2:", "did you mean 'nameif'")]
    [InlineData("context1.cfg", "192.168.1.1 255.255.255.0", "192.168.1.1 0.0.0.0", "context1.cfg:14:25:", "mask 0.0.0.0")]
    [InlineData("context1.cfg", "ip address 192.168.1.1 ", "ip address 0300.0250.01.01 ", "context1.cfg:14:13:", "is not an IPv4 address")]
    [InlineData("pix1.cfg", "10.0.0.1 255.255.255.0 standby 10.0.0.2", "10.0.0.1 255.255.255.0 standby 10.0.0.1", "pix1.cfg:54:63:", "the standby address 10.0.0.1 is the active address")]
    [InlineData("pix1.cfg", "10.0.0.1 255.255.255.0 standby 10.0.0.2", "10.0.0.0 255.255.255.0 standby 10.0.0.2", "pix1.cfg:54:32:", "10.0.0.0 is the network address of its subnet")]
    [InlineData("pix1.cfg", "10.0.0.1 255.255.255.0 standby 10.0.0.2", "10.0.0.1 255.255.255.0 standby 10.0.0.255", "pix1.cfg:54:63:", "10.0.0.255 is the broadcast address of its subnet")]
    [InlineData("pix1.cfg", "stateful 10.0.0.1 255.255.255.0 standby 10.0.0.2", "stateful 10.1.0.5 255.255.0.0 standby 10.1.0.6", "pix1.cfg:54:32:", "overlaps the subnet of LANFailover (line 53)")]
    [InlineData("pix1.cfg", "context context1", "context con\u200Btext1", "pix1.cfg:65:12:", "the context name has the invisible character U+200B")]
    [InlineData("context1.cfg", "nameif outside", "nameif out\u2060side", "context1.cfg:17:12:", "the nameif has the invisible character U+2060")]
    [InlineData("context1.cfg", "monitor-interface inside\n", "monitor-interface inside\rmonitor-interface outside\n", "context1.cfg:28:25:", "carriage return that ends no line")]
    public void NonsenseIsAnErrorAtItsLineAndColumn(string file, string from, string to, string location, string message)
    {
        var folder = SeedCopy();
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => RunningConfigParser.Load(Path.Combine(folder, "pix1.cfg"))).Describe();

        Assert.Contains(location, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>A context file that is the system configuration under another name — a symbolic or a hard link beside it — is refused at its config-url.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AConfigUrlThatLeadsToTheSystemConfigurationThroughALinkIsRefused(bool symbolic)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = SeedCopy();
        var context = Path.Combine(folder, "context1.cfg");
        File.Delete(context);
        if (symbolic)
        {
            File.CreateSymbolicLink(context, "pix1.cfg");
        }
        else
        {
            Assert.Equal(0, Mono.Unix.Native.Syscall.link(Path.Combine(folder, "pix1.cfg"), context));
        }

        var error = Assert.Throws<InputException>(() => RunningConfigParser.Load(Path.Combine(folder, "pix1.cfg"))).Describe();

        Assert.Contains("pix1.cfg:68:14: config-url of context context1 names context1.cfg, which is the system configuration itself under another name", error, StringComparison.Ordinal);
    }

    /// <summary>Commands the model does not use are still skipped, also those a word away from one it does (ASA's <c>name</c> beside <c>nameif</c>).</summary>
    [Fact]
    public void CommandsTheModelDoesNotUseAreStillSkipped()
    {
        var folder = SeedCopy();
        File.AppendAllText(Path.Combine(folder, "pix1.cfg"), "names\nname 10.1.1.1 server1\nfailover replication http\nfailover mac address Ethernet0 0300.0250.0101 0300.0250.0102\n");
        File.AppendAllText(Path.Combine(folder, "context1.cfg"), "name 10.1.1.1 server1\naccess-list 101 extended permit ip any any\n");

        var config = RunningConfigParser.Load(Path.Combine(folder, "pix1.cfg"));

        Assert.Equal(BuiltInConfigurations.SeedLanExample.Interfaces.ToArray(), config.Interfaces.ToArray());
    }

    /// <summary>The model tracks 64 interfaces; the 65th is an error at its <c>nameif</c>, not an internal error.</summary>
    [Fact]
    public void A65thInterfaceIsAnErrorAtItsNameif()
    {
        var folder = SeedCopy();
        var extra = string.Concat(Enumerable.Range(0, 61).Select(i => $"interface extra{i}\n nameif extra{i}\n"));
        File.AppendAllText(Path.Combine(folder, "context2.cfg"), extra);
        var lines = File.ReadAllLines(Path.Combine(folder, "context2.cfg"));
        var nameifOf61st = Array.FindIndex(lines, l => l == " nameif extra60") + 1;

        var error = Assert.Throws<InputException>(() => RunningConfigParser.Load(Path.Combine(folder, "pix1.cfg"))).Describe();

        Assert.Contains($"context2.cfg:{nameifOf61st}:9: a 65th interface", error, StringComparison.Ordinal);
    }

    /// <summary>A context file that is a symbolic link out of the configuration's folder is refused at its config-url.</summary>
    [Fact]
    public void AContextFileLinkingOutOfTheFolderIsRefused()
    {
        var folder = SeedCopy();
        var outside = Path.Combine(Path.GetTempPath(), $"fm-outside-{Guid.NewGuid():N}.cfg");
        File.Copy(Path.Combine(folder, "context1.cfg"), outside);
        File.Delete(Path.Combine(folder, "context1.cfg"));
        File.CreateSymbolicLink(Path.Combine(folder, "context1.cfg"), outside);

        var error = Assert.Throws<InputException>(() => RunningConfigParser.Load(Path.Combine(folder, "pix1.cfg"))).Describe();

        Assert.Contains("pix1.cfg:68:14:", error, StringComparison.Ordinal);
        Assert.Contains("leads outside the configuration's folder", error, StringComparison.Ordinal);
    }

    private static string SeedCopy()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fm-config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("tests", "configs", "lan")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
