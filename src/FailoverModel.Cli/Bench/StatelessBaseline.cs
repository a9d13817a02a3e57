using System.Diagnostics;
using Stateless;

namespace FailoverModel.Cli.Bench;

/// <summary>
/// The cost of one Stateless fire on a trivial two-state machine with external state: the baseline of what a step
/// that asks Stateless can cost, before any rule of ours runs.
/// </summary>
public static class StatelessBaseline
{
    private enum Light
    {
        Off,
        On,
    }

    private enum Switch
    {
        Toggle,
    }

    public static IEnumerable<BenchFigure> Measure(int fires)
    {
        var state = Light.Off;
        var machine = new StateMachine<Light, Switch>(() => state, s => state = s, FiringMode.Immediate);
        machine.Configure(Light.Off).Permit(Switch.Toggle, Light.On);
        machine.Configure(Light.On).Permit(Switch.Toggle, Light.Off);
        for (var i = 0; i < 10_000; i++)
        {
            machine.Fire(Switch.Toggle);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < fires; i++)
        {
            machine.Fire(Switch.Toggle);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)fires;
        const string how = "failover-model bench";
        return
        [
            new("stateless trivial machine", "fires per second", fires / seconds, "fires/s", how),
            new("stateless trivial machine", "allocated per fire", bytes, "bytes", how),
        ];
    }
}
