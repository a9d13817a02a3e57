using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Pair;

public class SettledGraphTests
{
    private static readonly FailoverPair Pair = new(BuiltInConfigurations.SeedLanExample);

    private static readonly SettledGraph Graph = SettledGraph.Explore(Pair, EventAlphabet.For(Pair.Config).Where(e => e is not InterfaceChange).ToList());

    /// <summary>Pins the settled graph without interface events: a change to any rule shows here in review.</summary>
    [Fact]
    public void TheSettledGraphWithoutInterfaceEventsHasItsPinnedSize()
    {
        Assert.True(Graph.Complete);
        Assert.Equal(980, Graph.StateCount);
        Assert.Equal(11024, Graph.EdgeCount);
    }

    [Fact]
    public void EveryStateOfTheSettledGraphIsSettled() =>
        Assert.All(Graph.States, s => Assert.Null(Pair.NextInternal(s)));

    [Fact]
    public void TheShortestPathToEveryStateReplaysToThatState()
    {
        for (var s = 0; s < Graph.StateCount; s += 37)
        {
            Assert.Equal(Graph.States[s], Explorer.WithoutReasons(Pair.Run(Graph.PathTo(s))));
        }
    }

    [Fact]
    public void EveryEdgeIsTheEventItIsLabelledWith()
    {
        for (var edge = 0; edge < Graph.EdgeCount; edge += 101)
        {
            var (source, e, target) = Graph.Edge(edge);
            Assert.Equal(Graph.States[target], Explorer.WithoutReasons(Pair.Step(Graph.States[source], Graph.Alphabet[e]).State));
        }
    }
}
