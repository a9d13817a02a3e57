using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using FailoverModel.Exploration.Store;
using FailoverModel.Invariants;
using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>How a run of <see cref="FingerprintExplorer"/> is bounded, where its files go and how often it checkpoints.</summary>
internal sealed record FingerprintRunOptions
{
    /// <summary>Stop storing new states at this many (a bounded run).</summary>
    public long MaxStates { get; init; } = long.MaxValue;

    /// <summary>Bytes the fingerprint table may take; the run stops, resumable, when it would need more.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>The folder of the run's files and checkpoints; null: a temporary folder, removed at the end.</summary>
    public string? Directory { get; init; }

    /// <summary>Continue the run whose checkpoint <see cref="Directory"/> holds.</summary>
    public bool Resume { get; init; }

    /// <summary>The longest time between two checkpoints (zero: after every chunk of states); only with a <see cref="Directory"/>.</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Threads that expand states (0: every core); the merge runs beside them.</summary>
    public int Threads { get; init; }

    /// <summary>Told every state and transition as the merge stores them (<c>explore --graph</c>); not with <see cref="Resume"/>.</summary>
    public Graph.IGraphListener? GraphListener { get; init; }
}

/// <summary>Where a run of <see cref="FingerprintExplorer"/> is, as its progress shows it.</summary>
internal sealed record FingerprintProgress(int Level, long States, long Frontier, long Transitions, long TableBytes, long DiskBytes, long? StatesAhead);

/// <summary>What a run's store took: the table in memory, the frontier and the parent log on the disk, and the chance that a fingerprint collision hid a state.</summary>
/// <param name="States">The states stored.</param>
/// <param name="TableBytes">Bytes of the fingerprint table at the end.</param>
/// <param name="PeakFrontierBytes">The largest two consecutive levels of the frontier on the disk at once.</param>
/// <param name="ParentLogBytes">The parent log's bytes on the disk.</param>
/// <param name="OptimisticCollision">TLC's "calculated (optimistic)" probability: states × (generated − states) / 2^64.</param>
/// <param name="ObservedCollision">TLC's estimate from the fingerprints themselves: 1 / the smallest distance between two stored fingerprints.</param>
internal sealed record StoreFigures(long States, long TableBytes, long PeakFrontierBytes, long ParentLogBytes, double OptimisticCollision, double ObservedCollision)
{
    public double TableBytesPerState => States == 0 ? 0 : (double)TableBytes / States;

    public double ParentLogBytesPerState => States == 0 ? 0 : (double)ParentLogBytes / States;

    /// <summary>Bytes of the disk frontier per state it held at its peak (a packed key).</summary>
    public static int FrontierBytesPerState => Marshal.SizeOf<StateKey>();
}

/// <summary>The result of a run of <see cref="FingerprintExplorer"/>: the exploration's, the store's figures, and why it stopped early if it did.</summary>
internal sealed record FingerprintRunResult(ExplorationResult Exploration, StoreFigures Store)
{
    /// <summary>Set when the table would exceed the memory budget: the run stopped, and its last checkpoint resumes it.</summary>
    public string? TableFull { get; init; }

    /// <summary>Whether the run was resumed from a checkpoint.</summary>
    public bool Resumed { get; init; }
}

/// <summary>
/// The compiled explorer on the fingerprint store: the same breadth-first search, successors, invariants, witnesses and
/// shortest counterexamples as <see cref="CompiledExplorer"/>, but each state is kept as its 64-bit
/// <see cref="Fingerprint"/> in a <see cref="FingerprintTable"/> (8 bytes a slot), the frontier level by level in files
/// of packed keys, and the parent log on the disk. Level by level, chunks of the level's file are expanded on every core
/// while the chunk before is merged, in breadth-first order, so the states, transitions, depth and witnesses are the same
/// whatever the thread count, the interruptions and the resumptions. A checkpoint names the level, how much of it was
/// merged, and the length and hash of every file; a resumed run cuts off what was written after it and rebuilds the table
/// from the parent log.
/// </summary>
internal sealed class FingerprintExplorer(FailoverPair pair, IReadOnlyList<Event> alphabet)
{
    private const int ChunkSize = 4_096;
    private static readonly int KeySize = Marshal.SizeOf<StateKey>();
    private readonly StateCanonicalizer _canonical = new(pair.Config);

