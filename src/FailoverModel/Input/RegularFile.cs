using Microsoft.Win32.SafeHandles;
using Mono.Unix;
using Mono.Unix.Native;

namespace FailoverModel.Input;

/// <summary>
/// Opens an input for reading only when it is a regular file: a FIFO would block the open (or the read) forever, and a
/// device such as <c>/dev/zero</c> never ends. The file is opened without blocking and its type asked of the open
/// descriptor (<c>fstat</c>, through Mono.Unix), so nothing can swap it in between. A file that must stay inside a
/// folder (a context file beside its system configuration) is checked by the real path of what was opened. Every file
/// opened is recorded by its identity (<see cref="InputFiles"/>), so that no output of the run can replace it.
/// </summary>
internal static class RegularFile
{
    /// <summary>A regular file opened for reading.</summary>
    /// <param name="Stream">The open file, positioned at its start.</param>
    /// <param name="Length">Its size in bytes when it was opened.</param>
    internal sealed record Opened(FileStream Stream, long Length);

    /// <summary>Opens <paramref name="path"/> for reading if it is a regular file; anything else is an <see cref="Topology.InputException"/> at <paramref name="where"/>.</summary>
    /// <param name="path">The file to open.</param>
    /// <param name="what">What the file is, for messages: "the trace", "the context configuration".</param>
    /// <param name="where">Where the file is named; errors about opening it point there.</param>
    /// <param name="confinedTo">When set, the real path of the file opened must be directly inside this folder.</param>
    public static Opened Open(string path, string what, InputLocation where, string? confinedTo = null)
    {
        if (OperatingSystem.IsWindows())
        {
            return OpenPortable(path, what, where);
        }

        var fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Stdlib.GetLastError();
            throw where.Error($"cannot read {what} {path}: {(errno == Errno.ENOENT ? "the file does not exist" : UnixMarshal.GetErrorDescription(errno))}");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (Syscall.fstat(fd, out var status) != 0)
            {
                throw where.Error($"cannot read {what} {path}: {UnixMarshal.GetErrorDescription(Stdlib.GetLastError())}");
            }

            var type = status.st_mode & FilePermissions.S_IFMT;
            if (type != FilePermissions.S_IFREG)
            {
                throw where.Error($"{what} {path} is {Describe(type)}, not a regular file: only regular files (or standard input) are read");
            }

            InputFiles.Record(FileIdentity.Of(status), path, what);
            if (confinedTo is not null)
            {
                var real = RealPath(fd) ?? Path.GetFullPath(path);
                var folder = FolderRealPath(confinedTo);
                if (!string.Equals(Path.GetDirectoryName(real), folder.TrimEnd('/'), StringComparison.Ordinal))
                {
                    throw where.Error($"{what} {path} leads outside the configuration's folder (to {real}): context files are read only from the folder of the system configuration");
                }
            }

            return new Opened(new FileStream(handle, FileAccess.Read, 1 << 16), status.st_size);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>What a descriptor really opened, every link resolved (Linux names it in /proc); null where that is not there.</summary>
    private static string? RealPath(int fd) => UnixPath.TryReadLink($"/proc/self/fd/{fd}");

    private static string FolderRealPath(string folder)
    {
        var full = Path.GetFullPath(folder);
        var fd = Syscall.open(full, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC);
        if (fd < 0)
        {
            return full;
        }

        try
        {
            return RealPath(fd) ?? full;
        }
        finally
        {
            Syscall.close(fd);
        }
    }

    private static string Describe(FilePermissions type) => type switch
    {
        FilePermissions.S_IFIFO => "a FIFO",
        FilePermissions.S_IFCHR => "a character device",
        FilePermissions.S_IFBLK => "a block device",
        FilePermissions.S_IFDIR => "a directory",
        FilePermissions.S_IFSOCK => "a socket",
        _ => "not a regular file",
    };

    private static Opened OpenPortable(string path, string what, InputLocation where)
    {
        if (Directory.Exists(path))
        {
            throw where.Error($"{what} {path} is a directory, not a regular file");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (FileIdentity.Of(path) is { } identity)
            {
                InputFiles.Record(identity, path, what);
            }

            return new Opened(stream, stream.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw where.Error($"cannot read {what} {path}: {e.Message}");
        }
    }
}
