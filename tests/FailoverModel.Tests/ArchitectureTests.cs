using System.Text.RegularExpressions;

namespace FailoverModel.Tests;

/// <summary>
/// The library's folders depend one way, lowest first in the order docs/architecture.md gives ("Layers, lowest first:"):
/// a file may use its own folder and the folders before it, never one after. Dependencies are read from the code:
/// <c>using FailoverModel.X</c> lines and names qualified with a folder (<c>FailoverModel.X.Y</c> or <c>X.Y</c>),
/// comments left out.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly string Library = RepositoryFiles.Path("src", "FailoverModel");

    public static List<string> Layers()
    {
        var line = File.ReadLines(RepositoryFiles.Path("docs", "architecture.md")).Single(l => l.StartsWith("Layers, lowest first: ", StringComparison.Ordinal));
        return [.. line["Layers, lowest first: ".Length..].TrimEnd('.').Split(" → ").Select(l => l.Trim('`'))];
    }

    [Fact]
    public void EveryFolderOfTheLibraryIsALayer()
    {
        var folders = Directory.GetDirectories(Library)
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(folders, Layers().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoFolderDependsOnALaterOne()
    {
        var layers = Layers();
        var backEdges = new List<string>();
        foreach (var folder in layers)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Library, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (var used in Uses(File.ReadAllText(file), layers))
                {
                    if (layers.IndexOf(used) > layers.IndexOf(folder))
                    {
                        backEdges.Add($"{Path.GetRelativePath(Library, file)} uses {used}");
                    }
                }
            }
        }

        Assert.Empty(backEdges);
    }

    /// <summary>The reader finds each form of dependency, so that an empty list of back-edges means something.</summary>
    [Fact]
    public void TheReaderSeesUsingsAndQualifiedNamesButNotComments()
    {
        List<string> layers = ["Topology", "Machines", "Oracle", "Scenarios"];
        const string Code = """
            using FailoverModel.Oracle;
            using static FailoverModel.Scenarios.ScenarioRunner;
            // Machines.UnitMachine is only mentioned here
            /// <see cref="Machines.UnitMachine"/>
            var config = new Topology.PairConfig();
            """;

        Assert.Equal(["Oracle", "Scenarios", "Topology"], Uses(Code, layers).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Uses(string code, List<string> layers)
    {
        var text = Comment().Replace(code, "");
        return layers.Where(layer =>
            Regex.IsMatch(text, $@"(?<![\w.])(FailoverModel\.)?{layer}\.[A-Z]") || Regex.IsMatch(text, $@"using (static )?FailoverModel\.{layer}\b"));
    }

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();
}