    public FingerprintExplorer(FailoverPair pair)
        : this(pair, EventAlphabet.For(pair.Config))
    {
    }

    public FailoverPair Pair { get; } = pair;

    public IReadOnlyList<Event> Alphabet { get; } = alphabet;

    /// <summary>What a checkpoint must match to be resumed: this build of the model, the configuration and the alphabet.</summary>
    public string Signature()
    {
        var codec = new StateCodec(Pair.Initial);
        var text = new System.Text.StringBuilder();
        text.Append(Fingerprint.Text(Fingerprint.Of(codec.Encode(_canonical.Canonical(Pair.Initial), default)))).Append('\n');
        foreach (var e in Alphabet)
        {
            text.Append(e).Append('\n');
        }

        foreach (var g in Pair.Config.Groups)
        {
            text.Append(g).Append('\n');
        }

        foreach (var i in Pair.Config.Interfaces)
        {
            text.Append(i).Append('\n');
        }

        text.Append(Pair.Config.CableBased).Append(Pair.Config.StateLink is null).Append('\n');
        return System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The build of the model a checkpoint was written by (its library's module version).</summary>
    public static string ModelVersion => typeof(PackedPair).Assembly.ManifestModule.ModuleVersionId.ToString();

    public FingerprintRunResult Explore(FingerprintRunOptions options, IReadOnlyList<Invariant>? invariants = null, Action<FingerprintProgress>? progress = null, CancellationToken cancellation = default)
    {
        invariants ??= SeedInvariants.All;
        var temporary = options.Directory is null;
        var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), $"failover-model-explore-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            using var run = new Run(this, options, invariants, directory, !temporary, progress, cancellation);
            return run.Go();
        }
        finally
        {
            if (temporary)
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string LevelFile(int level) => $"level-{level:D4}.keys";

    /// <summary>One run: its table, its files, its counts.</summary>
    private sealed class Run : IDisposable
    {
        private readonly FingerprintExplorer _explorer;
        private readonly FingerprintRunOptions _options;
        private readonly IReadOnlyList<Invariant> _invariants;
        private readonly string _directory;
        private readonly bool _checkpoints;
        private readonly Action<FingerprintProgress>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly StateCodec _codec;
        private readonly CompiledStepper[] _steppers;
        private readonly FingerprintSet _table;
        private readonly WitnessesSeen<(ulong Fingerprint, int Level)> _seen;
        private readonly List<RecordFile> _parents = [];
        private readonly List<long> _levelSizes = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
        private RecordFile? _next;
        private FileMark? _current;
        private long _states;
        private long _transitions;
        private long _checks;
        private int _depth;
        private bool _bounded;
        private long _peakFrontier;
        private bool _resumed;
        private int _level;
        private long _offset;

        public Run(FingerprintExplorer explorer, FingerprintRunOptions options, IReadOnlyList<Invariant> invariants, string directory, bool checkpoints, Action<FingerprintProgress>? progress, CancellationToken cancellation)
        {
            _explorer = explorer;
            _options = options;
            _invariants = invariants;
            _directory = directory;
            _checkpoints = checkpoints;
            _progress = progress;
            _cancellation = cancellation;
            _codec = new StateCodec(explorer.Pair.Initial);
            var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            _steppers = [.. Enumerable.Range(0, threads).Select(_ => new CompiledStepper(explorer.Pair.Clone(), explorer.Alphabet, _codec, invariants))];
            _table = new FingerprintSet(options.MemoryBytes, threads >= 4 ? 4 : threads >= 2 ? 2 : 1);
            _seen = new WitnessesSeen<(ulong, int)>(explorer.Alphabet, explorer.Pair.Config.GroupCount);
            _graph = options.GraphListener is { } listener ? new Graph.ReachableGraphFeed(listener, _codec) : null;
        }

        private readonly Graph.ReachableGraphFeed? _graph;

        public void Dispose()
        {
            _next?.Dispose();
            foreach (var p in _parents)
            {
                p.Dispose();
            }

            _table.Dispose();
        }

        public FingerprintRunResult Go()
        {
            if (SeedInvariants.FirstViolation(new InvariantContext(_explorer.Pair, null, null, _explorer.Pair.Initial), _invariants) is { } atStart)
            {
                var atPowerOff = new ExplorationResult(1, 0, 0, false, _invariants.Count, new Counterexample(atStart.Invariant, atStart.Evidence, []), [], _clock.Elapsed);
                return new FingerprintRunResult(atPowerOff, new StoreFigures(1, _table.Bytes, KeySize, ParentRecord.Size, 0, 0));
            }

            if (_options.Resume)
            {
                if (_graph is not null)
                {
                    throw new InvalidOperationException("a resumed run cannot write the part of the graph explored before it");
                }

                Restore();
            }
            else
            {
                var initial = _codec.Encode(_explorer._canonical.Canonical(_explorer.Pair.Initial), default);
                Start(initial);
                _graph?.Initial(initial, null);
            }

            Counterexample? violation = null;
            string? full = null;
            var cancelled = false;
            try
            {
                while (true)
                {
                    (violation, cancelled) = Level();
                    if (violation is not null || cancelled || _next!.Records == 0)
                    {
                        break;
                    }

                    NextLevel();
                }
            }
            catch (FingerprintTableFullException e)
            {
                full = e.Message;
            }

            if (cancelled && _checkpoints)
            {
                Checkpoint();
            }

            if (!cancelled && full is null)
            {
                _graph?.End(_bounded, _transitions);
            }

            var elapsed = _clock.Elapsed;
            var witnesses = full is null ? Witnesses() : [];
            var complete = violation is null && !cancelled && full is null && !_bounded;
            var exploration = new ExplorationResult((int)Math.Min(int.MaxValue, _states), _transitions, _depth, complete, _checks, violation, witnesses, elapsed)
            {
                Cancelled = cancelled,
            };
            var figures = new StoreFigures(
                _states,
                _table.Bytes,
                _peakFrontier,
                _parents.Sum(p => p.Bytes),
                (double)_states * Math.Max(0, _transitions - _states) / Math.Pow(2, 64),
                _states < 2 ? 0 : 1.0 / _table.SmallestGap());
            return new FingerprintRunResult(exploration, figures) { TableFull = full, Resumed = _resumed };
        }

        private void Start(StateKey initial)
        {
            var level0 = RecordFile.Create(Path.Combine(_directory, LevelFile(0)), KeySize);
            level0.Append(Bytes(initial));
            level0.Sync();
            _current = FileMark.Of(level0);
            level0.Dispose();
            var fingerprint = Fingerprint.Of(initial);
            _table.Add(fingerprint);
            var parents0 = RecordFile.Create(Path.Combine(_directory, ParentLog.FileName(0)), ParentRecord.Size);
            parents0.Append(Bytes(new ParentRecord(fingerprint, 0, -2)));
            _parents.Add(parents0);
            _levelSizes.Add(1);
            _states = 1;
            _level = 0;
            _offset = 0;
            OpenNext();
        }

        private void OpenNext()
        {
            _next = RecordFile.Create(Path.Combine(_directory, LevelFile(_level + 1)), KeySize);
            _parents.Add(RecordFile.Create(Path.Combine(_directory, ParentLog.FileName(_level + 1)), ParentRecord.Size));
        }

        private void NextLevel()
        {
            _next!.Sync();
            _current = FileMark.Of(_next);
            _levelSizes.Add(_next.Records);
            _next.Dispose();
            var finished = Path.Combine(_directory, LevelFile(_level));
            _level++;
            _offset = 0;
            OpenNext();
            if (_checkpoints)
            {
                Checkpoint();
            }

            // The level just expanded is needed by no checkpoint from here on.
            File.Delete(finished);
        }

        /// <summary>Expands the current level from the checkpointed offset, the next chunk while the last is merged.</summary>
        private (Counterexample? Violation, bool Cancelled) Level()
        {
            using var reader = new FileStream(Path.Combine(_directory, LevelFile(_level)), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
            reader.Position = _offset * KeySize;
            var size = _current!.Records;
            var chunks = new[] { new Chunk(_explorer.Alphabet.Count + 1), new Chunk(_explorer.Alphabet.Count + 1) };
            var pending = Task.Run(() => chunks[0].Fill(reader, size - _offset, _steppers));
            for (var turn = 0; ; turn++)
            {
                var chunk = chunks[turn & 1];
                var count = pending.GetAwaiter().GetResult();
                if (count == 0)
                {
                    return (null, false);
                }

                var remaining = size - _offset - count;
                var other = chunks[(turn + 1) & 1];
                pending = Task.Run(() => other.Fill(reader, remaining, _steppers));
                try
                {
                    if (Merge(chunk, count) is { } violation)
                    {
                        return (violation, false);
                    }

                    _offset += count;
                    _peakFrontier = Math.Max(_peakFrontier, (size + _next!.Records) * (long)KeySize);
                    Report(size);
                    if (_checkpoints && _sinceCheckpoint.Elapsed >= _options.CheckpointEvery)
                    {
                        Checkpoint();
                    }

                    if (_cancellation.IsCancellationRequested)
                    {
                        return (null, true);
                    }
                }
                finally
                {
                    if (!pending.IsCompleted)
                    {
                        pending.Wait(CancellationToken.None);
                    }
                }
            }
        }

        private Counterexample? Merge(Chunk chunk, int count)
        {
            // The table's partitions are probed on as many threads, each in the merge's order, when no bound can cut
            // the chunk short; what is new is then written in that order, as a single thread would.
            var probed = _table.Partitions > 1 && _states + chunk.SuccessorCount(count) <= _options.MaxStates;
            if (probed)
            {
                try
                {
                    Parallel.For(0, _table.Partitions, new ParallelOptions { MaxDegreeOfParallelism = _table.Partitions }, p => chunk.Probe(_table, p, count));
                }
                catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(i => i is FingerprintTableFullException) is { } full)
                {
                    throw full;
                }
            }
            else
            {
                Prefetch(chunk, 0);
            }

            Span<byte> parent = stackalloc byte[ParentRecord.Size];
            for (var k = 0; k < count; k++)
            {
                // The table's slots are fetched one state ahead: a table of gigabytes misses the cache on every probe.
                if (!probed && k + 1 < count)
                {
                    Prefetch(chunk, k + 1);
                }

                var source = (chunk.Fingerprints[k], _level);
                var targets = chunk.TargetFingerprints(k);
                var fresh = chunk.New(k);
                var j = -1;
                foreach (ref readonly var successor in CollectionsMarshal.AsSpan(chunk.Successors[k]))
                {
                    j++;
                    if (successor.CommandOnlyLogged)
                    {
                        _seen.Command(successor.Via, source, successor.Event);
                        continue;
                    }

                    _transitions++;
                    _checks += _invariants.Count;
                    if (successor.Verdict != CompiledStepper.Holds)
                    {
                        var (invariant, evidence) = _steppers[0].Violation(chunk.Keys[k], successor.Event, successor.Verdict);
                        _graph?.Transition(chunk.Keys[k], successor.Target, successor.Event, successor.Via, successor.Rows, isNew: !_table.Contains(targets[j]), kept: true, invariant.Name);
                        var chain = ParentLog.Chains(_directory, [source], [.. _parents.Select(Sync)])[source];
                        var path = Paths().PathThrough(chain, successor.Via < 0 ? null : successor.Event, successor.Target);
                        return new Counterexample(invariant, evidence, path);
                    }

                    _seen.Transition(source, successor);
                    var fingerprint = targets[j];
                    bool added;
                    if (probed)
                    {
                        added = fresh[j];
                    }
                    else if (_states >= _options.MaxStates)
                    {
                        var known = _table.Contains(fingerprint);
                        _bounded |= !known;
                        _graph?.Transition(chunk.Keys[k], successor.Target, successor.Event, successor.Via, successor.Rows, isNew: false, kept: known, null);
                        continue;
                    }
                    else
                    {
                        added = _table.Add(fingerprint);
                    }

                    _graph?.Transition(chunk.Keys[k], successor.Target, successor.Event, successor.Via, successor.Rows, isNew: added, kept: true, null);
                    if (!added)
                    {
                        continue;
                    }

                    _next!.Append(Bytes(successor.Target));
                    MemoryMarshal.Write(parent, new ParentRecord(fingerprint, chunk.Fingerprints[k], successor.Via));
                    _parents[^1].Append(parent);
                    _states++;
                    _depth = _level + 1;
                }
            }

            return null;
        }

        private void Prefetch(Chunk chunk, int k)
        {
            foreach (var fingerprint in chunk.TargetFingerprints(k)[..chunk.Successors[k].Count])
            {
                _table.Prefetch(fingerprint);
            }
        }

        private static long Sync(RecordFile file)
        {
            file.Sync();
            return file.Records;
        }

        private FingerprintPaths Paths() => new(_explorer.Pair, _explorer.Alphabet, _codec, _explorer._canonical.Canonical);

        private ImmutableArray<Witness> Witnesses()
        {
            var wanted = _seen.Witnesses.Values.Select(w => w.Source).ToList();
            var chains = ParentLog.Chains(_directory, wanted, [.. _parents.Select(Sync)]);
            var paths = Paths();
            return [.. _seen.Witnesses.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w =>
            {
                var (source, @event, target) = w.Value;
                var chain = chains[source];
                var path = target is { } key
                    ? paths.PathThrough(chain, IsInternal(@event) ? null : @event, key)
                    : [.. paths.Replay(chain).Events, @event];
                return new Witness(w.Key, path);
            })];
        }

        private bool IsInternal(Event @event) => !_explorer.Alphabet.Contains(@event);

        private void Report(long levelSize)
        {
            if (_progress is null)
            {
                return;
            }

            long? ahead = null;
            if (_levelSizes.Count >= 3)
            {
                // The levels shrink geometrically once past the widest: what is ahead is about r/(1-r) of the last level.
                var last = _levelSizes[^1];
                var ratio = (double)last / _levelSizes[^2];
                if (ratio < 0.95)
                {
                    ahead = (long)(Math.Max(last, _next!.Records) * ratio / (1 - ratio)) + (levelSize - _offset);
                }
            }

            var disk = _parents.Sum(p => p.Bytes) + ((levelSize + _next!.Records) * KeySize);
            _progress(new FingerprintProgress(_level, _states, levelSize - _offset + _next.Records, _transitions, _table.Bytes, disk, ahead));
        }

        private void Checkpoint()
        {
            _next!.Sync();
            foreach (var p in _parents)
            {
                p.Sync();
            }

            var checkpoint = new ExplorationCheckpoint(
                ExplorationCheckpoint.FormatName,
                ModelVersion,
                _explorer.Signature(),
                _options.MaxStates,
                _level,
                _offset,
                _states,
                _transitions,
                _checks,
                _depth,
                _bounded,
                _current!,
                FileMark.Of(_next),
                [.. _parents.Select(FileMark.Of)],
                [.. _seen.Witnesses.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new CheckpointWitness(
                    w.Key,
                    Fingerprint.Text(w.Value.Source.Fingerprint),
                    w.Value.Source.Level,
                    IsInternal(w.Value.Event) ? -1 : IndexOf(w.Value.Event),
                    w.Value.Target is { } t ? [t.Head, t.PrimaryFailed, t.SecondaryFailed, t.PrimaryHeard, t.SecondaryHeard, t.Configuration] : null))]);
            checkpoint.Write(_directory);
            _sinceCheckpoint.Restart();
        }

        private int IndexOf(Event @event)
        {
            for (var i = 0; i < _explorer.Alphabet.Count; i++)
            {
                if (_explorer.Alphabet[i].Equals(@event))
                {
                    return i;
                }
            }

            return -1;
        }

        private void Restore()
        {
            var checkpoint = ExplorationCheckpoint.Read(_directory);
            if (checkpoint.Model != ModelVersion)
            {
                throw new CheckpointException($"{_directory}: the checkpoint was written by another version of the model ({checkpoint.Model}, this is {ModelVersion})");
            }

            if (checkpoint.Signature != _explorer.Signature())
            {
                throw new CheckpointException($"{_directory}: the checkpoint was written for another configuration or alphabet");
            }

            if (checkpoint.MaxStates != _options.MaxStates)
            {
                throw new CheckpointException($"{_directory}: the checkpoint was written with another bound (--max-states {Bound(checkpoint.MaxStates)}, now {Bound(_options.MaxStates)})");
            }

            _level = checkpoint.Level;
            _offset = checkpoint.Offset;
            _states = checkpoint.States;
            _transitions = checkpoint.Transitions;
            _checks = checkpoint.Checks;
            _depth = checkpoint.Depth;
            _bounded = checkpoint.Bounded;
            _current = checkpoint.CurrentLevel;
            if (checkpoint.CurrentLevel.Name != LevelFile(_level) || checkpoint.NextLevel.Name != LevelFile(_level + 1))
            {
                throw new CheckpointException($"{_directory}: the checkpoint names the wrong level files");
            }

            RecordFile.Resume(Path.Combine(_directory, _current.Name), KeySize, _current.Records, _current.HashValue).Dispose();
            _next = RecordFile.Resume(Path.Combine(_directory, checkpoint.NextLevel.Name), KeySize, checkpoint.NextLevel.Records, checkpoint.NextLevel.HashValue);
            long stored = 0;
            for (var level = 0; level < checkpoint.Parents.Length; level++)
            {
                var mark = checkpoint.Parents[level];
                if (mark.Name != ParentLog.FileName(level))
                {
                    throw new CheckpointException($"{_directory}: the checkpoint names the wrong parent log files");
                }

                _parents.Add(RecordFile.Resume(Path.Combine(_directory, mark.Name), ParentRecord.Size, mark.Records, mark.HashValue, record =>
                {
                    _table.Add(MemoryMarshal.Read<ParentRecord>(record).Fingerprint);
                    stored++;
                }));
                if (level <= _level)
                {
                    _levelSizes.Add(mark.Records);
                }
            }

            if (stored != _states || _table.Count != _states)
            {
                throw new CheckpointException($"{_directory}: the parent log holds {stored:N0} states, the checkpoint counts {_states:N0}");
            }

            foreach (var w in checkpoint.Witnesses)
            {
                if (w.Via < -1 || w.Via >= _explorer.Alphabet.Count || (w.Target is { } t && t.Length != 6))
                {
                    throw new CheckpointException($"{_directory}: the checkpoint's witness '{w.Name}' is malformed");
                }

                var source = (ulong.Parse(w.Source, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture), w.Level);
                var @event = w.Via >= 0 ? _explorer.Alphabet[w.Via] : Internal(source);
                StateKey? target = w.Target is { } k ? new StateKey(k[0], k[1], k[2], k[3], k[4], (uint)k[5]) : null;
                _seen.Restore(w.Name, source, @event, target);
            }

            _resumed = true;
        }

        /// <summary>The internal step of a stored state, found again by replaying the path to it.</summary>
        private Event Internal((ulong Fingerprint, int Level) source)
        {
            var chain = ParentLog.Chains(_directory, [source], [.. _parents.Select(p => p.Records)])[source];
            var end = Paths().Replay(chain).End;
            return _explorer.Pair.NextInternal(end) ?? throw new CheckpointException($"{_directory}: a witness's internal step is gone on replay");
        }

        private static string Bound(long maxStates) => maxStates == long.MaxValue ? "none" : maxStates.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        private static ReadOnlySpan<byte> Bytes<T>(in T value)
            where T : struct => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));
    }

    /// <summary>One chunk of a level: its keys, their fingerprints, the successors each worker made and their targets' fingerprints.</summary>
    private sealed class Chunk(int successorsPerState)
    {
        public readonly StateKey[] Keys = new StateKey[ChunkSize];
        public readonly ulong[] Fingerprints = new ulong[ChunkSize];
        public readonly List<PackedSuccessor>[] Successors = [.. Enumerable.Range(0, ChunkSize).Select(_ => new List<PackedSuccessor>(successorsPerState))];
        private readonly ulong[] _targets = new ulong[ChunkSize * successorsPerState];
        private readonly bool[] _new = new bool[ChunkSize * successorsPerState];
        private readonly byte[] _bytes = new byte[ChunkSize * KeySize];

        /// <summary>The fingerprints of state <paramref name="k"/>'s successors' targets, in the order of <see cref="Successors"/>.</summary>
        public Span<ulong> TargetFingerprints(int k) => _targets.AsSpan(k * successorsPerState, successorsPerState);

        /// <summary>Which of state <paramref name="k"/>'s successors <see cref="Probe"/> found new.</summary>
        public Span<bool> New(int k) => _new.AsSpan(k * successorsPerState, successorsPerState);

        public long SuccessorCount(int count)
        {
            long n = 0;
            for (var k = 0; k < count; k++)
            {
                n += Successors[k].Count;
            }

            return n;
        }

        /// <summary>Adds to partition <paramref name="partition"/> the targets it owns, in the chunk's order, noting which were new.</summary>
        public void Probe(FingerprintSet set, int partition, int count)
        {
            var table = set[partition];
            for (var k = 0; k < count; k++)
            {
                var n = Successors[k].Count;
                var targets = TargetFingerprints(k)[..n];
                if (k + 1 < count)
                {
                    foreach (var f in TargetFingerprints(k + 1)[..Successors[k + 1].Count])
                    {
                        if (set.PartitionOf(f) == partition)
                        {
                            table.Prefetch(f);
                        }
                    }
                }

                var fresh = New(k);
                var successors = CollectionsMarshal.AsSpan(Successors[k]);
                for (var j = 0; j < n; j++)
                {
                    if (set.PartitionOf(targets[j]) == partition)
                    {
                        fresh[j] = !successors[j].CommandOnlyLogged && successors[j].Verdict == CompiledStepper.Holds && table.Add(targets[j]);
                    }
                }
            }
        }

        /// <summary>Reads the level's next keys (at most <paramref name="left"/>) and expands them on every worker; returns how many.</summary>
        public int Fill(FileStream reader, long left, CompiledStepper[] steppers)
        {
            var count = (int)Math.Min(ChunkSize, left);
            if (count <= 0)
            {
                return 0;
            }

            reader.ReadExactly(_bytes, 0, count * KeySize);
            MemoryMarshal.Cast<byte, StateKey>(_bytes.AsSpan(0, count * KeySize)).CopyTo(Keys);
            var share = (count + steppers.Length - 1) / steppers.Length;
            Parallel.For(0, steppers.Length, new ParallelOptions { MaxDegreeOfParallelism = steppers.Length }, w =>
            {
                for (var k = w * share; k < Math.Min(count, (w + 1) * share); k++)
                {
                    Fingerprints[k] = Fingerprint.Of(Keys[k]);
                    steppers[w].Expand(Keys[k], Successors[k]);
                    var targets = TargetFingerprints(k);
                    var j = 0;
                    foreach (ref readonly var successor in CollectionsMarshal.AsSpan(Successors[k]))
                    {
                        targets[j++] = successor.CommandOnlyLogged ? 0 : Fingerprint.Of(successor.Target);
                    }
                }
            });
            return count;
        }
    }
}
