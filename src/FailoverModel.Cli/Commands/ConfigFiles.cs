using FailoverModel.Asa;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>Reads configuration files for the command line: an ASA system running-config and the context files beside it.</summary>
public static class ConfigFiles
{
    public static Func<string, PairConfig> Loader => Load;

    public static PairConfig Load(string path) => RunningConfigParser.Load(path);
}
