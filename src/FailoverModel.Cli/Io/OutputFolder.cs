namespace FailoverModel.Cli.Io;

/// <summary>
/// A folder that a command writes files into (<c>diagrams --out</c>, <c>explore --out</c>): checked, and created when it
/// is new, before the work starts; each file in it is written whole through <see cref="OutputFile"/>.
/// </summary>
public static class OutputFolder
{
    /// <summary>Refuses a folder path that names a file, without creating anything.</summary>
    public static void Check(DirectoryInfo folder, string option)
    {
        if (File.Exists(folder.FullName))
        {
            throw new CliUsageException($"{option}: {folder.FullName} is a file, not a folder");
        }
    }

    public static DirectoryInfo Prepare(DirectoryInfo folder, string option)
    {
        Check(folder, option);
        try
        {
            folder.Create();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliUsageException($"{option}: cannot create the folder {folder.FullName}: {e.Message}");
        }

        // Whether a file can be made there is found now, not after the work.
        using (OutputFile.Create(Path.Combine(folder.FullName, ".write-check"), option))
        {
        }

        return folder;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="file"/> in <paramref name="folder"/>, whole or not at all.</summary>
    public static void WriteWhole(DirectoryInfo folder, string file, string content, string option)
    {
        using var output = OutputFile.Create(Path.Combine(folder.FullName, file), option);
        using (var writer = new StreamWriter(output.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            writer.Write(content);
        }

        output.Commit();
    }
}
