using System.Collections.Immutable;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;
using FsCheck;
using FsCheck.Fluent;

namespace FailoverModel.Checking;

/// <summary>
/// FsCheck generators for random runs: configurations from random group preferences, preempt, interface policies and
/// context-to-group assignments, and events valid under a configuration — commands on either unit (so on the wrong one
/// too), faults weighted so that deep situations (a fault during Bulk Sync, both groups failed, the link down while a
/// unit dies) are reached, and one event in five applied without settling.
/// </summary>
public static class RandomRuns
{
    /// <summary>Configurations from random group preferences, preempt, interface policies and context-to-group assignments.</summary>
    public static Gen<PairConfig> Configs { get; } =
        from groups in Gen.Choose(1, 2)
        from preferences in Gen.ArrayOf(Gen.Elements(UnitRole.Primary, UnitRole.Secondary), 2)
        from preempt in Gen.ArrayOf(Gen.Elements(true, false), 2)
        from policies in Gen.ArrayOf(Gen.Elements(new InterfacePolicy(1, false), new InterfacePolicy(2, false), new InterfacePolicy(50, true), new InterfacePolicy(100, true)), 2)
        from contexts in Gen.Choose(1, 3)
        from assignment in Gen.ArrayOf(Gen.Choose(1, groups), contexts)
        from interfaces in Gen.ArrayOf(Gen.Choose(1, 2), contexts)
        select Build(groups, preferences, preempt, policies, assignment, interfaces);

    /// <summary>Runs of <paramref name="length"/> events, each on a configuration of its own.</summary>
    public static Gen<RandomRun> Runs(int length) =>
        from config in Configs
        from run in RunsFor(config, length)
        select run;

    /// <summary>Runs of <paramref name="length"/> events on <paramref name="config"/>.</summary>
    public static Gen<RandomRun> RunsFor(PairConfig config, int length) =>
        from steps in Gen.ArrayOf(Steps(config), length)
        select new RandomRun(config, [.. steps]);

    /// <summary>Shrinks a run by dropping one step at a time, earliest first.</summary>
    public static IEnumerable<RandomRun> Shrink(RandomRun run) =>
        Enumerable.Range(0, run.Steps.Length).Select(i => run with { Steps = run.Steps.RemoveAt(i) });

    /// <summary>Runs on generated configurations with their shrinker, for FsCheck properties.</summary>
    public static Arbitrary<RandomRun> Arbitrary(int length) => Arb.From(Runs(length), Shrink);

    /// <summary>Runs on <paramref name="config"/> with their shrinker, for FsCheck properties.</summary>
    public static Arbitrary<RandomRun> Arbitrary(PairConfig config, int length) => Arb.From(RunsFor(config, length), Shrink);

    private static Gen<RandomStep> Steps(PairConfig config) =>
        from @event in Events(config)
        from settle in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new RandomStep(@event, settle);

    private static Gen<Event> Events(PairConfig config)
    {
        var units = Gen.Elements(UnitRole.Primary, UnitRole.Secondary);
        var monitored = config.Interfaces.Where(i => i.Monitored).Select(i => i.Name).ToArray();
        var commands = EventAlphabet.For(config).OfType<CommandEvent>().Cast<Event>().ToArray();
        var weighted = new List<(int, Gen<Event>)>
        {
            (3, Gen.Elements<Event>(new PowerOn(UnitRole.Primary), new PowerOn(UnitRole.Secondary), new PowerOn(UnitRole.Primary, BothUnits: true))),
            (2, units.Select(u => (Event)new PowerOff(u))),
            (2, units.Select(u => (Event)new Crash(u))),
            (1, units.Select(u => (Event)new HardwareFail(u))),
            (1, units.Select(u => (Event)new Replace(u))),
            (3, Gen.Elements<Event>(new LinkChange(LinkKind.Failover, false), new LinkChange(LinkKind.Failover, true))),
            (6, Gen.Elements(commands)),
            (1, from u in units
                from g in Gen.Choose(1, config.GroupCount)
                from line in Gen.Elements<GroupModeLine>(new SetPreempt(0), new NoPreempt(), new PreferUnit(UnitRole.Primary), new PreferUnit(UnitRole.Secondary), new SetInterfacePolicy(new InterfacePolicy(2, false)), new SetReplicationHttp(true))
                select (Event)new CommandEvent(u, null, new FailoverGroupMode(FailoverGroupId.Of(g), [line]))),
        };
        if (monitored.Length > 0)
        {
            weighted.Add((6, from u in units
                             from i in Gen.Elements(monitored)
                             from up in Gen.Elements(true, false)
                             select (Event)new InterfaceChange(u, i, up)));
        }

        if (config.StateLink is not null)
        {
            weighted.Add((1, Gen.Elements<Event>(new LinkChange(LinkKind.State, false), new LinkChange(LinkKind.State, true))));
        }

        // Configuration changes in every space on either unit (so on the wrong one too), and the commands that save and
        // resynchronize them, typed in the system execution space or in a context.
        var contexts = config.Contexts.Select(c => (string?)c.Name).Prepend(null).ToArray();
        weighted.Add((3, from u in units
                         from context in Gen.Elements(contexts)
                         from change in Gen.Choose(0, 1)
                         select (Event)new CommandEvent(u, context, new ConfigurationCommand($"access-list generated-{change} extended permit ip any any", change))));
        weighted.Add((2, from u in units
                         from context in Gen.Elements(contexts.Skip(1).ToArray())
                         from command in Gen.Elements<AsaCommand>(new WriteMemory(false, false), new WriteStandby(), new ConfigurationCommand("firewall transparent", 2, Replicated: false))
                         select (Event)new CommandEvent(u, context, command)));
        weighted.Add((2, from context in Gen.Elements(config.Contexts.Select(c => c.Name).ToArray())
                         from kind in Gen.Elements(ConnectionKindValues.All.Select(k => k.Kind).ToArray())
                         select (Event)new Connect(context, kind)));

        return Gen.Frequency([.. weighted]);
    }

    private static PairConfig Build(int groups, UnitRole[] preferences, bool[] preempt, InterfacePolicy[] policies, int[] assignment, int[] interfaces)
    {
        var groupConfigs = Enumerable.Range(0, groups).Select(g => new FailoverGroupConfig(preferences[g], preempt[g], 0, policies[g])).ToList();
        var contexts = new List<ContextConfig> { new("admin", FailoverGroupId.One, []) };
        for (var c = 0; c < assignment.Length; c++)
        {
            var name = $"context{c + 1}";
            var ifs = Enumerable.Range(0, interfaces[c])
                .Select(i => new InterfaceConfig(name, i == 0 ? "inside" : "outside", $"{(i == 0 ? "inside" : "outside")}_{name}", $"10.{c}.{i}.1", "255.255.255.0", $"10.{c}.{i}.2", true))
                .ToList();
            contexts.Add(new ContextConfig(name, FailoverGroupId.Of(assignment[c]), ifs));
        }

        return new PairConfig(
            "generated",
            groupConfigs,
            contexts,
            "admin",
            new LinkConfig("LANFailover", "Ethernet3", "10.1.0.1", "255.255.255.0", "10.1.0.2"),
            new LinkConfig("stateful", "Ethernet2", "10.0.0.1", "255.255.255.0", "10.0.0.2"));
    }
}
