using System.Text.Json;
using FailoverModel.Asa;
using FailoverModel.Exploration;
using FailoverModel.Oracle;
using FailoverModel.Oracle.Tours;
using FailoverModel.Oracle.Vectors;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests.Oracle;

/// <summary>The tour (self-loops, configuration, connections, shards) and the suites by feature.</summary>
public class VectorTourTests
{
    private static readonly PairConfig Config = OracleFixtures.OneGroup;

    private static readonly Lazy<(string Text, VectorCoverage Coverage)> AllEvents = new(() => OracleFixtures.Vectors(Config));

    [Fact]
    public void EveryEventAtEverySettledStateIsAStepOfTheVectors()
    {
        var (_, coverage) = AllEvents.Value;

        Assert.Equal(coverage.States * (long)EventAlphabet.For(Config).Count, coverage.Transitions);
        Assert.Equal(coverage.Transitions, coverage.Covered);
        Assert.InRange(coverage.SelfLoops, 1, coverage.Transitions - 1);
    }

    /// <summary>
    /// A group failed by its interface and reset while its mate answers goes to Standby Ready and fails again at once:
    /// the state is as before, and only the syslog (104004, then 104003) shows the step.
    /// </summary>
    [Fact]
    public void AFailoverResetThatLeavesTheStateAsItWasIsInTheVectorsWithItsSyslog()
    {
        var lines = Lines(AllEvents.Value.Text);

        var resets = lines.Zip(lines.Skip(1))
            .Where(p => p.Second.Event.EndsWith(": failover reset", StringComparison.Ordinal) && p.First.Case == p.Second.Case && p.First.State == p.Second.State)
            .Select(p => p.Second.Syslog)
            .ToList();

        Assert.Contains(resets, ids => ids.IndexOf(104004) >= 0 && ids.LastIndexOf(104003) > ids.IndexOf(104004));
    }

    [Fact]
    public void WriteStandbyIsInTheVectorsWithItsReplicationMessages()
    {
        var standby = Lines(AllEvents.Value.Text).Where(l => l.Event.EndsWith(": write standby", StringComparison.Ordinal)).ToList();

        Assert.Contains(standby, l => l.Syslog.SequenceEqual([709003, 709005, 709004, 709006]));
        Assert.Contains(standby, l => l.Syslog.Count == 0);
    }

    [Fact]
    public void EachSuiteCoversEveryTransitionOfItsOwnEventsAtEveryState()
    {
        var suites = VectorSuites.For(Config);
        var pair = new FailoverPair(Config);

        Assert.Equal(["boot-and-forced-failover", "unit-faults", "links", "interfaces-and-policies", "commands", "configuration-system", "configuration-admin", "configuration-ctx", "connections", "preempt-configuration"], suites.Select(s => s.Name));
        foreach (var suite in suites)
        {
            var graph = SettledGraph.Explore(pair, suite.Alphabet, selfLoops: true);
            var coverage = VectorGenerator.Generate(graph, new CountingSink());
            Assert.True(graph.Complete, suite.Name);
            Assert.Equal(graph.StateCount * (long)suite.Alphabet.Count, coverage.Transitions);
            Assert.True(coverage.Covered == coverage.Transitions, $"{suite.Name}: {coverage.Covered} of {coverage.Transitions}");
            Assert.True(coverage.Steps >= coverage.LowerBound, suite.Name);
        }
    }

    /// <summary>On every space, a change typed, then saved, with both units holding it running and saved.</summary>
    [Fact]
    public void TheConfigurationSuitesMakeAChangeAndSaveItOnEverySpace()
    {
        foreach (var suite in VectorSuites.For(Config).Where(s => s.Name.StartsWith("configuration-", StringComparison.Ordinal)))
        {
            var space = suite.Name["configuration-".Length..];
            var (text, _) = OracleFixtures.Vectors(Config, suite.Alphabet);

            var saved = Lines(text).Where(l => l.Event.EndsWith(": write memory", StringComparison.Ordinal)
                && UnitRoles.Both.All(u => l.Json.GetProperty("units").GetProperty(u.Token()).GetProperty("configuration").GetProperty(space).GetRawText() == "[1,1]"));
            Assert.True(saved.Any(), $"{suite.Name}: no write memory leaves both units with the change saved");
        }
    }

