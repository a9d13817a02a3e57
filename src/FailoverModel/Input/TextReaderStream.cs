using System.Text;

namespace FailoverModel.Input;

/// <summary>A read-only stream of the UTF-8 bytes of a <see cref="TextReader"/>, so text a test or a host hands over is read by <see cref="LineReader"/> as a file is.</summary>
internal sealed class TextReaderStream(TextReader reader) : Stream
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[4_096];
    private readonly byte[] _bytes = new byte[3 * 4_096 + 4];
    private int _start, _end;
    private bool _done;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_start == _end)
        {
            if (_done)
            {
                return 0;
            }

            var n = reader.Read(_chars, 0, _chars.Length);
            _done = n == 0;
            _start = 0;
            _end = _encoder.GetBytes(_chars, 0, n, _bytes, 0, flush: _done);
            if (_end == 0)
            {
                return _done ? 0 : Read(buffer, offset, count);
            }
        }

        var copied = Math.Min(count, _end - _start);
        Array.Copy(_bytes, _start, buffer, offset, copied);
        _start += copied;
        return copied;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
