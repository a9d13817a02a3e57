using System.Diagnostics;
using System.Text;
using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>The oracle's and the parser's workloads: trace checking and vector generation, running-config parsing.</summary>
public static class OracleAndParsingWorkloads
{
    /// <summary>
    /// Test vectors of the configuration without interface events (a graph of about a thousand states), generated, then
    /// checked by <c>oracle check</c>'s checker from memory: every field of every line compared.
    /// </summary>
    public static IEnumerable<BenchFigure> OracleCheck(PairConfig config)
    {
        var pair = new FailoverPair(config);
        var alphabet = EventAlphabet.For(config).Where(e => e is not InterfaceChange).ToList();
        var clock = Stopwatch.StartNew();
        var graph = SettledGraph.Explore(pair, alphabet, selfLoops: true);
        using var buffer = new MemoryStream();
        var coverage = VectorGenerator.Generate(graph, new JsonLinesVectorSink(buffer, config));
        var generate = clock.Elapsed.TotalSeconds;
        var text = Encoding.UTF8.GetString(buffer.ToArray());

        clock.Restart();
        var verdict = new TraceChecker(config).Check(new StringReader(text), "vectors");
        var check = clock.Elapsed.TotalSeconds;
        if (verdict.Divergence is not null)
        {
            throw new InvalidOperationException("the model's own vectors diverge from the model");
        }

        // The floor: the same lines read by a bare Utf8JsonReader pass (every token, nothing kept), as the checker reads
        // them (line by line from the same text), so the ratio is what judging costs over reading the JSON at all.
        clock.Restart();
        var tokens = JsonFloor(text);
        var floor = clock.Elapsed.TotalSeconds;

        yield return new("oracle vectors (no interface events)", "steps per second", coverage.Steps / generate, "steps/s", "failover-model oracle vectors --events power-on,power-off,...");
        yield return new("oracle check of those vectors", "events per second, every field compared", verdict.Steps / check, "events/s", "failover-model oracle check vectors.jsonl");
        yield return new("oracle check of those vectors", "bytes per second", buffer.Length / check, "B/s", "failover-model oracle check vectors.jsonl");
        yield return new("bare Utf8JsonReader pass over those vectors (the floor)", $"bytes per second ({tokens:N0} tokens)", buffer.Length / floor, "B/s", "failover-model bench");
        yield return new("oracle check over the floor", "times the bare Utf8JsonReader pass (target: at most 3)", check / floor, "x", "failover-model bench");
    }

    /// <summary>Reads every line of <paramref name="text"/> with a <see cref="System.Text.Json.Utf8JsonReader"/>, token by token; returns the tokens read.</summary>
    private static long JsonFloor(string text)
    {
        long tokens = 0;
        var bytes = new byte[4_096];
        using var lines = new StringReader(text);
        while (lines.ReadLine() is { } line)
        {
            if (bytes.Length < Encoding.UTF8.GetMaxByteCount(line.Length))
            {
                bytes = new byte[Encoding.UTF8.GetMaxByteCount(line.Length)];
            }

            var reader = new System.Text.Json.Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(line, bytes)));
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
