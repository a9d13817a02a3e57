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
    /// The state a unit shows for a group of its mate: what the mate's last hello said (stale until the unit times out a
    /// silent mate), "Failed" once it has declared the mate failed (table row 1, "Mark active as failed"), and "Not
    /// Detected" while it has heard nothing since it started failover, or does not run failover (seed, "Replace the Failed
    /// Unit with a New Unit": after <c>no failover</c> the mate shows as not detected).
    /// </summary>
    public static string MateGroupDisplay(PairState state, UnitRole unit, FailoverGroupId group)
    {
        var view = state.Unit(unit).View;
        return view.Contact switch
        {
            MateContact.NotDetected => "Not Detected",
            MateContact.Failed => "Failed",
            _ => view.Group(group).Display(),
        };
    }

    /// <summary>The Last Failure Reason a unit shows for its mate's group: the last hello's, or "Comm Failure" once it lost the mate.</summary>
    public static string MateReasonDisplay(PairState state, UnitRole unit, FailoverGroupId group)
    {
        var view = state.Unit(unit).View;
        return view.Contact switch
        {
            MateContact.Hellos or MateContact.DataInterfaces => view.Reason(group).Display(),
            MateContact.Failed => "Comm Failure",
            _ => FailureReason.None.Display(),
        };
    }

    /// <summary>True when <paramref name="viewer"/> takes itself to hear its mate's hellos, so that what it prints about the mate is as last heard.</summary>
    public static bool HearsMate(PairState state, UnitRole viewer) => state.Unit(viewer).View.Contact is MateContact.Hellos or MateContact.DataInterfaces;

    /// <summary>
    /// An interface's health as a unit prints it, from its own tests and its mate's last hello: an interface failed on
    /// both units while they talk is <c>Unknown</c> (ASA configuration guide, "Interface Monitoring"); a mate the viewer
    /// has not heard, or has declared failed, has only unknown interfaces.
    /// </summary>
    public static string InterfaceHealth(PairState state, UnitRole viewer, UnitRole unit, int index)
    {
        var me = state.Unit(viewer);
        var bit = 1UL << index;
        if (unit != viewer && !HearsMate(state, viewer))
        {
            return "Unknown";
        }

        var failedHere = (me.FailedInterfaces & bit) != 0;
        var failedThere = (me.View.FailedInterfaces & bit) != 0;
        var failed = unit == viewer ? failedHere : failedThere;
        return failed && failedHere && failedThere && me.View.HearsHellos ? "Unknown" : failed ? "Failed" : "Normal";
    }

    /// <summary>
    /// The address an interface has on a unit as <paramref name="viewer"/> shows it: the active address where the group is
    /// active, else the standby one; for the mate, where the viewer last heard the group active (a mate declared failed or
    /// not detected holds the standby addresses).
    /// </summary>
    public static string Address(PairConfig config, PairState state, UnitRole viewer, UnitRole unit, InterfaceConfig i)
    {
        var group = config.GroupOfContext(i.Context);
        var view = state.Unit(viewer).View;
        var active = unit == viewer
            ? state.GroupState(unit, group).IsActive()
            : HearsMate(state, viewer) && view.Group(group).IsActive();
        return (active ? i.ActiveAddress : i.StandbyAddress) ?? "0.0.0.0";
    }
}
