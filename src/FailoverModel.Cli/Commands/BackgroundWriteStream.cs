using System.Buffers;
using System.Collections.Concurrent;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// A write-only stream that hands its bytes, in large chunks and in order, to a second thread that writes them to
/// <paramref name="inner"/>: vectors are made and compressed at once, on two cores, instead of one after the other.
/// Disposing waits for the last chunk and disposes <paramref name="inner"/>; an error of the writing thread is thrown
/// by the next write or by dispose.
/// </summary>
public sealed class BackgroundWriteStream(Stream inner) : Stream
{
    private const int ChunkSize = 1 << 20;
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _chunks = new(boundedCapacity: 8);
    private byte[] _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _used;
    private Task? _writer;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var n = Math.Min(buffer.Length, _current.Length - _used);
            buffer[..n].CopyTo(_current.AsSpan(_used));
            _used += n;
            buffer = buffer[n..];
            if (_used == _current.Length)
            {
                Hand();
            }
        }
    }

    public override void WriteByte(byte value)
    {
        _current[_used++] = value;
        if (_used == _current.Length)
        {
            Hand();
        }
    }

    /// <summary>Only hands over what is buffered; the bytes reach <c>inner</c> when the writer gets to them.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (_used > 0)
                {
                    Hand();
                }

                _chunks.CompleteAdding();
                _writer?.GetAwaiter().GetResult();
            }
            finally
            {
                _chunks.Dispose();
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Hand()
    {
        _writer ??= Task.Factory.StartNew(WriteChunks, TaskCreationOptions.LongRunning);
        if (_writer.IsFaulted)
        {
            _writer.GetAwaiter().GetResult();
        }

        try
        {
            _chunks.Add((_current, _used));
        }
        catch (InvalidOperationException) when (_writer.IsCompleted)
        {
            // The writer stopped taking chunks because it failed: its error is the one to report.
            _writer.GetAwaiter().GetResult();
            throw;
        }

        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _used = 0;
    }

    private void WriteChunks()
    {
        try
        {
            foreach (var (buffer, length) in _chunks.GetConsumingEnumerable())
            {
                inner.Write(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch
        {
            // Stop taking chunks, so that a producer blocked on a full queue wakes up and sees the error.
            _chunks.CompleteAdding();
            throw;
        }
    }
}
