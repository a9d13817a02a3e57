using System.Diagnostics;
using System.Text.Json;
using System.Xml;
using FailoverModel.Exploration;
using FailoverModel.Exploration.Compiled;
using FailoverModel.Exploration.Graph;
using FailoverModel.Pair;

namespace FailoverModel.Tests.Exploration;

/// <summary>A graph file read back: its graph attributes, its declared attribute types, its nodes and edges in file order, and how many nodes came before each edge.</summary>
public sealed record GraphFileContent(
    IReadOnlyDictionary<string, string> Graph,
    IReadOnlyDictionary<string, string> NodeTypes,
    IReadOnlyDictionary<string, string> EdgeTypes,
    IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Data)> Nodes,
    IReadOnlyList<(string Source, string Target, IReadOnlyDictionary<string, string> Data)> Edges,
    IReadOnlyList<int> NodesBeforeEdge);

/// <summary>
/// Writes graphs the way <c>explore --graph</c> does (the explorers telling a writer) and reads them back with readers
/// that know nothing of the writers: an XML reader for GraphML, a JSON parser line by line for JSON Lines, Graphviz's
/// own tools for DOT.
/// </summary>
public static class GraphFileReaders
{
    internal static (byte[] Bytes, ExplorationResult Result) Reachable(FailoverPair pair, GraphFormat format, int maxStates = int.MaxValue, int threads = 0)
    {
        using var stream = new MemoryStream();
        ExplorationResult result;
        using (var writer = GraphFileWriter.Create(format, stream, pair.Config, GraphOf.Reachable))
        {
            result = new CompiledExplorer(pair) { GraphListener = writer }.Explore(maxStates, threads: threads);
            Assert.True(writer.Ended);
        }

        return (stream.ToArray(), result);
    }

    internal static (byte[] Bytes, SettledGraph Graph) Settled(FailoverPair pair, GraphFormat format, int maxStates = int.MaxValue)
    {
        using var stream = new MemoryStream();
        SettledGraph graph;
        using (var writer = GraphFileWriter.Create(format, stream, pair.Config, GraphOf.Settled))
        {
            graph = SettledGraph.Explore(pair, null, maxStates, null, null, default, selfLoops: false, writer);
            Assert.True(writer.Ended);
        }

        return (stream.ToArray(), graph);
    }

    /// <summary>Reads GraphML with <see cref="XmlReader"/>: keys by id, then every node's and edge's data by the key's name.</summary>
    public static GraphFileContent ReadGraphML(byte[] bytes)
    {
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        var keys = new Dictionary<string, (string For, string Name, string Type)>(StringComparer.Ordinal);
        var graph = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<(string, IReadOnlyDictionary<string, string>)>();
        var edges = new List<(string, string, IReadOnlyDictionary<string, string>)>();
        var before = new List<int>();
        Dictionary<string, string>? data = null;
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { IgnoreWhitespace = true });
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            Assert.Equal(ns, reader.NamespaceURI);
            if (reader.LocalName == "data")
            {
                // Reading the content moves the reader past the element, onto whatever follows.
                var key = keys[reader.GetAttribute("key")!];
                var owner = reader.Depth == 2 ? graph : data!;
                owner.Add(key.Name, reader.ReadElementContentAsString());
                continue;
            }

            switch (reader.LocalName)
            {
                case "key":
                    keys.Add(reader.GetAttribute("id")!, (reader.GetAttribute("for")!, reader.GetAttribute("attr.name")!, reader.GetAttribute("attr.type")!));
                    break;
                case "graph":
                    Assert.Equal("directed", reader.GetAttribute("edgedefault"));
                    data = graph;
                    break;
                case "node":
                    data = new Dictionary<string, string>(StringComparer.Ordinal);
                    nodes.Add((reader.GetAttribute("id")!, data));
                    break;
                case "edge":
                    data = new Dictionary<string, string>(StringComparer.Ordinal);
                    edges.Add((reader.GetAttribute("source")!, reader.GetAttribute("target")!, data));
                    before.Add(nodes.Count);
                    break;
            }

            reader.Read();
        }

        var types = (string domain) => keys.Values.Where(k => k.For == domain).ToDictionary(k => k.Name, k => k.Type, StringComparer.Ordinal);
        return new GraphFileContent(graph, types("node"), types("edge"), nodes, edges, before);
    }

    /// <summary>Reads JSON Lines one line at a time: the <c>graph</c> line, nodes and edges, the <c>end</c> line, each checked for its place.</summary>
    public static GraphFileContent ReadJsonLines(byte[] bytes)
    {
        using var text = new StreamReader(new MemoryStream(bytes));
        var graph = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodeTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var edgeTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<(string, IReadOnlyDictionary<string, string>)>();
        var edges = new List<(string, string, IReadOnlyDictionary<string, string>)>();
        var before = new List<int>();
        var ended = false;
        var first = true;
        while (text.ReadLine() is { } line)
        {
            Assert.False(ended, "a line after the end line");
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var type = root.GetProperty("type").GetString();
            Assert.Equal(first, type == "graph");
            first = false;
            switch (type)
            {
                case "graph":
                    foreach (var p in root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                    {
                        graph[p.Name] = p.Value.GetString()!;
                    }

                    foreach (var p in root.GetProperty("node_attributes").EnumerateObject())
                    {
                        nodeTypes[p.Name] = p.Value.GetString()!;
                    }

                    foreach (var p in root.GetProperty("edge_attributes").EnumerateObject())
                    {
                        edgeTypes[p.Name] = p.Value.GetString()!;
                    }

                    break;
                case "node":
                    nodes.Add((root.GetProperty("id").GetString()!, Values(root, nodeTypes, "id")));
                    break;
                case "edge":
                    edges.Add((root.GetProperty("source").GetString()!, root.GetProperty("target").GetString()!, Values(root, edgeTypes, "id", "source", "target")));
                    before.Add(nodes.Count);
                    break;
                case "end":
                    foreach (var p in root.EnumerateObject().Where(p => p.Name != "type"))
                    {
                        graph[p.Name] = p.Value.GetRawText();
                    }

                    ended = true;
                    break;
                default:
                    Assert.Fail($"unknown line type {type}");
                    break;
            }
        }

        Assert.True(ended, "no end line");
        return new GraphFileContent(graph, nodeTypes, edgeTypes, nodes, edges, before);
    }

    /// <summary>Runs one of Graphviz's tools on a file and returns what it printed; a tool that fails fails the test.</summary>
    public static string Graphviz(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Run(start, $"Graphviz's '{tool}' is not on PATH: install it with 'apt-get install graphviz' (./build.sh test does)");
    }

    /// <summary>Runs a tool and returns what it printed; a tool missing or failing fails the test, saying how to install it.</summary>
    public static string Run(ProcessStartInfo start, string missing)
    {
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail(missing);
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{start.FileName} exited {process.ExitCode}: {error}");
            return output.Result;
        }
    }

    // A line's attributes as text, each of the JSON type the graph line declared for it (booleans as JSON booleans).
    private static Dictionary<string, string> Values(JsonElement line, Dictionary<string, string> types, params string[] fixedNames)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in line.EnumerateObject().Where(p => p.Name != "type" && !fixedNames.Contains(p.Name)))
        {
            Assert.True(types.TryGetValue(p.Name, out var declared), $"attribute {p.Name} is not declared");
            Assert.Equal(declared == "boolean" ? JsonValueKind.True : JsonValueKind.String, p.Value.ValueKind == JsonValueKind.False ? JsonValueKind.True : p.Value.ValueKind);
            values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return values;
    }
}
