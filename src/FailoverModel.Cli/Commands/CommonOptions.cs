using System.CommandLine;
using FailoverModel.Asa;
using FailoverModel.Input;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "ASA system running-config of the pair (config-url files are read beside it); default: the seed's LAN-based example",
    };

    /// <summary>The configuration named by <c>--config</c> (read within <paramref name="limits"/>), or the built-in seed example.</summary>
    public static PairConfig Load(FileInfo? file, InputLimits limits) =>
        file is null ? BuiltInConfigurations.SeedLanExample : ConfigFiles.Load(file.FullName, limits);
}
