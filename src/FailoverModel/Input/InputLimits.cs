namespace FailoverModel.Input;

/// <summary>
/// The bounds every input is read within (docs/input-limits.md), so that no file, trace or request can take unbounded
/// memory: the size of a file read whole (a configuration, a context file, a scenario) and the length of any one line
/// (of those files, of a trace, of an <c>oracle serve</c> request). Traces and requests stream: only their line
/// length is bounded. <c>--max-file-size</c> and <c>--max-line-length</c> raise them.
/// </summary>
public sealed record InputLimits(long MaxFileBytes, int MaxLineBytes)
{
    /// <summary>8 MiB: a large ASA configuration is a few megabytes; parsing holds about thirty times the file in memory.</summary>
    public const long DefaultMaxFileBytes = 8L << 20;

    /// <summary>1 MiB: a trace line of the largest configuration the model takes (64 interfaces) is under 20 KB.</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    /// <summary>The range <c>--max-file-size</c> accepts: 1 KiB to 1 GiB.</summary>
    public const long MinFileBytes = 1L << 10, MaxFileBytesLimit = 1L << 30;

    /// <summary>The range <c>--max-line-length</c> accepts: 256 bytes to 64 MiB.</summary>
    public const int MinLineBytes = 256, MaxLineBytesLimit = 64 << 20;

    /// <summary>The limits when no option raises them: 8 MiB a file, 1 MiB a line.</summary>
    public static InputLimits Default { get; } = new(DefaultMaxFileBytes, DefaultMaxLineBytes);
}
