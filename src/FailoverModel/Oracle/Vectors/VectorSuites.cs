using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Vectors;

/// <summary>One suite of test vectors: a feature, the events that exercise it, and the events it needs around them.</summary>
/// <param name="Name">The suite's file name stem, e.g. <c>unit-faults</c>.</param>
/// <param name="Title">What it tests, for the manifest.</param>
/// <param name="Alphabet">The suite's sub-alphabet: every transition of its settled graph is in the suite.</param>
public sealed record VectorSuite(string Name, string Title, IReadOnlyList<Event> Alphabet);

/// <summary>
/// The suites of test vectors by feature, smallest first (docs/oracle.md, "Suites"): an implementation conforms to
/// booting and forced failover before it meets unit faults, links, interfaces, commands, configuration, connections
/// and preemption, each suite covering every transition (self-loops included) of its own sub-alphabet. Every suite
/// takes power-on and power-off, so that its states lead back to power-off; the rest is what the feature needs.
/// </summary>
public static class VectorSuites
{
    /// <summary>The suites of a configuration, smallest first, each with its own alphabet.</summary>
    public static IReadOnlyList<VectorSuite> For(PairConfig config)
    {
        var universe = VectorAlphabet.Universe(config);
        var suites = new List<VectorSuite>
        {
            Suite("boot-and-forced-failover", "booting one or both units, power loss, and failover active / no failover active (seed, \"Forced Failover\")",
                "failover-active", "no-failover-active"),
            Suite("unit-faults", "crash, hardware failure, replacement and failover reset of a unit (seed, \"Unit Health Monitoring\", \"Restoration of a Failed Unit\")",
                "crash", "hardware-fail", "replace", "failover-reset"),
            Suite("links", "the failover link and the Stateful Failover link going down and up, with failover reset (seed, \"Failover and Stateful Failover Links\")",
                "link-failover", "link-state", "failover-reset"),
            Suite("interfaces-and-policies", "monitored interfaces failing and recovering on either unit, against each group's interface policy, with failover reset (seed, \"Interface Health Monitoring\")",
                "interface", "failover-reset"),
            new VectorSuite("commands", "failover, no failover, forced failover, failover reset, write memory and write standby in the system execution space (seed, \"Disabled Failover\", \"Command Replication\")",
                [.. Pick("power-on", "power-off", "failover", "no-failover", "failover-active", "no-failover-active", "failover-reset", "write-standby"), .. SystemSave()]),
        };

        // Configuration, one space at a time: the units' running and startup revisions of one space take 16 values,
        // of several spaces the product (ConfigurationAlphabet), so each space has its suite.
        for (var space = 0; space < config.Spaces; space++)
        {
            var inSpace = space;
            var name = config.SpaceName(space);
            suites.Add(new VectorSuite($"configuration-{name}",
                $"a change in {(space == 0 ? "the system execution space" : $"context {name}")} typed on either unit, saved with write memory, replicated, synchronized at boot, copied by write standby, lost by a reload (seed, \"Command Replication\", \"Device Initialization and Configuration Synchronization\")",
                [.. universe.Where(e => Kind(e, "power-on", "power-off", "crash", "replace", "failover-active", "no-failover-active", "link-failover", "write-standby")
                    || (e is CommandEvent { Command: ConfigurationCommand or WriteMemory { All: false } } c && config.SpaceOf(c.Context) == inSpace))]));
        }

        suites.Add(new VectorSuite("connections",
            "connections of each treatment opened in each failover group, kept or lost by failover with and without the Stateful Failover link and replication http (seed, \"Stateful Failover\")",
            [.. universe.Where(e => Kind(e, "power-on", "power-off", "no-failover-active", "link-state", "connect")
                || e is CommandEvent { Command: FailoverGroupMode { Lines: [SetReplicationHttp] } })]));
        suites.Add(new VectorSuite("preempt-configuration",
            "preempt and no preempt typed in each failover group on either unit, saved or not, against crashes and forced failover (seed, \"Preempt\", \"Command Replication\")",
            [.. universe.Where(e => Kind(e, "power-on", "power-off", "crash", "no-failover-active")
                || e is CommandEvent { Command: FailoverGroupMode { Lines: [SetPreempt or NoPreempt] } })
                .Concat(SystemSave())]));
        return suites;

        VectorSuite Suite(string name, string title, params string[] kinds) =>
            new(name, title, Pick(["power-on", "power-off", .. kinds]));

        List<Event> Pick(params string[] kinds) => [.. universe.Where(e => Kind(e, kinds))];

        IEnumerable<Event> SystemSave() => universe.Where(e => e is CommandEvent { Context: null, Command: WriteMemory { All: false } });
    }

    private static bool Kind(Event e, params string[] kinds) => kinds.Any(k => VectorAlphabet.Kinds[k](e));
}
