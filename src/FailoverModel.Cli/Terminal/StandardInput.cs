namespace FailoverModel.Cli.Terminal;

/// <summary>
/// Standard input as bytes, or a stream that says it is closed. A process started with its standard input closed
/// (<c>&lt;&amp;-</c>) does not see descriptor 0 missing: the .NET runtime opens a pipe of its own while starting, which
/// takes the lowest free descriptor, and reading "standard input" then waits for ever on a pipe whose writer is the
/// process itself. That is recognised on Linux (descriptor 0 is a pipe, and this process holds its write end) and
/// reported, instead of hanging <c>oracle serve</c> and <c>oracle check -</c>.
/// </summary>
internal static class StandardInput
{
    public static Stream Open() => ClosedAtStart() ? new ClosedStream() : Console.OpenStandardInput();

    private static bool ClosedAtStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                var fd = Path.GetFileName(entry);
                if (fd != "0" && new FileInfo(entry).LinkTarget == target && WriteOnly(fd))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /proc not readable: standard input is taken as it is.
        }

        return false;
    }

    /// <summary>Whether the descriptor was opened for writing only (O_WRONLY in <c>/proc/self/fdinfo</c>'s octal flags).</summary>
    private static bool WriteOnly(string fd)
    {
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var flags = Convert.ToInt64(line["flags:".Length..].Trim(), 8);
                return (flags & 3) == 1;
            }
        }

        return false;
    }

    private sealed class ClosedStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw Closed();

        public override int Read(Span<byte> buffer) => throw Closed();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static StandardInputClosedException Closed() => new();
    }
}

/// <summary>
/// Reading a standard input that was closed when the process started: bad usage (exit 2), reported once, not as a
/// line of the input (so <c>oracle serve</c> does not answer it and wait for more).
/// </summary>
internal sealed class StandardInputClosedException() : Exception("standard input is closed: give the trace as a file, or pipe it in");
