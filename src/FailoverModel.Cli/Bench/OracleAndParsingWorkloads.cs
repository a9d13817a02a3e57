using System.Diagnostics;
using System.Text;
using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Input;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>The oracle's and the parser's workloads: trace checking and vector generation, running-config parsing.</summary>
public static class OracleAndParsingWorkloads
{
    /// <summary>
    /// Test vectors of the settled graph without interface events (at most <paramref name="maxStates"/> states),
    /// generated into memory, then read twice from the same bytes: by <c>oracle check</c>'s checker through the input
    /// layer, as a file is read (every field of every line compared with the model's step), and by a bare
    /// <see cref="System.Text.Json.Utf8JsonReader"/> pass over each line, every token and nothing kept: the floor.
    /// </summary>
    public static IEnumerable<BenchFigure> OracleCheck(PairConfig config, int maxStates)
    {
        var pair = new FailoverPair(config);
        var alphabet = EventAlphabet.For(config).Where(e => e is not InterfaceChange).ToList();
        var clock = Stopwatch.StartNew();
        var graph = SettledGraph.Explore(pair, alphabet, maxStates, selfLoops: true);
        using var buffer = new MemoryStream();
        var coverage = VectorGenerator.Generate(graph, new JsonLinesVectorSink(buffer, config));
        var generate = clock.Elapsed.TotalSeconds;
        var bytes = buffer.ToArray();
        var file = $"vectors of {graph.StateCount:N0} settled states{(graph.Complete ? "" : " (bounded)")}, {bytes.Length / 1_048_576.0:N1} MiB";

        // Each pass runs three times and the fastest counts: the first also pays for compiling the code it runs (tiered
        // JIT, which a busy machine delays), whichever pass ran first would otherwise carry that for the others, and a
        // machine shared with others slows a run now and then.
        var (check, verdict) = Best(() =>
        {
            using var lines = new LineReader(new MemoryStream(bytes, writable: false), "vectors", InputLimits.Default.MaxLineBytes);
            return new TraceChecker(config).Check(lines);
        });
        if (verdict.Divergence is not null)
        {
            throw new InvalidOperationException("the model's own vectors diverge from the model");
        }

        var (floor, tokens) = Best(() => JsonFloor(bytes));

        // Where the time of a check goes: the same lines only read into observations, and only their events stepped
        // on the model (each case from power-off), nothing judged.
        var (read, events) = Best(() => ReadOnly(config, bytes));
        var (model, _) = Best(() => StepOnly(config, events));

        yield return new($"oracle vectors, {file}", "steps per second", coverage.Steps / generate, "steps/s", "failover-model oracle vectors --events power-on,power-off,...");
        yield return new($"oracle check of those vectors ({verdict.Steps:N0} steps)", "events per second, every field compared", verdict.Steps / check, "events/s", "failover-model oracle check vectors.jsonl");
        yield return new($"oracle check of those vectors ({verdict.Steps:N0} steps)", "bytes per second", bytes.Length / check, "B/s", "failover-model oracle check vectors.jsonl");
        yield return new($"floor: bare Utf8JsonReader pass over those vectors ({tokens:N0} tokens)", "bytes per second", bytes.Length / floor, "B/s", "failover-model bench");
        yield return new("ratio: oracle check vs the bare Utf8JsonReader pass (target: at most 3)", "time ratio", check / floor, "x", "failover-model bench");
        yield return new("ratio: reading those lines into observations, nothing stepped, vs the bare pass", "time ratio", read / floor, "x", "failover-model bench");
        yield return new("ratio: stepping their events on the model, nothing read or judged, vs the bare pass", "time ratio", model / floor, "x", "failover-model bench");
    }

    /// <summary>The fastest of three runs of <paramref name="pass"/>, in seconds, and what it returned.</summary>
    private static (double Seconds, T Result) Best<T>(Func<T> pass)
    {
        var best = double.MaxValue;
        T result = default!;
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            result = pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (best, result);
    }

    /// <summary>Reads every line as <c>oracle check</c> does, into its event and observation, and keeps only each line's event, settle and case.</summary>
    private static List<(string Event, bool Settle, string? Case)> ReadOnly(PairConfig config, byte[] bytes)
    {
        var reader = new TraceLineReader(config);
        var events = new List<(string, bool, string?)>();
        using var lines = new LineReader(new MemoryStream(bytes, writable: false), "vectors", InputLimits.Default.MaxLineBytes);
        while (lines.ReadLine() is { } text)
        {
            if (text.Length > 0 && reader.Read(text, "vectors", lines.LineNumber) is { } line)
            {
                events.Add((line.Event, line.Settle, line.Case));
            }
        }

        return events;
    }

    /// <summary>Steps the events on the model as <c>oracle check</c> steps them, each case from power-off, and judges nothing.</summary>
    private static long StepOnly(PairConfig config, List<(string Event, bool Settle, string? Case)> events)
    {
        var session = new OracleSession(config);
        string? current = null;
        foreach (var (text, settle, @case) in events)
        {
            if (@case != current)
            {
                current = @case;
                session.Reset();
            }

            session.Apply(session.Events.Read(text, "vectors", 0), settle);
        }

        return session.Steps;
    }

    /// <summary>Reads every line of <paramref name="bytes"/> with a <see cref="System.Text.Json.Utf8JsonReader"/>, token by token; returns the tokens read.</summary>
    private static long JsonFloor(ReadOnlySpan<byte> bytes)
    {
        long tokens = 0;
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            var reader = new System.Text.Json.Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>The seed's LAN-based system configuration and its contexts, parsed again and again.</summary>
    public static IEnumerable<BenchFigure> ConfigParsing(int rounds)
    {
        var files = BuiltInConfigurations.SeedLanExampleParsed.Files.Count;
        long read = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            read += BuiltInConfigurations.Reparse().Lines;
        }

        yield return new($"running-config parsing ({files} files of the seed's LAN example)", "lines per second", read / clock.Elapsed.TotalSeconds, "lines/s", "failover-model bench");
    }
}
