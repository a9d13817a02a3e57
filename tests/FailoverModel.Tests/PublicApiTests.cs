using System.Reflection;
using System.Text.RegularExpressions;

namespace FailoverModel.Tests;

/// <summary>
/// The library is internal by default (docs/architecture.md, "The public API"): its public types are a reviewed list,
/// so a helper made public by habit shows up here instead of in the package, and the entry points docs/library.md
/// names are public.
/// </summary>
public partial class PublicApiTests
{
    private static readonly Assembly Library = typeof(FailoverModel.Pair.FailoverPair).Assembly;

    [Fact]
    public void ThePublicTypesAreTheReviewedOnes()
    {
        var listFile = RepositoryFiles.Path("tests", "FailoverModel.Tests", "public-api.txt");
        var reviewed = File.ReadLines(listFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var exported = Library.GetExportedTypes()
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);

        var madePublic = exported.Except(reviewed).Order(StringComparer.Ordinal).ToList();
        var madeInternal = reviewed.Except(exported).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            madePublic.Count == 0 && madeInternal.Count == 0,
            $"the package's API changed; make these internal, or document them in docs/library.md and list them in {listFile}:\n"
            + string.Concat(madePublic.Select(t => $"  now public:   {t}\n"))
            + string.Concat(madeInternal.Select(t => $"  no longer public: {t}\n")));
    }

    [Fact]
    public void EveryNameTheLibraryPageGivesAsAnEntryPointIsPublic()
    {
        var names = Library.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => m.Name)
                .Append(t.Name)
                .Concat(t.Namespace!.Split('.')))
            .ToHashSet(StringComparer.Ordinal);
        var entryPoints = File.ReadLines(RepositoryFiles.Path("docs", "library.md"))
            .SkipWhile(l => !l.StartsWith("## Entry points", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("The command, the tests", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(entryPoints);

        var missing = entryPoints
            .SelectMany(l => Code().Matches(l).Select(m => m.Groups[1].Value))
            .SelectMany(code => code.Split('.', '/'))
            .Where(part => Identifier().IsMatch(part) && !names.Contains(part))
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "docs/library.md names entry points the package does not make public: " + string.Join(", ", missing));
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    /// <summary>A C# name (types and members are PascalCase); ASA commands and file names in backticks are lower case.</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
