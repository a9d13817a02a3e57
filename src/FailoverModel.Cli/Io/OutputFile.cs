using System.Collections.Concurrent;
using FailoverModel.Input;
using Mono.Unix.Native;

namespace FailoverModel.Cli.Io;

/// <summary>
/// One output file, written whole or not at all. The path is checked before the work starts: its folder must exist and
/// take a new file, and the path must be new or an existing regular file — never a device node, a FIFO, a socket, a
/// folder or a symbolic link (writing <c>&lt;out&gt;.tmp</c> and renaming it over <c>/dev/null</c> once replaced the
/// device node with a regular file) — and never a file the run reads (<see cref="InputFiles"/>), however it is named.
/// The content goes to a temporary file beside it, created at once (so an unwritable folder is found before the
/// work), renamed over the path by <see cref="Commit"/>; disposing without committing — an error, a full disk, an
/// interruption — removes it.
/// </summary>
public sealed class OutputFile : IDisposable
{
    /// <summary>How much of the target's name a temporary name keeps, in UTF-8 bytes.</summary>
    private const int NameBytesKept = 64;

    // Every temporary file not yet committed or removed: a second interruption ends the process at once, without the
    // unwinding that disposes each output, and removes these first.
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    private readonly FileStream _file;
    private readonly string _option;
    private bool _committed;
    private bool _disposed;

    private OutputFile(string path, string temporary, FileStream file, string option)
    {
        Path = path;
        TemporaryPath = temporary;
        _file = file;
        _option = option;
        Stream = new Guarded(this);
    }

    public string Path { get; }

    public string TemporaryPath { get; }

    /// <summary>Where the content goes; a write that fails (a full disk) is an <see cref="IOException"/> naming the option and the path.</summary>
    public Stream Stream { get; }

    /// <summary>Checks <paramref name="path"/> and creates the temporary file; a path that cannot be written is a usage error naming the option.</summary>
    public static OutputFile Create(string path, string option)
    {
        var full = System.IO.Path.GetFullPath(path);
        CheckTarget(full, option);
        var folder = System.IO.Path.GetDirectoryName(full) ?? "/";
        var temporary = System.IO.Path.Combine(folder, TemporaryName(System.IO.Path.GetFileName(full)));
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            Pending[temporary] = 0;
            return new OutputFile(full, temporary, stream, option);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Refused(option, full, $"cannot create a file in {folder}: {e.Message}");
        }
    }

    /// <summary>
    /// The temporary name for a target named <paramref name="name"/>: hidden, recognisable by the start of the name,
    /// and at most 102 bytes whatever the name's length, so that any name the file system takes (up to 255 bytes) can
    /// be written.
    /// </summary>
    internal static string TemporaryName(string name)
    {
        var kept = new System.Text.StringBuilder();
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > NameBytesKept)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return $".{kept}.{Guid.NewGuid():N}.tmp";
    }

    /// <summary>
    /// The full path an output option names. <c>-</c> is refused: it reads as standard output, which these options do
    /// not write, and would otherwise become a file named <c>-</c> in the current folder.
    /// </summary>
    /// <param name="given">The option's value.</param>
    /// <param name="option">The option, for the message.</param>
    /// <param name="instead">What to do instead, when the command has a way to write to standard output.</param>
    public static string FullPath(FileSystemInfo given, string option, string? instead = null)
    {
        if (given.ToString() == "-")
        {
            throw new CliUsageException($"{option}: '-' is not a file: this option names the file or folder the command writes, not standard output{(instead is null ? "" : $" ({instead})")}");
        }

        return System.IO.Path.GetFullPath(given.FullName);
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

    /// <summary>Removes every temporary file not yet committed: the last thing done before the process ends at once.</summary>
    public static void RemovePending()
    {
        foreach (var temporary in Pending.Keys)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process is ending: what cannot be removed now cannot be removed later either.
            }
        }
    }

    /// <summary>Flushes the content to disk and renames it over the path.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Guard(() => _file.Flush(flushToDisk: true));
        _file.Dispose();

        // The path is checked again just before the rename: something may have appeared there during the work.
        CheckTarget(Path, _option);
        Guard(() => File.Move(TemporaryPath, Path, overwrite: true));
        _committed = true;
        Pending.TryRemove(TemporaryPath, out _);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_committed)
        {
            return;
        }

        try
        {
            _file.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes what is buffered, which fails again on a full disk; the content is discarded anyway.
        }
        finally
        {
            File.Delete(TemporaryPath);
            Pending.TryRemove(TemporaryPath, out _);
        }
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputWriteException($"{_option}: cannot write {Path}: {Reason(e)}", e);
        }
    }

    /// <summary>The system's reason, without the temporary file's name it carries (the user named the target).</summary>
    private static string Reason(IOException e) =>
        OperatingSystem.IsLinux() && e.HResult == (int)Errno.ENOSPC ? "no space left on the device" : e.Message;

    private static CliUsageException Refused(string option, string path, string why) => new($"{option}: cannot write {path}: {why}");

    /// <summary>The temporary file as the command sees it: a write that fails names the option and the target.</summary>
    private sealed class Guarded(OutputFile output) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => output._file.CanWrite;

        public override long Length => output._file.Length;

        public override long Position { get => output._file.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                output._file.Write(buffer);
            }
            catch (IOException e)
            {
                throw new OutputWriteException($"{output._option}: cannot write {output.Path}: {Reason(e)}", e);
            }
        }

        public override void Flush()
        {
            if (output._file.CanWrite)
            {
                output.Guard(output._file.Flush);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>
/// Writing an output failed (a full disk): the message names the option and the target. A type of its own, so that a
/// command telling its own files' failures apart (explore's frontier and checkpoints) does not take it for one of them.
/// </summary>
internal sealed class OutputWriteException(string message, Exception inner) : IOException(message, inner);
