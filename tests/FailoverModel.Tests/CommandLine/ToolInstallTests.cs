using System.Diagnostics;
using System.Reflection;

namespace FailoverModel.Tests.CommandLine;

/// <summary>
/// The README's install steps: the CLI packs as a .NET tool and, installed from the local package, puts a working
/// <c>failover-model</c> in the tool path. Packs the build the tests run on (no second build) into a temporary folder
/// and installs into a temporary tool path with a package cache of its own, so nothing outside those folders changes.
/// </summary>
public class ToolInstallTests
{
    [Fact]
    public void ThePackedToolInstallsAndPrintsItsVersion()
    {
        var work = Directory.CreateTempSubdirectory("fm-tool-");
        try
        {
            var configuration = typeof(ToolInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var packages = Path.Combine(work.FullName, "packages");
            var tools = Path.Combine(work.FullName, "tools");
            var cache = Path.Combine(work.FullName, "cache");

            Dotnet(work.FullName, cache, "pack", RepositoryFiles.Path("src", "FailoverModel.Cli", "FailoverModel.Cli.csproj"), "--no-build", "-c", configuration, "-o", packages);
            Dotnet(work.FullName, cache, "tool", "install", "failover-model", "--tool-path", tools, "--add-source", packages);
            var (exit, output) = Start(work.FullName, cache, Path.Combine(tools, "failover-model"), "--version");

            Assert.Equal(0, exit);
            Assert.Equal(typeof(global::FailoverModel.Cli.Cli).Assembly.GetName().Version!.ToString(3), output.Trim());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Dotnet(string directory, string cache, params string[] args)
    {
        var (exit, output) = Start(directory, cache, "dotnet", args);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} exited {exit}:\n{output}");
    }

    private static (int Exit, string Output) Start(string directory, string cache, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NUGET_PACKAGES"] = cache;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
