using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Topology;

namespace FailoverModel.Scenarios;

/// <summary>What the last event must have led to. <c>Check</c> returns null when it holds, else what the model has.</summary>
public abstract record Expectation
{
    public abstract string? Check(PairConfig config, PairState state, SettledStep? last);

    /// <summary>Checks with the clock: the outage of each group since the last external event, in milliseconds.</summary>
    public virtual string? Check(PairConfig config, PairState state, SettledStep? last, IReadOnlyList<long> outageMs) => Check(config, state, last);

    public abstract override string ToString();
}

public sealed record GroupStateIs(UnitRole Unit, FailoverGroupId Group, GroupState State) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = state.GroupState(Unit, Group);
        return actual == State ? null : $"{Unit.Token()} group {Group} is {actual.Display()}";
    }

    public override string ToString() => $"{Unit.Token()} group {Group} {State.Display()}";
}

/// <summary>
/// What a unit shows for its mate's group ("Other host" in <c>show failover</c>): its own view, stale until it times out
/// a silent mate, "Failed" once it has declared it, "Not Detected" while it has heard nothing.
/// </summary>
public sealed record MateShown(UnitRole Unit, FailoverGroupId Group, string Display) : Expectation
{
    /// <summary>Everything a unit can show for its mate's group.</summary>
    public static readonly IReadOnlyList<string> Displays = [.. GroupStates.All.Select(s => s.Display()), "Not Detected"];

    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = Asa.Show.ShowCommands.MateGroupDisplay(state, Unit, Group);
        return actual == Display ? null : $"{Unit.Token()} shows its mate's group {Group} as {actual}";
    }

    public override string ToString() => $"{Unit.Token()} shows mate group {Group} \"{Display}\"";
}

public sealed record GroupReasonIs(UnitRole Unit, FailoverGroupId Group, FailureReason Reason) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = state.Unit(Unit).Group(Group).Reason;
        return actual == Reason ? null : $"{Unit.Token()} group {Group} has reason \"{actual.Display()}\"";
    }

    public override string ToString() => $"{Unit.Token()} group {Group} reason \"{Reason.Display()}\"";
}

public sealed record GroupActiveOn(FailoverGroupId Group, ActiveOn Where) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = state.ActiveOn(Group);
        return actual == Where ? null : $"group {Group} is active on {actual.Token()}";
    }

    public override string ToString() => $"group {Group} active-on {Where.Token()}";
}

public sealed record ContextActiveOn(string Context, ActiveOn Where) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = state.ActiveOn(config.GroupOfContext(Context));
        return actual == Where ? null : $"context {Context} is active on {actual.Token()}";
    }

    public override string ToString() => $"context {Context} active-on {Where.Token()}";
}

public sealed record UnitStatusIs(UnitRole Unit, UnitStatus Status) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = state.Unit(Unit).Status;
        return actual == Status ? null : $"{Unit.Token()} is {actual.Display()}";
    }

    public override string ToString() => $"{Unit.Token()} status {Status.Display()}";
}

public sealed record LinkIs(LinkKind Link, LinkStatus Status) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var actual = Link == LinkKind.Failover ? state.FailoverLink : state.StateLink;
        return actual == Status ? null : $"the {Link.Token()} link is {actual.Token()}";
    }

    public override string ToString() => $"link {Link.Token()} {Status.Token()}";
}

/// <summary><c>expect syslog unit id</c> (or <c>expect no syslog ...</c>): a message with that id was (not) logged by that unit during the last event.</summary>
public sealed record SyslogEmitted(UnitRole Unit, int Id, bool Present) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var messages = last?.Messages.Where(m => m.Unit == Unit).ToList() ?? [];
        var found = messages.Any(m => m.Id == Id);
        if (found == Present)
        {
            return null;
        }

        var ids = messages.Count == 0 ? "none" : string.Join(", ", messages.Select(m => m.Id).Distinct());
        return Present ? $"{Unit.Token()} logged no {Id} (its messages: {ids})" : $"{Unit.Token()} logged {Id}";
    }

    public override string ToString() => $"{(Present ? "" : "no ")}syslog {Unit.Token()} {Id}";
}

/// <summary><c>expect row n</c>: the last event exercised row n of the failure-event table.</summary>
public sealed record RowExercised(FailureEvent Row) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var rows = last?.Rows.Distinct().ToList() ?? [];
        return rows.Contains(Row)
            ? null
            : $"the last event exercised {(rows.Count == 0 ? "no row" : "row " + string.Join(", ", rows.Select(r => (int)r)))}";
    }

    public override string ToString() => $"row {(int)Row}";
}

