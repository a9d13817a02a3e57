using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Asa.Show;

/// <summary>A <c>show</c> command the model renders, and where ASA accepts it.</summary>
/// <param name="Text">The command as typed after <c>show</c>, e.g. <c>failover state</c>.</param>
/// <param name="InContext">True for commands entered inside a context (<c>show monitor-interface</c> in multiple context mode).</param>
/// <param name="Render">Renders the output for the viewing unit and context.</param>
public sealed record ShowCommand(string Text, bool InContext, Func<ShowContext, string> Render);

/// <summary>The <c>show</c> commands the model renders from a snapshot, in ASA's layout (seed, "Verify").</summary>
public static class ShowCommands
{
    public static readonly IReadOnlyList<ShowCommand> All =
    [
        new("failover", false, ShowFailover.Render),
        new("failover state", false, ShowFailoverState.Render),
        new("failover interface", false, ShowFailoverInterface.Render),
        new("failover history", false, ShowFailoverHistory.Render),
        new("running-config failover", false, ShowRunningConfigFailover.Render),
        new("monitor-interface", true, ShowMonitorInterface.Render),
    ];

    public static IEnumerable<string> Known => All.Select(c => c.Text);

    public static ShowCommand? Find(string text) => All.FirstOrDefault(c => c.Text == text);

    public static string Render(ShowContext where, string command)
    {
        var show = Find(command) ?? throw new ArgumentException($"unknown show command '{command}'", nameof(command));
        if (show.InContext != (where.Context is not null))
        {
            throw new ArgumentException(show.InContext ? $"'show {command}' is entered inside a context" : $"'show {command}' is entered in the system execution space", nameof(command));
        }

        return show.Render(where);
    }

    public static string Render(PairConfig config, PairState state, UnitRole unit, string command) =>
        Render(new ShowContext(config, state, unit), command);

    /// <summary>
    /// The state a unit shows for a group of its mate: a mate that sends no hellos is failed (table row 1), a mate it
    /// cannot hear at all, or that runs without failover, is not detected.
    /// </summary>
    public static string MateGroupDisplay(PairState state, UnitRole unit, int group)
    {
        var mate = state.Unit(unit.Mate());
        if (state.FailoverLink != LinkStatus.Up || mate.Status is UnitStatus.FailoverOff)
        {
            return "Not Detected";
        }

        return mate.Status.IsDown() ? "Failed" : mate.Group(group).State.Display();
    }

    /// <summary>True when <paramref name="viewer"/> hears its mate, so that what it prints about the mate is current.</summary>
    public static bool HearsMate(PairState state, UnitRole viewer)
    {
        var mate = state.Unit(viewer.Mate());
        return state.FailoverLink == LinkStatus.Up && mate.Status == UnitStatus.FailoverOn;
    }

    /// <summary>
    /// An interface's health as a unit prints it: an interface failed on both units while they talk is
    /// <c>Unknown</c> (docs/sources.md, "Health monitoring"); a mate the viewer cannot hear has only unknown interfaces.
    /// </summary>
    public static string InterfaceHealth(PairState state, UnitRole viewer, UnitRole unit, int index)
    {
        if (unit != viewer && !HearsMate(state, viewer))
        {
            return "Unknown";
        }

        var failed = state.Unit(unit).IsInterfaceFailed(index);
        var failedOnMate = state.Unit(unit.Mate()).IsInterfaceFailed(index);
        return failed && failedOnMate && HearsMate(state, viewer) ? "Unknown" : failed ? "Failed" : "Normal";
    }

    /// <summary>The address an interface has on a unit: the active address where its group is active, else the standby one.</summary>
    public static string Address(PairConfig config, PairState state, UnitRole unit, InterfaceConfig i)
    {
        var active = state.GroupState(unit, config.GroupOfContext(i.Context)).IsActive();
        return (active ? i.ActiveAddress : i.StandbyAddress) ?? "0.0.0.0";
    }
}
