using System.CommandLine;

namespace FailoverModel.Cli.Commands;

/// <summary>Every subcommand of <c>failover-model</c>, in the order <c>--help</c> lists them.</summary>
public static class CommandSet
{
    public static IEnumerable<Command> All(CliIo io) =>
    [
        RunCommand.Create(io),
        CheckCommand.Create(io),
        ExploreCommand.Create(io),
        DiagramsCommand.Create(io),
        ShowCommand.Create(io),
        OutageCommand.Create(io),
        OracleCommand.Create(io),
        BenchCommand.Create(io),
    ];
}
