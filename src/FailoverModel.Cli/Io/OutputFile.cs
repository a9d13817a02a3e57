using FailoverModel.Input;
using Mono.Unix.Native;

namespace FailoverModel.Cli.Io;

/// <summary>
/// One output file, written whole or not at all. The path is checked before the work starts: its folder must exist and
/// take a new file, and the path must be new or an existing regular file — never a device node, a FIFO, a socket, a
/// folder or a symbolic link (writing <c>&lt;out&gt;.tmp</c> and renaming it over <c>/dev/null</c> once replaced the
/// device node with a regular file) — and never a file the run reads (<see cref="InputFiles"/>), however it is named.
/// The content goes to a temporary file beside it, created at once (so an unwritable folder is found before the
/// work), renamed over the path by <see cref="Commit"/>; disposing without committing — an error, Ctrl-C — removes it.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    private OutputFile(string path, string temporary, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporary;
        _stream = stream;
    }

    public string Path { get; }

    public string TemporaryPath { get; }

    public Stream Stream => _stream;

    /// <summary>Checks <paramref name="path"/> and creates the temporary file; a path that cannot be written is a usage error naming the option.</summary>
    public static OutputFile Create(string path, string option)
    {
        var full = System.IO.Path.GetFullPath(path);
        CheckTarget(full, option);
        var folder = System.IO.Path.GetDirectoryName(full) ?? "/";
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            return new OutputFile(full, temporary, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Refused(option, full, $"cannot create a file in {folder}: {e.Message}");
        }
    }

    /// <summary>Checks a path as <see cref="Create"/> does, without creating anything (for a file written later).</summary>
    public static void CheckTarget(string full, string option)
    {
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || System.IO.Path.GetFileName(full).Length == 0)
        {
            throw Refused(option, full, "not a file name");
        }

        if (!Directory.Exists(folder))
        {
            throw Refused(option, full, $"the folder {folder} does not exist");
        }

        CheckNotAnInput(full, option);
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(full))
            {
                throw Refused(option, full, "it is a folder");
            }

            return;
        }

        if (Syscall.lstat(full, out var status) != 0)
        {
            return;
        }

        var type = status.st_mode & FilePermissions.S_IFMT;
        if (type != FilePermissions.S_IFREG)
        {
            throw Refused(option, full, type switch
            {
                FilePermissions.S_IFLNK => "it is a symbolic link: name the file it leads to, or a new path",
                FilePermissions.S_IFDIR => "it is a folder",
                FilePermissions.S_IFCHR => "it is a character device",
                FilePermissions.S_IFBLK => "it is a block device",
                FilePermissions.S_IFIFO => "it is a FIFO",
                FilePermissions.S_IFSOCK => "it is a socket",
                _ => "it is not a regular file",
            } + "; only a new path or an existing regular file is written");
        }
    }

    /// <summary>
    /// Refuses a path that leads to a file the run has read, by the file's identity (device and inode), so that a
    /// symbolic link, a hard link or another spelling of the path is caught as the path itself is.
    /// </summary>
    public static void CheckNotAnInput(string full, string option)
    {
        if (InputFiles.Current is { } inputs && FileIdentity.Of(full) is { } identity && inputs.Find(identity) is { } input)
        {
            var named = string.Equals(input.Path, full, StringComparison.Ordinal) ? "" : $", {input.Path}";
            throw Refused(option, full, $"it is an input of this run ({input.What}{named}): name another file");
        }
    }

    /// <summary>Flushes the content to disk and renames it over the path.</summary>
    public void Commit()
    {
        if (_stream.CanWrite)
        {
            _stream.Flush(flushToDisk: true);
        }

        _stream.Dispose();

        // The path is checked again just before the rename: something may have appeared there during the work.
        CheckTarget(Path, "output");
        File.Move(TemporaryPath, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed)
        {
            File.Delete(TemporaryPath);
        }
    }

    private static CliUsageException Refused(string option, string path, string why) => new($"{option}: cannot write {path}: {why}");
}
