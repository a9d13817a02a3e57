using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>Reads configuration files for the command line.</summary>
public static class ConfigFiles
{
    public static Func<string, PairConfig> Loader => Load;

    public static PairConfig Load(string path) =>
        throw new InputException(path, 1, 1, "reading ASA configuration files arrives with the ASA parser");
}
