using System.Globalization;
using FailoverModel.Exploration.Store;

namespace FailoverModel.Cli.Commands;

/// <summary>
/// Where <c>explore</c> keeps its states, checked before any work: fingerprints (the default) within a memory budget,
/// with the frontier and parent log in a checkpoint folder or a temporary one; or whole keys in memory
/// (<c>--exact</c>, <c>--reference</c> and <c>--with</c>, whose keys carry a configuration part numbered per run).
/// </summary>
public sealed record StoreOptions(bool Fingerprints, long MemoryBytes, DirectoryInfo? Directory, bool Resume, int CheckpointSeconds)
{
    /// <summary>What the run keeps beside the table: the runtime, the chunks being expanded, the reference pair, the buffers.</summary>
    public const long Reserve = 256L << 20;

    /// <summary>Bytes the fingerprint table may take.</summary>
    public long TableBudget => MemoryBytes - Reserve;

    /// <summary>Reads and checks the store's options; any mistake is a usage error naming the option.</summary>
    public static StoreOptions Of(bool exact, string? memory, DirectoryInfo? checkpoint, DirectoryInfo? resume, int checkpointSeconds)
    {
        Io.OptionRange.Check("--checkpoint-every", checkpointSeconds, ExploreCommand.CheckpointSeconds);
        var bytes = memory is null ? ExploreCommand.DefaultMemory : ParseSize(memory);
        Io.OptionRange.Check("--memory", bytes, ExploreCommand.MemoryRange);
        if (checkpoint is not null && resume is not null)
        {
            throw new CliUsageException("--checkpoint and --resume: give one (--resume DIR goes on checkpointing into DIR)");
        }

        if (exact && (memory is not null || checkpoint is not null || resume is not null))
        {
            throw new CliUsageException("--memory, --checkpoint and --resume are for the fingerprint store; --exact, --reference and --with keep whole keys in memory");
        }

        if (checkpoint is not null)
        {
            if (File.Exists(checkpoint.FullName))
            {
                throw new CliUsageException($"--checkpoint: {checkpoint.FullName} is a file, not a folder");
            }

            if (checkpoint.Exists && checkpoint.EnumerateFileSystemInfos().Any())
            {
                throw new CliUsageException(File.Exists(Path.Combine(checkpoint.FullName, ExplorationCheckpoint.FileName))
                    ? $"--checkpoint: {checkpoint.FullName} holds a checkpoint; continue it with --resume {checkpoint.FullName}, or give a new folder"
                    : $"--checkpoint: {checkpoint.FullName} is not empty; give a new or empty folder");
            }

            try
            {
                checkpoint.Create();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--checkpoint: cannot create the folder {checkpoint.FullName}: {e.Message}");
            }
        }

        if (resume is not null)
        {
            try
            {
                ExplorationCheckpoint.Read(resume.FullName);
            }
            catch (CheckpointException e)
            {
                throw new CliUsageException($"--resume: {e.Message}");
            }
        }

        return new StoreOptions(!exact, bytes, checkpoint ?? resume, resume is not null, checkpointSeconds);
    }

    /// <summary>A size such as <c>12g</c>, <c>800m</c>, <c>65536k</c> or a number of bytes; binary units.</summary>
    public static long ParseSize(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.EndsWith('b'))
        {
            t = t[..^1];
        }

        var shift = t.Length > 0 ? t[^1] switch { 'k' => 10, 'm' => 20, 'g' => 30, 't' => 40, _ => 0 } : 0;
        var digits = shift > 0 ? t[..^1] : t;
        if (digits.Length == 0 || digits.Length > 7 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (shift == 0 && digits.Length > 0 && value < 1024))
        {
            throw new CliUsageException($"--memory: '{text}' is not a size (a number with k, m, g or t, such as 12g)");
        }

        return value << shift;
    }
}
