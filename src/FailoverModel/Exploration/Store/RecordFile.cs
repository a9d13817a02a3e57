using System.IO.Hashing;

namespace FailoverModel.Exploration.Store;

/// <summary>
/// An append-only file of fixed-size records — a level of the frontier, or a level of the parent log — with the
/// XxHash64 of everything written so far, so that a checkpoint can say how long the file was and what it held, and a
/// resumed run can tell a truncated or altered file from a good one. Written through a large buffer; <see cref="Sync"/>
/// puts it on the disk before a checkpoint names it.
/// </summary>
internal sealed class RecordFile : IDisposable
{
    private const int BufferSize = 1 << 20;
    private readonly FileStream _stream;
    private readonly XxHash64 _hash = new();

    private RecordFile(string path, FileStream stream, int recordSize, long records)
    {
        Path = path;
        _stream = stream;
        RecordSize = recordSize;
        Records = records;
    }

    public string Path { get; }

    public int RecordSize { get; }

    /// <summary>Records written, those kept from before a resume included.</summary>
    public long Records { get; private set; }

    /// <summary>A new, empty file (an existing one of the same name is replaced: it belongs to a run being started over).</summary>
    public static RecordFile Create(string path, int recordSize) =>
        new(path, new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, BufferSize), recordSize, 0);

    /// <summary>
    /// Reopens a file a checkpoint named: its first <paramref name="records"/> records must hash to
    /// <paramref name="hash"/>; anything after them (written after the checkpoint) is cut off.
    /// <paramref name="each"/> sees every kept record, read once for the check.
    /// </summary>
    public static RecordFile Resume(string path, int recordSize, long records, ulong hash, RecordVisitor? each = null)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new CheckpointException($"{name} is missing");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, BufferSize);
        try
        {
            var length = records * recordSize;
            if (stream.Length < length)
            {
                throw new CheckpointException($"{name} is truncated: {stream.Length / recordSize:N0} records, the checkpoint names {records:N0}");
            }

            var file = new RecordFile(path, stream, recordSize, 0);
            var buffer = new byte[recordSize * 4096];
            long read = 0;
            while (read < length)
            {
                var want = (int)Math.Min(buffer.Length, length - read);
                stream.ReadExactly(buffer, 0, want);
                file._hash.Append(buffer.AsSpan(0, want));
                if (each is not null)
                {
                    for (var at = 0; at < want; at += recordSize)
                    {
                        each(buffer.AsSpan(at, recordSize));
                    }
                }

                read += want;
            }

            if (file._hash.GetCurrentHashAsUInt64() != hash)
            {
                throw new CheckpointException($"{name} is corrupted: its first {records:N0} records are not those the checkpoint names");
            }

            stream.SetLength(length);
            file.Records = records;
            return file;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The hash of every record written so far.</summary>
    public ulong Hash => _hash.GetCurrentHashAsUInt64();

    /// <summary>Bytes on the disk once flushed.</summary>
    public long Bytes => Records * RecordSize;

    public void Append(ReadOnlySpan<byte> record)
    {
        _stream.Write(record);
        _hash.Append(record);
        Records++;
    }

    /// <summary>Flushes what was written to the disk itself (a checkpoint names only what is there).</summary>
    public void Sync() => _stream.Flush(flushToDisk: true);

    /// <summary>Closes the file; what the buffer still held is lost when the disk refuses it (a checkpoint never names it).</summary>
    public void Dispose()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            _stream.SafeFileHandle.Dispose();
        }
    }
}

/// <summary>Sees one record of a file being read back.</summary>
internal delegate void RecordVisitor(ReadOnlySpan<byte> record);

/// <summary>A checkpoint that cannot be resumed: the message names what is wrong (bad input, exit 2).</summary>
internal sealed class CheckpointException(string message) : Exception(message);
