using System.Text;

namespace FailoverModel.Cli.Terminal;

/// <summary>
/// Standard output or standard error as the commands write them: UTF-8 whatever the locale (JSON and ASA text are
/// UTF-8; a Latin-1 locale once turned <c>serve</c>'s answers into bytes no JSON reader takes), and a stream that fails
/// — closed, or a full disk behind it — handled instead of aborting the process. A failing standard output ends the
/// command with one line on standard error naming it (exit 2, as any other unwritable output); a failing standard error
/// is left alone: progress and error lines are dropped, and the exit code still says what happened.
/// </summary>
internal sealed class StandardStream : TextWriter
{
    private readonly TextWriter _inner;
    private readonly string? _name;
    private bool _failed;

    private StandardStream(TextWriter inner, string? name)
    {
        _inner = inner;
        _name = name;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    /// <summary>Standard output: a write that fails throws an <see cref="IOException"/> naming it.</summary>
    public static TextWriter Output() => new StandardStream(Open(Console.OpenStandardOutput()), "standard output");

    /// <summary>Standard error: a write that fails is dropped, with every later one.</summary>
    public static TextWriter Error() => new StandardStream(Open(Console.OpenStandardError()), null);

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            _inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
        {
            Failed(e);
        }
    }

    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    public override void Flush() => Guard(_inner.Flush);

    private static StreamWriter Open(Stream stream) =>
        new(stream, new UTF8Encoding(false), 1 << 12) { AutoFlush = true };

    private void Guard(Action write)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
        {
            Failed(e);
        }
    }

    private void Failed(Exception e)
    {
        _failed = true;
        if (_name is not null)
        {
            throw new IOException($"cannot write to {_name}: {e.Message}", e);
        }
    }
}