    /// <summary>
    /// Each suite's events read back as the checker reads them, so that configuration changes numbered by the generator
    /// are numbered the same by <c>oracle check</c>: the suite's vectors conform.
    /// </summary>
    [Fact]
    public void TheConfigurationAndConnectionSuitesCheckBack()
    {
        foreach (var suite in VectorSuites.For(Config).Where(s => s.Name is "configuration-ctx" or "connections" or "preempt-configuration"))
        {
            var (text, coverage) = OracleFixtures.Vectors(Config, suite.Alphabet);

            var verdict = OracleFixtures.Check(Config, text);
            Assert.True(verdict.Divergence is null, $"{suite.Name}: {verdict.Divergence}");
            Assert.Equal(coverage.Steps, verdict.Steps);
        }
    }

    [Fact]
    public void TheShardsTogetherAreTheWholeAndEachHasItsShareOfTheCases()
    {
        var alphabet = EventAlphabet.For(Config).Where(e => e is PowerOn or PowerOff or Crash or InterfaceChange or CommandEvent { Command: FailoverReset }).ToList();
        var (whole, all) = OracleFixtures.Vectors(Config, alphabet, new VectorOptions(MaxCaseSteps: 20));

        var shards = Enumerable.Range(1, 4).Select(i => OracleFixtures.Vectors(Config, alphabet, new VectorOptions(20, i, 4))).ToList();

        Assert.True(all.Cases >= 20, $"{all.Cases} cases");
        Assert.Equal(Lines(whole).Select(l => l.Raw), shards.SelectMany(s => Lines(s.Text)).OrderBy(l => l.Case).ThenBy(l => l.Step).Select(l => l.Raw));
        Assert.Equal((all.Cases + 2) / 4, shards[1].Coverage.Cases);
        Assert.All(Lines(shards[1].Text), l => Assert.Equal(1, (l.Case - 1) % 4));
        Assert.All(Lines(shards[1].Text).GroupBy(l => l.Case), c => Assert.Equal(1, c.First().Step));
        Assert.Equal(all.Steps, shards.Sum(s => s.Coverage.Steps));
    }

    /// <summary>
    /// <c>--plan-only</c> costs the tour as the written vectors cost it (the same cases and steps, cuts included), and the
    /// balancing flow holds one arc per distinct pair of states a transition joins, none for a self-loop.
    /// </summary>
    [Fact]
    public void ThePlanCostsWhatTheWrittenTourCostsWithOneFlowArcPerPairOfStates()
    {
        var graph = SettledGraph.Explore(new FailoverPair(Config), selfLoops: true);
        var options = new VectorOptions(20);

        var (planned, plan) = VectorGenerator.Plan(graph, options);
        var written = VectorGenerator.Generate(graph, new CountingSink(), options: options);

        Assert.Equal((written.TourCases, written.TourSteps, written.LowerBound), (planned.Cases, planned.Steps, planned.LowerBound));
        Assert.Equal(written.Transitions, planned.Covered);
        var pairs = Enumerable.Range(0, graph.StateCount).Sum(s => graph.OutEdges(s).Where(e => e.Target != s).Select(e => e.Target).Distinct().Count());
        Assert.Equal(pairs, plan.FlowArcs);
        Assert.True(pairs < graph.EdgeCount - graph.SelfLoopCount, $"{pairs} arcs for {graph.EdgeCount - graph.SelfLoopCount} transitions between states");
        Assert.Equal(TourPlanner.Reset, plan.Walk[0]);
    }

