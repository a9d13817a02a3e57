namespace FailoverModel.Cli.Io;

/// <summary>
/// A folder that a command writes files into (<c>diagrams --out</c>, <c>explore --out</c>, <c>oracle vectors
/// --suites</c>): checked with every name the command will write in it, and created when it is new, before the work
/// starts; each file in it is written whole through <see cref="OutputFile"/>.
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

    /// <summary>
    /// Checks the folder and each file to be written in it (a name may hold a subfolder, made when it is written) as
    /// <see cref="OutputFile.CheckTarget"/> checks one path, without creating anything: a name that cannot be written
    /// is found before the work, not after part of the set is written.
    /// </summary>
    public static void CheckNames(DirectoryInfo folder, IEnumerable<string> files, string option)
    {
        Check(folder, option);
        foreach (var file in files)
        {
            var full = Path.GetFullPath(Path.Combine(folder.FullName, file));
            if (Path.GetDirectoryName(full) is { } parent && Directory.Exists(parent))
            {
                OutputFile.CheckTarget(full, option);
                continue;
            }

            // A folder still to be made holds nothing yet; what stands in its way must be a folder.
            for (var above = Path.GetDirectoryName(full); above is not null && !Directory.Exists(above); above = Path.GetDirectoryName(above))
            {
                if (File.Exists(above))
                {
                    throw new CliUsageException($"{option}: cannot write {full}: {above} is a file, not a folder");
                }
            }
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
