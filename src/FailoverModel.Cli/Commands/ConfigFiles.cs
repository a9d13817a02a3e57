using FailoverModel.Asa;
using FailoverModel.Input;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>Reads configuration files for the command line: an ASA system running-config and the context files beside it, through the input layer.</summary>
public static class ConfigFiles
{
    public static Func<string, PairConfig> Loader => Within(InputLimits.Default);

    public static Func<string, PairConfig> Within(InputLimits limits) => path => Load(path, limits);

    public static PairConfig Load(string path, InputLimits? limits = null) => RunningConfigParser.Load(path, limits);
}
