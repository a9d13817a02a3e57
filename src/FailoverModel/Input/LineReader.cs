using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Input;

/// <summary>
/// Reads a stream (a trace, gzip-decompressed or not; <c>oracle serve</c>'s standard input) one line at a time within
/// <see cref="InputLimits.MaxLineBytes"/>, decoding each line as strict UTF-8, and counting lines in 64 bits. A line
/// that is too long or not UTF-8 is read to its end before the error is thrown, so a session can answer it and go on.
/// A stream error (a corrupt gzip) is thrown as an <see cref="InputException"/> at the line it cut.
/// </summary>
public sealed class LineReader(Stream stream, string file, int maxLineBytes) : IDisposable
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _buffer = new byte[1 << 16];
    private byte[] _line = new byte[1 << 12];
    private int _start, _end, _length;
    private bool _overlong, _eof;

    /// <summary>How messages name the input.</summary>
    public string File { get; } = file;

    /// <summary>The number of the line last returned (or failed), 1-based.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its line end, or null at the end of the stream.</summary>
    public string? ReadLine()
    {
        _length = 0;
        _overlong = false;
        while (true)
        {
            if (_start == _end && !Refill())
            {
                if (_length == 0 && !_overlong)
                {
                    return null;
                }

                LineNumber++;
                return Finish(_line.AsSpan(0, _length));
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                LineNumber++;
                _start += newline + 1;
                if (_length == 0 && !_overlong)
                {
                    // The common case: the whole line is in the buffer.
                    return Finish(available[..newline]);
                }

                Append(available[..newline]);
                return Finish(_line.AsSpan(0, _length));
            }

            Append(available);
            _start = _end;
        }
    }

    /// <summary>Closes the stream read.</summary>
    public void Dispose() => stream.Dispose();

    private void Append(ReadOnlySpan<byte> bytes)
    {
        // One byte more than the limit is held: the CR of a CR LF line end, which is not part of the line.
        if (_overlong || _length + bytes.Length > maxLineBytes + 1)
        {
            // Keep reading to the line's end, but hold none of it.
            _overlong = true;
            return;
        }

        if (_length + bytes.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(maxLineBytes + 1, Math.Max(_line.Length * 2, _length + bytes.Length)));
        }

        bytes.CopyTo(_line.AsSpan(_length));
        _length += bytes.Length;
    }

    private string Finish(ReadOnlySpan<byte> bytes)
    {
        if (_overlong)
        {
            throw TooLong();
        }

        if (LineNumber == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Length > maxLineBytes)
        {
            throw TooLong();
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var valid = Math.Max(0, e.Index);
            var column = Encoding.UTF8.GetCharCount(bytes[..Math.Min(valid, bytes.Length)]) + 1;
            throw new InputException(File, LineNumber, column, "not UTF-8 text: an invalid byte sequence");
        }
    }

    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        try
        {
            _start = 0;
            _end = stream.Read(_buffer, 0, _buffer.Length);
        }
        catch (InvalidDataException e)
        {
            // Nothing after a corrupt stream is read: the reader ends here.
            _eof = true;
            throw new InputException(File, LineNumber + 1, 1, e.Message);
        }
        catch (IOException e)
        {
            _eof = true;
            throw new InputException(File, LineNumber + 1, 1, $"cannot read: {e.Message}");
        }

        _eof = _end == 0;
        return !_eof;
    }

    private InputException TooLong() =>
        new(File, LineNumber, (long)maxLineBytes + 1, $"the line is longer than {maxLineBytes:N0} bytes (--max-line-length raises the limit)");
}
