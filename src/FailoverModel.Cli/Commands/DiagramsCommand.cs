using System.CommandLine;
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
        var dotTimeout = DotTimeout();
        var command = new Command("diagrams", "Write the unit, failover-group, link and pair diagrams (.dot, .mmd, .svg), the failure-event table and an index.")
        {
            config, outDir, scenarios, dotTimeout,
        };
        command.SetAction(parse => Run(io, parse.GetValue(config), parse.GetRequiredValue(outDir), parse.GetRequiredValue(scenarios), parse.GetValue(dotTimeout)));
        return command;
    }

    /// <summary><c>--dot-timeout</c>: how long one drawing by Graphviz may take (<c>diagrams</c>, <c>run --html</c>).</summary>
    public static Option<int> DotTimeout() => new("--dot-timeout")
    {
        Description = $"seconds Graphviz's dot may take to draw one diagram, {Io.Graphviz.TimeoutSeconds.Min} to {Io.Graphviz.TimeoutSeconds.Max:N0}; past it dot is stopped and the command exits 2",
        DefaultValueFactory = _ => Io.Graphviz.DefaultTimeoutSeconds,
        HelpName = "seconds",
    };

    /// <summary>Reads <c>--dot-timeout</c>, checked against its range.</summary>
    public static TimeSpan Timeout(int seconds)
    {
        Io.OptionRange.Check("--dot-timeout", seconds, Io.Graphviz.TimeoutSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    public static int Run(CliIo io, FileInfo? configFile, DirectoryInfo outDir, DirectoryInfo scenarios, int dotTimeoutSeconds = Io.Graphviz.DefaultTimeoutSeconds)
    {
        // The output path is checked before anything else (docs/input-limits.md), then the inputs are read and the
        // set is made in memory; the folder is made only once the inputs are good and every name of the set is
        // checked (none may be a file the run read).
        var timeout = Timeout(dotTimeoutSeconds);
        Io.OutputFile.FullPath(outDir, "--out");
        Io.OutputFolder.Check(outDir, "--out");
        if (!scenarios.Exists)
        {
            throw new CliUsageException($"--scenarios {scenarios}: no such folder (the story diagrams are run from the scenarios in tests/scenarios)");
        }

        var config = CommonOptions.Load(configFile, io.Limits);
        var stories = StoryCatalog.Build(scenarios.FullName, config, io.Limits, ConfigFiles.Within(io.Limits));
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
        if (!RendersSvg(dots, outDir, io, timeout))
        {
            io.Error.WriteLine("diagrams: Graphviz's 'dot' is not on PATH, so no .svg and no scenario page was written (install it with 'apt-get install graphviz'); the .dot, .mmd and .md files are written.");
            io.Out.WriteLine($"diagrams: {files.Count} files in {outDir.FullName}");
            return Cli.Success;
        }

        foreach (var story in stories)
        {
            WritePage(Path.Combine(outDir.FullName, ScenarioPage.FileOf(story)), story, "--out", timeout, io.Cancellation);
        }

        io.Out.WriteLine($"diagrams: {files.Count + stories.Count} files in {outDir.FullName}");
        return Cli.Success;
    }

    /// <summary>
    /// Writes the replay page of a story to <paramref name="path"/> as it is made, through the output layer (whole or
    /// not at all): a page of many steps is not held as one text. Its diagram is drawn by Graphviz within
    /// <paramref name="timeout"/>; usage error when <c>dot</c> is not installed.
    /// </summary>
    public static void WritePage(string path, Story story, string option, TimeSpan timeout, CancellationToken cancellation)
    {
        var view = ScenarioPage.View(story.Config);
        var svg = Io.Graphviz.Svg(new DotWriter().Write(view), $"the pair diagram of {Path.GetFileName(path)}", timeout, cancellation)
            ?? throw new CliUsageException("the scenario page draws its diagram with Graphviz's 'dot', which is not on PATH (install it with 'apt-get install graphviz')");
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var output = Io.OutputFile.Create(Path.Combine(folder.FullName, Path.GetFileName(path)), option);
        using (var writer = new StreamWriter(output.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            ScenarioPage.Write(story, view, svg, writer);
        }

        output.Commit();
    }

    /// <summary>Renders each DOT source with Graphviz, each within <paramref name="timeout"/>; false when <c>dot</c> cannot be started.</summary>
    public static bool RendersSvg(IEnumerable<(string File, string Content)> dots, DirectoryInfo outDir, CliIo io, TimeSpan timeout)
    {
        foreach (var (file, content) in dots)
        {
            var svg = Io.Graphviz.Svg(content, file, timeout, io.Cancellation);
            if (svg is null)
            {
                return false;
            }

            Io.OutputFolder.WriteWhole(outDir, Path.ChangeExtension(file, ".svg"), svg, "--out");
        }

        return true;
    }

    /// <summary>The SVG Graphviz renders for a DOT source, or null when <c>dot</c> is not installed; Graphviz's failures and time-out are usage errors naming it.</summary>
    public static string? Svg(string dot) =>
        Io.Graphviz.Svg(dot, "a diagram", TimeSpan.FromSeconds(Io.Graphviz.DefaultTimeoutSeconds), CancellationToken.None);

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