    /// <summary>
    /// A graph too large for the flow is balanced from the nearest sources: the walk still takes every transition,
    /// self-loops once, its vectors check back, it costs no less than the optimal flow, whose cost is no less than the
    /// bound the plan prints, and it repeats no more than sending every arrival owed from power-off would.
    /// </summary>
    [Fact]
    public void ABalancingFromTheNearestSourcesTakesEveryTransitionAndIsBoundedByTheOptimumAndByPowerOff()
    {
        var graph = SettledGraph.Explore(new FailoverPair(Config), selfLoops: true);

        var optimal = TourPlanner.Plan(graph);
        var phases = new List<(string Phase, long Done, long Total)>();
        var hub = TourPlanner.Plan(graph, maxFlowArcs: 0, planning: (phase, _, done, total) => phases.Add((phase, done, total)));

        Assert.True(optimal.Optimal);
        Assert.False(hub.Optimal);
        Assert.Equal(optimal.FlowArcs, hub.FlowArcs);
        Assert.Equal(graph.EdgeCount, hub.Walk.Where(e => e >= 0).Distinct().Count());
        var loops = Enumerable.Range(0, graph.EdgeCount).Where(e => graph.Edge(e).Source == graph.EdgeTarget(e)).ToHashSet();
        Assert.All(hub.Walk.Where(loops.Contains).GroupBy(e => e), g => Assert.Single(g));
        Assert.InRange(optimal.Steps, hub.LowerBound, hub.Steps);
        Assert.True(hub.LowerBound > graph.EdgeCount, $"a bound of {hub.LowerBound} for {graph.EdgeCount} transitions");
        Assert.True(hub.Repeated <= FromPowerOff(graph), $"{hub.Repeated} repeated, more than every arrival sent from power-off");
        Assert.Equal(["balancing the tour", "bounding the tour"], phases.Select(p => p.Phase).Distinct());
        Assert.All(phases.GroupBy(p => p.Phase), g => Assert.Equal(g.Last().Total, g.Last().Done));

        using var buffer = new MemoryStream();
        var coverage = VectorGenerator.Generate(graph, hub, new JsonLinesVectorSink(buffer, Config), new VectorOptions(50));
        var verdict = new TraceChecker(Config).Check(new StringReader(System.Text.Encoding.UTF8.GetString(buffer.ToArray())), "hub");
        Assert.Null(verdict.Divergence);
        Assert.Equal(coverage.Transitions, coverage.Covered);
        Assert.Equal(hub.LowerBound, coverage.LowerBound);
    }

    /// <summary>
    /// The bound printed for a graph too large for the flow comes from potentials (weak duality): on the preempt
    /// configuration suite, where the nearest-source bound (the first round) is far below the optimum, the ascent raises it
    /// and stays at or below the optimal flow's repetitions.
    /// </summary>
    [Fact]
    public void TheRepetitionBoundRisesAboveTheNearestSourceBoundAndStaysBelowTheOptimum()
    {
        var config = BuiltInConfigurations.SeedLanExample;
        var suite = VectorSuites.For(config).Single(s => s.Name == "preempt-configuration");
        var graph = SettledGraph.Explore(new FailoverPair(config), suite.Alphabet, selfLoops: true);
        var first = Enumerable.Range(0, graph.StateCount + 1).Select(s => s < graph.StateCount ? graph.FirstEdge(s) : graph.EdgeCount).ToArray();
        var surplus = new int[graph.StateCount];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            surplus[graph.EdgeTarget(e)]++;
            surplus[graph.Edge(e).Source]--;
        }

        var nearest = RepetitionBound.Of(graph, first, surplus, rounds: 1);
        var ascended = RepetitionBound.Of(graph, first, surplus);
        var optimal = TourPlanner.Plan(graph);

