using System.CommandLine;
using System.Diagnostics;
using FailoverModel.Diagrams;
using FailoverModel.Pair;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model diagrams [--out DIR]</c>: the machines, the pair and the failure-event table, in DOT, Mermaid and SVG.</summary>
public static class DiagramsCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var outDir = new Option<DirectoryInfo>("--out") { Description = "the folder to write into", DefaultValueFactory = _ => new DirectoryInfo("diagrams") };
        var command = new Command("diagrams", "Write the unit, failover-group, link and pair diagrams (.dot, .mmd, .svg), the failure-event table and an index.")
        {
            config, outDir,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetRequiredValue(outDir)));
        return command;
    }

    public static int Run(CliIo io, FileInfo? configFile, DirectoryInfo outDir)
    {
        Io.OutputFolder.Prepare(outDir, "--out");
        var files = DiagramSet.Build(new FailoverPair(CommonOptions.Load(configFile, io.Limits)));
        foreach (var (file, content) in files)
        {
            Io.OutputFolder.WriteWhole(outDir, file, content, "--out");
        }

        var dots = files.Where(f => f.File.EndsWith(".dot", StringComparison.Ordinal)).ToList();
        if (!RendersSvg(dots, outDir, io))
        {
            io.Error.WriteLine("diagrams: Graphviz's 'dot' is not on PATH, so no .svg was written (install it with 'apt-get install graphviz'); the .dot, .mmd and .md files are written.");
        }

        io.Out.WriteLine($"diagrams: {files.Count} files in {outDir.FullName}");
        return Cli.Success;
    }

    /// <summary>Renders each DOT source with Graphviz; false when <c>dot</c> cannot be started.</summary>
    public static bool RendersSvg(IEnumerable<(string File, string Content)> dots, DirectoryInfo outDir, CliIo io)
    {
        foreach (var (file, content) in dots)
        {
            var svg = Svg(content);
            if (svg is null)
            {
                return false;
            }

            Io.OutputFolder.WriteWhole(outDir, Path.ChangeExtension(file, ".svg"), svg, "--out");
        }

        return true;
    }

    /// <summary>The SVG Graphviz renders for a DOT source, or null when <c>dot</c> is not installed.</summary>
    public static string? Svg(string dot)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("dot", "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var svg = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? svg : throw new InvalidOperationException($"dot rejected a diagram: {error.Result}");
        }
    }
}
