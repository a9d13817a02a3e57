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

        yield return new("oracle vectors (no interface events)", "steps per second", coverage.Steps / generate, "steps/s", "failover-model oracle vectors --events power-on,power-off,...");
        yield return new("oracle check of those vectors", "events per second, every field compared", verdict.Steps / check, "events/s", "failover-model oracle check vectors.jsonl");
        yield return new("oracle check of those vectors", "bytes per second", buffer.Length / check, "B/s", "failover-model oracle check vectors.jsonl");
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
