using System.Diagnostics;
using FailoverModel.Exploration;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Cli.Bench;

/// <summary>The model's own workloads, measured on the same next-state relation as the CsCheck peer.</summary>
public static class ModelWorkloads
{
    /// <summary>The built-in configuration without interface events: small enough that both engines close it in seconds.</summary>
    public static IReadOnlyList<Event> CompactAlphabet(PairConfig config) =>
        [.. EventAlphabet.For(config).Where(e => e is not InterfaceChange)];

    public static IEnumerable<BenchFigure> Exploration(PairConfig config)
    {
        var alphabet = CompactAlphabet(config);
        const string how = "failover-model bench";
        var peer = CsCheckPeer.Explore(new FailoverPair(config), alphabet);
        yield return new("csCheck exhaustive (no interface events)", "states", peer.States, "states", how);
        yield return new("csCheck exhaustive (no interface events)", "states per second", peer.States / peer.Seconds, "states/s", how);

        var clock = Stopwatch.StartNew();
        var ours = new Explorer(new FailoverPair(config), alphabet).Explore(invariants: []);
        var seconds = clock.Elapsed.TotalSeconds;
        yield return new("explorer (no interface events)", "states", ours.States, "states", how);
        yield return new("explorer (no interface events)", "transitions", ours.Transitions, "transitions", how);
        yield return new("explorer (no interface events)", "states per second", ours.States / seconds, "states/s", how);
        yield return new("explorer vs csCheck", "speed ratio", ours.States / seconds / (peer.States / peer.Seconds), "x", how);

        clock.Restart();
        var settled = SettledGraph.Explore(new FailoverPair(config));
        seconds = clock.Elapsed.TotalSeconds;
        yield return new("settled graph (all events)", "states", settled.StateCount, "states", how);
        yield return new("settled graph (all events)", "transitions", settled.EdgeCount, "transitions", how);
        yield return new("settled graph (all events)", "transitions per second", settled.EdgeCount / seconds, "transitions/s", how);
    }

    /// <summary>Random event sequences settled after every event, from a fixed seed.</summary>
    public static IEnumerable<BenchFigure> RandomStepping(PairConfig config, int events)
    {
        var pair = new FailoverPair(config);
        var alphabet = EventAlphabet.For(config);
        var random = new Random(1);
        var state = pair.Initial;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            state = i % 60 == 0 ? pair.Initial : pair.Step(state, alphabet[random.Next(alphabet.Count)]).State;
        }

        yield return new("random stepping (settle after each event)", "events per second", events / clock.Elapsed.TotalSeconds, "events/s", "failover-model bench");
    }
}
