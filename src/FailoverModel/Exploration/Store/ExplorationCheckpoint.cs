using System.Globalization;
using System.Text.Json;

namespace FailoverModel.Exploration.Store;

/// <summary>One of the run's files as a checkpoint names it: how many records it held and their hash.</summary>
internal sealed record FileMark(string Name, long Records, string Hash)
{
    public static FileMark Of(RecordFile file) => new(Path.GetFileName(file.Path), file.Records, file.Hash.ToString("x16", CultureInfo.InvariantCulture));

    public ulong HashValue => ulong.Parse(Hash, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

/// <summary>A witness as a checkpoint keeps it: the state it was seen from (fingerprint and level), the event (-1: the internal step) and the target key's words.</summary>
internal sealed record CheckpointWitness(string Name, string Source, int Level, int Via, ulong[]? Target);

/// <summary>
/// What a checkpoint of <see cref="Compiled.FingerprintExplorer"/> holds, as <c>checkpoint.json</c> beside the run's files:
/// which model, configuration, alphabet and bound it belongs to; the level being expanded and how many of its states
/// were merged; the counts; the length and hash of each file; the witnesses seen. The fingerprint table is not saved:
/// the parent log holds every stored fingerprint, and a resumed run rebuilds the table from it.
/// </summary>
internal sealed record ExplorationCheckpoint(
    string Format,
    string Model,
    string Signature,
    long MaxStates,
    int Level,
    long Offset,
    long States,
    long Transitions,
    long Checks,
    int Depth,
    bool Bounded,
    FileMark CurrentLevel,
    FileMark NextLevel,
    FileMark[] Parents,
    CheckpointWitness[] Witnesses)
{
    /// <summary>The format's name and version, the first thing a resume checks.</summary>
    public const string FormatName = "failover-model explore checkpoint 1";

    public const string FileName = "checkpoint.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the checkpoint whole or not at all: a temporary file, flushed to the disk, renamed over the last one.</summary>
    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the checkpoint of <paramref name="directory"/>; a folder that holds none, or an unreadable one, is a <see cref="CheckpointException"/>.</summary>
    public static ExplorationCheckpoint Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!Directory.Exists(directory))
        {
            throw new CheckpointException($"{directory}: no such folder");
        }

        if (!File.Exists(path))
        {
            throw new CheckpointException($"{directory}: not a checkpoint (no {FileName})");
        }

        var info = new FileInfo(path);
        if (info.Length > 16 << 20)
        {
            throw new CheckpointException($"{path}: not a checkpoint ({info.Length:N0} bytes)");
        }

        ExplorationCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<ExplorationCheckpoint>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path}: not a checkpoint ({e.Message})");
        }

        if (checkpoint is null || checkpoint.Format != FormatName)
        {
            throw new CheckpointException($"{path}: not a checkpoint of this kind (format '{checkpoint?.Format}', expected '{FormatName}')");
        }

        if (checkpoint.CurrentLevel is null || checkpoint.NextLevel is null || checkpoint.Parents is null || checkpoint.Witnesses is null
            || checkpoint.Parents.Length != checkpoint.Level + 2 || checkpoint.Offset < 0 || checkpoint.Offset > checkpoint.CurrentLevel.Records)
        {
            throw new CheckpointException($"{path}: the checkpoint is incomplete or inconsistent");
        }

        return checkpoint;
    }
}
