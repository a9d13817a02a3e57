using System.Buffers.Binary;
using System.IO.Hashing;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace FailoverModel.Input;

/// <summary>
/// Decompresses a gzip file (RFC 1952) and checks all of it: each member's header, its deflate data to the final block,
/// the CRC-32 and length of its trailer, and that nothing but further complete members follows. .NET's GZipStream
/// ends silently on a file cut short (at a block boundary, or without its trailer) and ignores bytes after the data,
/// so a truncated trace would "conform"; every such fault here is an <see cref="InvalidDataException"/> instead.
/// SharpZipLib's inflater is used because it tells where the deflate data ends, so the trailer is read at its place.
/// </summary>
internal sealed class VerifiedGzipStream(Stream inner) : Stream
{
    private readonly byte[] _input = new byte[1 << 16];
    private readonly Inflater _inflater = new(noHeader: true);
    private readonly Crc32 _crc = new();
    private int _inputStart, _inputEnd;
    private long _consumedBefore;
    private uint _size;
    private long _members;
    private Part _part = Part.Header;
    private byte[]? _scratch;

    private enum Part
    {
        Header,
        Data,
        End,
    }

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
    public override int Read(Span<byte> buffer)
    {
        _scratch ??= new byte[1 << 16];
        var n = Read(_scratch, 0, Math.Min(buffer.Length, _scratch.Length));
        _scratch.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            switch (_part)
            {
                case Part.End:
                    return 0;
                case Part.Header:
                    if (!Fill())
                    {
                        _part = _members > 0 ? Part.End : throw Fault("the file is empty, not gzip");
                        continue;
                    }

                    ReadHeader();
                    continue;
                default:
                    var n = Inflate(buffer, offset, count);
                    if (n > 0)
                    {
                        return n;
                    }

                    continue;
            }
        }

        return 0;
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

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private long Offset => _consumedBefore + _inputStart;

    private int Inflate(byte[] buffer, int offset, int count)
    {
        if (_inflater.IsNeedingInput)
        {
            if (!Fill())
            {
                throw Fault("the file ends inside the compressed data: it is truncated");
            }

            _inflater.SetInput(_input, _inputStart, _inputEnd - _inputStart);
            _inputStart = _inputEnd;
        }

        int n;
        try
        {
            n = _inflater.Inflate(buffer, offset, count);
        }
        catch (SharpZipBaseException e)
        {
            throw Fault($"corrupt compressed data: {e.Message}");
        }

        if (n > 0)
        {
            _crc.Append(buffer.AsSpan(offset, n));
            _size = unchecked(_size + (uint)n);
            return n;
        }

        if (_inflater.IsFinished)
        {
            // What the inflater was given but did not use starts the trailer.
            _inputStart = _inputEnd - _inflater.RemainingInput;
            ReadTrailer();
        }
        else if (_inflater.IsNeedingDictionary)
        {
            throw Fault("corrupt compressed data: it asks for a preset dictionary");
        }

        return 0;
    }

    private void ReadHeader()
    {
        var header = new List<byte>(10);
        byte Next(string where)
        {
            var b = NextByte(where);
            header.Add(b);
            return b;
        }

        var start = Offset;
        if (Next("in the gzip header") != 0x1f || Next("in the gzip header") != 0x8b)
        {
            throw _members == 0
                ? Fault("not gzip (the file does not start with 1f 8b)", start)
                : Fault("bytes follow the end of the gzip data", start);
        }

        if (Next("in the gzip header") != 8)
        {
            throw Fault("unknown gzip compression method (only deflate, 8, exists)", start + 2);
        }

        var flags = Next("in the gzip header");
        if ((flags & 0xe0) != 0)
        {
            throw Fault("reserved gzip header flags are set", start + 3);
        }

        for (var i = 0; i < 6; i++)
        {
            Next("in the gzip header");
        }

        if ((flags & 4) != 0)
        {
            var length = Next("in the gzip extra field") | (Next("in the gzip extra field") << 8);
            for (var i = 0; i < length; i++)
            {
                Next("in the gzip extra field");
            }
        }

        foreach (var (flag, what) in new[] { (8, "file name"), (16, "comment") })
        {
            if ((flags & flag) != 0)
            {
                while (Next($"in the gzip {what}") != 0)
                {
                }
            }
        }

        if ((flags & 2) != 0)
        {
            var expected = (ushort)Crc32.HashToUInt32(header.ToArray());
            var found = (ushort)(NextByte("in the gzip header CRC") | (NextByte("in the gzip header CRC") << 8));
            if (expected != found)
            {
                throw Fault("the gzip header's CRC does not match it");
            }
        }

        _inflater.Reset();
        _crc.Reset();
        _size = 0;
        _part = Part.Data;
    }

    private void ReadTrailer()
    {
        Span<byte> trailer = stackalloc byte[8];
        for (var i = 0; i < 8; i++)
        {
            trailer[i] = NextByte("in the gzip trailer: it is truncated");
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32())
        {
            throw Fault($"the data's CRC-32 is {_crc.GetCurrentHashAsUInt32():x8}, its gzip trailer says {crc:x8}: the file is corrupt", Offset - 8);
        }

        if (size != _size)
        {
            throw Fault($"the data is {_size} bytes (mod 2^32), its gzip trailer says {size}: the file is corrupt", Offset - 4);
        }

        _members++;
        _part = Part.Header;
    }

    private byte NextByte(string where)
    {
        if (!Fill())
        {
            throw Fault($"the file ends {where}");
        }

        return _input[_inputStart++];
    }

    /// <summary>True when unread input is buffered, reading more when none is.</summary>
    private bool Fill()
    {
        if (_inputStart < _inputEnd)
        {
            return true;
        }

        _consumedBefore += _inputEnd;
        _inputStart = 0;
        _inputEnd = inner.Read(_input, 0, _input.Length);
        return _inputEnd > 0;
    }

    private InvalidDataException Fault(string message, long? at = null) =>
        new($"gzip: {message} (at byte {at ?? Offset} of the compressed file)");
}
