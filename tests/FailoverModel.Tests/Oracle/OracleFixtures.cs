using System.Text;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>Configurations and vectors small enough to make in a test.</summary>
internal static class OracleFixtures
{
    /// <summary>One failover group with preempt, one context with one monitored interface, a Stateful link.</summary>
    public static PairConfig OneGroup { get; } = new(
        "one group, one interface",
        [FailoverGroupConfig.PreferringUnit(UnitRole.Primary) with { Preempt = true }],
        [
            new ContextConfig("admin", FailoverGroupId.One, []),
            new ContextConfig("ctx", FailoverGroupId.One, [new InterfaceConfig("ctx", "inside", "inside_ctx", "192.168.1.1", "255.255.255.0", "192.168.1.2", true)]),
        ],
        "admin",
        new LinkConfig("LANFailover", "Ethernet3", "10.1.0.1", "255.255.255.0", "10.1.0.2"),
        new LinkConfig("stateful", "Ethernet2", "10.0.0.1", "255.255.255.0", "10.0.0.2"));

    /// <summary>The vectors <c>oracle vectors</c> writes: every event at every settled state, self-loops included.</summary>
    public static (string Text, VectorCoverage Coverage) Vectors(PairConfig config, IReadOnlyList<Event>? alphabet = null, VectorOptions? options = null)
    {
        var graph = SettledGraph.Explore(new FailoverPair(config), alphabet, selfLoops: true);
        using var buffer = new MemoryStream();
        var coverage = VectorGenerator.Generate(graph, new JsonLinesVectorSink(buffer, config), options: options);
        return (Encoding.UTF8.GetString(buffer.ToArray()), coverage);
    }

    public static TraceVerdict Check(PairConfig config, string trace, string file = "trace.jsonl") =>
        new TraceChecker(config).Check(new StringReader(trace), file);
}