        Assert.True(optimal.Optimal);
        Assert.InRange(nearest, 1, ascended - 1);
        Assert.InRange(ascended, nearest + 1, optimal.Repeated);
    }

    /// <summary>The planner balances with a minimum-cost flow: its walk is the lower bound, and cutting adds only the ways back to the cuts.</summary>
    [Fact]
    public void TheTourIsTheOptimalBalancingPlusTheWaysBackToItsCuts()
    {
        var graph = SettledGraph.Explore(new FailoverPair(Config), selfLoops: true);

        var plan = TourPlanner.Plan(graph);
        var uncut = VectorGenerator.Generate(graph, new CountingSink(), options: new VectorOptions(int.MaxValue));

        Assert.Equal(graph.EdgeCount + plan.Repeated, plan.LowerBound);
        Assert.Equal(plan.Steps, plan.LowerBound);
        Assert.Equal(plan.LowerBound, uncut.Steps);
        Assert.Equal(plan.Walk.Where(e => e >= 0).Distinct().Count(), graph.EdgeCount);
        Assert.True(uncut.StepsPerTransition < 1.7, $"{uncut.StepsPerTransition:0.00} steps per transition");
    }

    /// <summary>
    /// An implementation whose <c>write memory</c> saves on the unit it is typed on but is not
    /// replicated to the mate is caught by the configuration vectors at that <c>write memory</c> step, on the mate's
    /// startup configuration, and the reproducer (the shortest way there, or else the case's own events) reproduces it.
    /// </summary>
    [Fact]
    public void AWriteMemoryThatIsNotReplicatedIsCaughtAtTheWriteMemoryStep()
    {
        var suite = VectorSuites.For(Config).Single(s => s.Name == "configuration-system");
        var (vectors, _) = OracleFixtures.Vectors(Config, suite.Alphabet);
        var trace = BrokenImplementation(vectors, NotReplicatingWriteMemory);

        var checker = new TraceChecker(Config);
        var d = checker.Check(new StringReader(trace), "broken.jsonl").Divergence;

        Assert.NotNull(d);
        Assert.EndsWith(": write memory", d.Event, StringComparison.Ordinal);
        Assert.Matches(@"^units\.(primary|secondary)\.configuration\.system", d.Fields[0].Field);
        var search = new ReproducerSearch(Config);
        var reproducer = search.Find(d);
        Assert.NotNull(reproducer);
        Assert.True(search.Reproduces(reproducer.Steps, d), string.Join(" / ", reproducer.Steps.Select(e => e.Text)));
    }

    /// <summary>The model, except that a <c>write memory</c> leaves the mate as it was: nothing saved there.</summary>
    /// <summary>What balancing through power-off alone repeats: each arrival a state owes (its transitions out less those in), reached along a shortest path from power-off.</summary>
    private static long FromPowerOff(SettledGraph graph)
    {
        var distance = new int[graph.StateCount];
        Array.Fill(distance, -1);
        distance[0] = 0;
        var queue = new Queue<int>([0]);
        var owed = new long[graph.StateCount];
        while (queue.TryDequeue(out var s))
        {
            foreach (var e in graph.OutEdges(s))
            {
                owed[s]++;
                owed[e.Target]--;
                if (distance[e.Target] < 0)
                {
                    distance[e.Target] = distance[s] + 1;
                    queue.Enqueue(e.Target);
                }
            }
        }

        return Enumerable.Range(1, graph.StateCount - 1).Sum(s => Math.Max(0, owed[s]) * distance[s]);
    }

    private static SettledStep NotReplicatingWriteMemory(FailoverPair pair, PairState state, Event @event)
    {
        var result = pair.Step(state, @event, quiet: true);
        if (@event is not CommandEvent { Command: WriteMemory } command)
        {
            return result;
        }

        var mate = command.Unit.Mate();
        var broken = result.External with { State = result.State.With(mate, state.Unit(mate)) };
        return new SettledStep(broken, []);
    }

    /// <summary>Runs the vectors' events on <paramref name="implementation"/>, each case from power-off, and writes what it observes as a trace.</summary>
    private static string BrokenImplementation(string vectors, Func<FailoverPair, PairState, Event, SettledStep> implementation)
    {
        var pair = new FailoverPair(Config);
        var reader = new OracleEventReader(Config);
        using var buffer = new MemoryStream();
        var sink = new JsonLinesVectorSink(buffer, Config);
        var state = pair.Initial;
        long current = 0;
        foreach (var line in Lines(vectors))
        {
            if (line.Case != current)
            {
                current = line.Case;
                state = pair.Initial;
            }

            var @event = ((OracleEventAction)reader.Read(line.Event, "vectors", 1)).Event;
            var result = implementation(pair, state, @event);
            state = result.State;
            sink.Step(line.Case, line.Step, @event, result);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Event Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return ((OracleEventAction)new OracleEventReader(Config).Read(doc.RootElement.GetProperty("event").GetString()!, "trace", 1)).Event;
    }

    private sealed record VectorLine(string Raw, long Case, long Step, string Event, string State, List<int> Syslog, JsonElement Json);

    private static List<VectorLine> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(raw =>
        {
            var json = JsonDocument.Parse(raw).RootElement;
            var state = string.Concat(json.EnumerateObject().Where(p => p.Name is not ("case" or "step" or "event" or "syslog")).Select(p => p.Value.GetRawText()));
            return new VectorLine(raw, json.GetProperty("case").GetInt64(), json.GetProperty("step").GetInt64(), json.GetProperty("event").GetString()!, state,
                [.. json.GetProperty("syslog").EnumerateArray().Select(m => m.GetProperty("id").GetInt32())], json);
        })];

    private sealed class CountingSink : IVectorSink
    {
        public void BeginCase(long @case)
        {
        }

        public void Step(long @case, long step, Event @event, SettledStep result)
        {
        }

        public void EndCase(long @case)
        {
        }
    }
}
