using Mono.Unix.Native;

namespace FailoverModel.Input;

/// <summary>
/// A file by what it is rather than by how it is named: its device and inode where the system has them, so that a
/// symbolic link, a hard link or a second spelling of a path to the same file is the same file; its full path where it
/// has not (Windows).
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? FullPath)
{
    /// <summary>The file <paramref name="path"/> leads to, every link followed; null when there is none.</summary>
    public static FileIdentity? Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(full) || Directory.Exists(full) ? new FileIdentity(0, 0, full.ToUpperInvariant()) : null;
        }

        return Syscall.stat(full, out var status) == 0 ? Of(status) : null;
    }

    /// <summary>The identity in a status the system gave (<c>stat</c>, <c>fstat</c>).</summary>
    public static FileIdentity Of(Stat status) => new(status.st_dev, status.st_ino, null);
}

/// <summary>
/// The files one run of a command has read, each by its <see cref="FileIdentity"/> and with what it was to the run
/// ("the scenario", "the context configuration"). The input layer records every file it opens, wherever in the model
/// the reading happens (a context file a configuration names, a configuration a scenario names), so that the output
/// layer can refuse to write over any of them without each command listing its inputs again. Outside a
/// <see cref="Track"/> scope (the library used on its own) nothing is recorded.
/// </summary>
internal sealed class InputFiles
{
    // Async-local, not static: tests run commands side by side in one process, each with its own inputs, and the
    // reading may happen on the threads a command starts (which inherit it).
    private static readonly AsyncLocal<InputFiles?> Scope = new();

    private readonly List<(FileIdentity Identity, string Path, string What)> _read = [];

    /// <summary>The run's record, or null outside a scope.</summary>
    public static InputFiles? Current => Scope.Value;

    /// <summary>Starts recording for one run; disposing the scope restores what was recorded before it.</summary>
    public static IDisposable Track()
    {
        var outer = Scope.Value;
        Scope.Value = new InputFiles();
        return new Restore(outer);
    }

    /// <summary>Records a file the input layer opened, when a run is being recorded.</summary>
    public static void Record(FileIdentity identity, string path, string what)
    {
        if (Scope.Value is { } files)
        {
            lock (files._read)
            {
                files._read.Add((identity, Path.GetFullPath(path), what));
            }
        }
    }

    /// <summary>The input that is the file <paramref name="identity"/> names, if the run read it: its path and what it was.</summary>
    public (string Path, string What)? Find(FileIdentity identity)
    {
        lock (_read)
        {
            foreach (var (read, path, what) in _read)
            {
                if (read == identity)
                {
                    return (path, what);
                }
            }
        }

        return null;
    }

    private sealed class Restore(InputFiles? outer) : IDisposable
    {
        public void Dispose() => Scope.Value = outer;
    }
}
