using System.Text;
using FailoverModel.Topology;

namespace FailoverModel.Input;

/// <summary>
/// Reads a text file whole — a configuration, a context file, a scenario — through <see cref="RegularFile"/>, within
/// the size and line-length limits, as strict UTF-8 (a BOM is dropped) whose lines end in LF or CR LF and hold no
/// control character but the tab (an ESC sequence echoed in a message or a step would drive the terminal). Every failure
/// is an <see cref="InputException"/> with the line and column it concerns.
/// </summary>
internal static class TextInput
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole of a regular file as text within <paramref name="limits"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="display">How messages name the file.</param>
    /// <param name="what">What the file is, for messages ("the scenario").</param>
    /// <param name="where">Where the file is named; errors about opening it point there.</param>
    /// <param name="limits">The largest file and the longest line read.</param>
    /// <param name="confinedTo">When set, the file must be directly inside this folder (a context file beside its system configuration).</param>
    public static string Read(string path, string display, string what, InputLocation where, InputLimits limits, string? confinedTo = null)
    {
        var opened = RegularFile.Open(path, what, where, confinedTo);
        byte[] bytes;
        using (var stream = opened.Stream)
        {
            if (opened.Length > limits.MaxFileBytes)
            {
                throw where.Error($"{what} {display} is {opened.Length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0} (--max-file-size raises it)");
            }

            // Read at most one byte more than the limit: the file may grow while it is read.
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > limits.MaxFileBytes)
                {
                    throw where.Error($"{what} {display} is more than the limit of {limits.MaxFileBytes:N0} bytes (--max-file-size raises it)");
                }
            }

            bytes = buffer.ToArray();
        }

        return Decode(bytes, display, limits);
    }

    /// <summary>Checks and decodes the bytes of a text file (also the built-in configuration's).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string display, InputLimits limits)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var prefix = Encoding.UTF8.GetString(bytes[..Math.Clamp(e.Index, 0, bytes.Length)]);
            var (line, column) = Position(prefix, prefix.Length);
            throw new InputException(display, line, column, "not UTF-8 text: an invalid byte sequence");
        }

        var lineStart = 0;
        long lineNo = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
            {
                throw new InputException(display, lineNo, i - lineStart + 1, "a carriage return that ends no line: lines end in LF or CR LF (convert CR-only line ends, e.g. with 'tr \"\\r\" \"\\n\"')");
            }

            if (c == '\n')
            {
                lineNo++;
                lineStart = i + 1;
                continue;
            }

            if (c != '\r' && c != '\t' && char.IsControl(c))
            {
                throw new InputException(display, lineNo, i - lineStart + 1, c == '\0'
                    ? "not a text file: it contains a NUL byte"
                    : $"a control character (U+{(int)c:X4}): a configuration or scenario holds no terminal codes (escape sequences, bells)");
            }

            // The CR of a CR LF is the line's end, not part of its length.
            if (c != '\r' && i - lineStart >= limits.MaxLineBytes)
            {
                throw new InputException(display, lineNo, limits.MaxLineBytes + 1L, $"the line is longer than {limits.MaxLineBytes:N0} characters (--max-line-length raises the limit)");
            }
        }

        return text;
    }

    /// <summary>The 1-based line and column of character <paramref name="index"/> of <paramref name="text"/>.</summary>
    public static (long Line, long Column) Position(string text, int index)
    {
        long line = 1;
        var start = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start + 1);
    }
}
