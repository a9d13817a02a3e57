using System.CommandLine;
using FailoverModel.Exploration.Graph;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// <c>explore --graph FILE [--graph-of settled|reachable]</c>: the explored graph as a file other tools open, its format
/// chosen by the extension (<c>.graphml</c>, <c>.dot</c>, <c>.jsonl</c>). Everything that can be known before the work
/// is checked before it: the extension, the graph chosen, an output that would overwrite an input (the configuration or
/// one of its context files), a path that cannot be written.
/// </summary>
internal sealed class ExploreGraphOptions
{
    private const string Settled = "settled";
    private const string Reachable = "reachable";

    public Option<FileInfo?> Graph { get; } = new("--graph")
    {
        Description = "write the explored graph to this file as it is explored, the format by the extension: .graphml (yEd, Gephi, NetworkX, igraph), .dot (Graphviz) or .jsonl (one node or edge per line); docs/checking.md, \"The graph as a file\"",
        HelpName = "file",
    };

    public Option<string?> GraphOf { get; } = new("--graph-of")
    {
        Description = "with --graph: settled (the settled states and the external events between them, as the recovery analysis sees them) or reachable (every state the explorer keeps, internal steps included) [default: settled]",
        HelpName = "settled|reachable",
    };

    /// <summary>
    /// The graph file asked for, checked, or null when <c>--graph</c> is left out. A usage error (exit 2, one line) for an
    /// unknown extension, <c>--graph-of</c> without <c>--graph</c>, a path that names an input, or a reachable graph with
    /// an explorer that does not write it.
    /// </summary>
    /// <param name="parse">The command line.</param>
    /// <param name="configFile">The <c>--config</c> file, or null for the built-in configuration.</param>
    /// <param name="limits">The input limits the configuration is read within.</param>
    /// <param name="referenceExplorer">Whether the run explores on the reference explorer (<c>--reference</c> or <c>--with</c>).</param>
    public GraphRequest? Read(ParseResult parse, bool referenceExplorer)
    {
        var file = parse.GetValue(Graph);
        var of = parse.GetValue(GraphOf);
        if (of is not null and not Settled and not Reachable)
        {
            throw new CliUsageException($"--graph-of: unknown graph '{of}' (known: {Settled}, {Reachable})");
        }

        if (file is null)
        {
            return of is null ? null : throw new CliUsageException("--graph-of chooses the graph --graph writes: it needs --graph");
        }

        var full = Io.OutputFile.FullPath(file, "--graph");
        if (GraphFileWriter.FormatOf(full) is not { } format)
        {
            throw new CliUsageException($"--graph: {full}: unknown extension '{Path.GetExtension(full)}' (known: {GraphFileWriter.Extensions})");
        }

        var graphOf = of == Reachable ? Exploration.Graph.GraphOf.Reachable : Exploration.Graph.GraphOf.Settled;
        if (graphOf == Exploration.Graph.GraphOf.Reachable && referenceExplorer)
        {
            throw new CliUsageException("--graph-of reachable is written by the compiled explorer: it takes neither --reference nor --with (the settled graph is written with both)");
        }

        // The path itself is checked once the configuration is read (Target), against it and the context files it names.
        return new GraphRequest(full, format, graphOf);
    }

    /// <summary>
    /// Once the run is over: renames a whole graph file over its path and says so on standard error, or says why nothing
    /// was written (the run was interrupted, or stopped at a violation before the settled graph).
    /// </summary>
    public static void Report(CliIo io, GraphOutput? output)
    {
        if (output is null)
        {
            return;
        }

        if (output.Whole)
        {
            io.Error.WriteLine($"explore: {output.Commit()}");
            return;
        }

        var graph = GraphFileWriter.Token(output.Request.Of);
        io.Error.WriteLine($"explore: --graph: the {graph} graph was not explored to its end (the run was interrupted, or stopped at a violation before the settled graph; --graph-of reachable writes the graph up to the violation): {output.Request.Path} is not written");
    }
}

/// <summary>A graph file to write: its path, its format and which graph it holds.</summary>
internal sealed record GraphRequest(string Path, GraphFormat Format, GraphOf Of)
{
    /// <summary>
    /// Checks the path once the run's inputs are read (the configuration and the context files it names, by their
    /// identity, docs/input-limits.md): an output never overwrites what the run reads.
    /// </summary>
    public GraphRequest Target()
    {
        Io.OutputFile.CheckTarget(Path, "--graph");
        return this;
    }

    /// <summary>Creates the temporary file beside the path and writes the file's header (before the work, so an unwritable folder is found first).</summary>
    public GraphOutput Open(PairConfig config) => new(this, config);
}

/// <summary>
/// A graph file being written: the writer the exploration tells, over a temporary file renamed over the path by
/// <see cref="Commit"/> once the exploration told its end; disposed without it (an interruption, an error, a graph
/// not explored), nothing is left behind.
/// </summary>
internal sealed class GraphOutput : IDisposable
{
    private readonly Io.OutputFile _file;
    private readonly GraphFileWriter _writer;

    public GraphOutput(GraphRequest request, PairConfig config)
    {
        Request = request;
        _file = Io.OutputFile.Create(request.Path, "--graph");
        try
        {
            _writer = GraphFileWriter.Create(request.Format, _file.Stream, config, request.Of);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public GraphRequest Request { get; }

    /// <summary>What the exploration tells.</summary>
    public IGraphListener Listener => _writer;

    /// <summary>Whether the exploration told the graph to its end, so that the file is whole.</summary>
    public bool Whole => _writer.Ended;

    /// <summary>Closes the writer and renames the file over the path; a one-line account of it.</summary>
    public string Commit()
    {
        _writer.Dispose();
        _file.Commit();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_writer.States:N0} states and {_writer.Edges:N0} edges of the {GraphFileWriter.Token(Request.Of)} graph written to {Request.Path}");
    }

    public void Dispose()
    {
        // Closing the writer flushes what it buffers, which fails again on a full disk: the temporary file goes all the same.
        try
        {
            _writer.Dispose();
        }
        finally
        {
            _file.Dispose();
        }
    }
}
