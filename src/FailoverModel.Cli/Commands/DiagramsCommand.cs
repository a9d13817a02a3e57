using System.CommandLine;
using System.Diagnostics;
using FailoverModel.Diagrams;
using FailoverModel.Diagrams.Stories;
using FailoverModel.Pair;

namespace FailoverModel.Cli.Commands;

/// <summary><c>failover-model diagrams [--out DIR]</c>: the machines, the pair and the failure-event table, in DOT, Mermaid and SVG.</summary>
public static class DiagramsCommand
{
    public static Command Create(CliIo io)
    {
        var config = CommonOptions.Config();
        var outDir = new Option<DirectoryInfo>("--out") { Description = "the folder to write into", DefaultValueFactory = _ => new DirectoryInfo("diagrams") };
        var scenarios = new Option<DirectoryInfo>("--scenarios") { Description = "the folder of the scenarios the story diagrams and pages are run from", DefaultValueFactory = _ => new DirectoryInfo("tests/scenarios") };
        var command = new Command("diagrams", "Write the unit, failover-group, link and pair diagrams (.dot, .mmd, .svg), the failure-event table and an index.")
        {
            config, outDir, scenarios,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetRequiredValue(outDir), parse.GetRequiredValue(scenarios)));
        return command;
    }

    public static int Run(CliIo io, FileInfo? configFile, DirectoryInfo outDir, DirectoryInfo scenarios)
    {
        // The output path is checked before anything else (docs/input-limits.md), then the inputs are read and the
        // set is made in memory; the folder is made only once the inputs are good and every name of the set is
        // checked (none may be a file the run read).
        Io.OutputFile.FullPath(outDir, "--out");
        Io.OutputFolder.Check(outDir, "--out");
        if (!scenarios.Exists)
        {
            throw new CliUsageException($"--scenarios {scenarios}: no such folder (the story diagrams are run from the scenarios in tests/scenarios)");
        }

        var config = CommonOptions.Load(configFile, io.Limits);
        var stories = StoryCatalog.Build(scenarios.FullName, config);
        var files = DiagramSet.Build(new FailoverPair(config), stories);
        var names = files.Select(f => f.File)
            .Concat(files.Where(f => f.File.EndsWith(".dot", StringComparison.Ordinal)).Select(f => Path.ChangeExtension(f.File, ".svg")))
            .Concat(stories.Select(ScenarioPage.FileOf));
        Io.OutputFolder.CheckNames(outDir, names, "--out");
        Io.OutputFolder.Prepare(outDir, "--out");
        foreach (var (file, content) in files)
        {
            WriteWhole(Path.Combine(outDir.FullName, file), content);
        }

        var dots = files.Where(f => f.File.EndsWith(".dot", StringComparison.Ordinal)).ToList();
        if (!RendersSvg(dots, outDir, io))
        {
            io.Error.WriteLine("diagrams: Graphviz's 'dot' is not on PATH, so no .svg and no scenario page was written (install it with 'apt-get install graphviz'); the .dot, .mmd and .md files are written.");
            io.Out.WriteLine($"diagrams: {files.Count} files in {outDir.FullName}");
            return Cli.Success;
        }

        foreach (var story in stories)
        {
            WriteWhole(Path.Combine(outDir.FullName, ScenarioPage.FileOf(story)), Page(story));
        }

        io.Out.WriteLine($"diagrams: {files.Count + stories.Count} files in {outDir.FullName}");
        return Cli.Success;
    }

    /// <summary>The replay page of a story, its diagram drawn by Graphviz; usage error when <c>dot</c> is not installed.</summary>
    public static string Page(Story story)
    {
        var view = ScenarioPage.View(story.Config);
        var svg = Svg(new DotWriter().Write(view)) ?? throw new CliUsageException("the scenario page draws its diagram with Graphviz's 'dot', which is not on PATH (install it with 'apt-get install graphviz')");
        return ScenarioPage.Write(story, view, svg);
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

    /// <summary>
    /// Writes a whole file through the output layer (a checked path, a temporary file and a rename, so an interrupted
    /// run never leaves half a file), creating the subfolder a story's files go into.
    /// </summary>
    public static void WriteWhole(string path, string content, string option = "--out")
    {
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Io.OutputFolder.WriteWhole(folder, Path.GetFileName(path), content, option);
    }
}