/// <summary><c>expect note "text"</c>: the last event's notes (why it changed nothing, ASA's warnings) contain the text.</summary>
public sealed record NoteContains(string Text) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var notes = last?.Notes.ToList() ?? [];
        return notes.Any(n => n.Contains(Text, StringComparison.Ordinal))
            ? null
            : $"the notes are {(notes.Count == 0 ? "empty" : string.Join(" | ", notes.Select(n => $"\"{n}\"")))}";
    }

    public override string ToString() => $"note \"{Text}\"";
}

/// <summary><c>expect outage group &lt;n&gt; &lt;op&gt; &lt;duration&gt;</c>: how long the group had no active unit since the last external event.</summary>
/// <summary>How an <c>expect outage</c> compares the measured outage with its duration.</summary>
public enum Comparison : byte
{
    Less,
    AtMost,
    Equal,
    AtLeast,
    Greater,
}

public static class Comparisons
{
    /// <summary>The operators as a scenario writes them, in the order of <see cref="Comparison"/>.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> Tokens = ["<", "<=", "==", ">=", ">"];

    public static string Token(this Comparison comparison) => Tokens[(int)comparison];

    /// <summary>The comparison of a scenario's operator (<c>=</c> reads as <c>==</c>), or null.</summary>
    public static Comparison? Parse(string token) => token == "=" ? Comparison.Equal : Tokens.IndexOf(token) is var i and >= 0 ? (Comparison)i : null;

    public static bool Holds(this Comparison comparison, long actual, long expected) => comparison switch
    {
        Comparison.Less => actual < expected,
        Comparison.AtMost => actual <= expected,
        Comparison.Equal => actual == expected,
        Comparison.AtLeast => actual >= expected,
        Comparison.Greater => actual > expected,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}

public sealed record OutageIs(FailoverGroupId Group, Comparison Comparison, long DurationMs) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last) => Check(config, state, last, []);

    public override string? Check(PairConfig config, PairState state, SettledStep? last, IReadOnlyList<long> outageMs)
    {
        var actual = Group.Number <= outageMs.Count ? outageMs[Group.Index] : 0;
        return Comparison.Holds(actual, DurationMs) ? null : $"group {Group} was without an active unit for {Time.FailoverTimers.Seconds(actual)}";
    }

    public override string ToString() => $"outage group {Group} {Comparison.Token()} {Time.FailoverTimers.Seconds(DurationMs)}";
}

/// <summary><c>expect connection &lt;context&gt; &lt;kind&gt; open|dropped</c>: whether the context's group holds connection state of that kind.</summary>
public sealed record ConnectionIs(string Context, ConnectionKinds Kind, bool Open) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var connections = state.Connections.Group(config.GroupOfContext(Context));
        var open = (connections.Open & Kind) != 0;
        return open == Open ? null : $"{Kind.Token()} state through {Context} is {(open ? "open" : "dropped")}";
    }

    public override string ToString() => $"connection {Context} {Kind.Token()} {(Open ? "open" : "dropped")}";
}

/// <summary><c>expect config system|&lt;context&gt; in-sync|diverged</c>: whether both units run the same configuration in that space.</summary>
public sealed record ConfigurationInSync(int Space, string SpaceName, bool InSync) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var same = state.Primary.Configuration.RunningEquals(state.Secondary.Configuration, Space);
        return same == InSync ? null : $"the running configurations of {config.SpaceName(Space)} are {(same ? "in sync" : "diverged")}";
    }

    public override string ToString() => $"config {SpaceName} {(InSync ? "in-sync" : "diverged")}";
}

/// <summary><c>expect &lt;unit&gt;[/&lt;context&gt;] running|startup has|lacks "&lt;command&gt;"</c>: where a configuration change lives.</summary>
public sealed record ConfigurationHolds(UnitRole Unit, int Space, string SpaceName, bool Startup, string Command, int? Change, bool Has) : Expectation
{
    public override string? Check(PairConfig config, PairState state, SettledStep? last)
    {
        var configuration = state.Unit(Unit).Configuration;
        var mask = Startup ? configuration.Startup(Space) : configuration.Running(Space);
        var holds = Change is { } bit && (mask & (1UL << bit)) != 0;
        return holds == Has ? null : $"the {Where} {(holds ? "has" : "lacks")} \"{Command}\"";
    }

    private string Where => $"{(Startup ? "startup" : "running")} configuration of {Unit.Token()} in {SpaceName}";

    public override string ToString() => $"{Unit.Token()}{(Space == 0 ? "" : "/" + SpaceName)} {(Startup ? "startup" : "running")} {(Has ? "has" : "lacks")} \"{Command}\"";
}
