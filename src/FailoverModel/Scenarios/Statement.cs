using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Scenarios;

/// <summary>One statement of a scenario file, with its 1-based line.</summary>
public abstract record Statement(int Line);

/// <summary>An event; <see cref="Settle"/> is false right after a <c>step</c> statement.</summary>
public sealed record EventStatement(int Line, Event Event, bool Settle) : Statement(Line);

/// <summary><c>advance [n]</c>: fire the next <paramref name="Count"/> internal steps, one at a time, as settle would.</summary>
public sealed record AdvanceStatement(int Line, int Count) : Statement(Line);

/// <summary><c>wait &lt;duration&gt;</c>: simulated time passes; internal steps that fall due meanwhile are taken.</summary>
public sealed record WaitStatement(int Line, long DurationMs) : Statement(Line);

/// <summary><c>expect ...</c>: what the last event must have led to.</summary>
public sealed record ExpectStatement(int Line, Expectation Expectation) : Statement(Line);

/// <summary><c>show &lt;unit&gt;[/&lt;context&gt;] &lt;command&gt;</c>: what a unit prints for a show command (<c>failover</c>, <c>failover state</c>...).</summary>
/// <param name="Line">The statement's line.</param>
/// <param name="Unit">The unit the command is typed on.</param>
/// <param name="Context">The context it is typed in (<c>changeto context</c>), or null for the system execution space.</param>
/// <param name="Command">The command after <c>show</c>.</param>
public sealed record ShowStatement(int Line, UnitRole Unit, string? Context, string Command) : Statement(Line)
{
    /// <summary>Where the command is typed, as a scenario writes it: <c>primary</c> or <c>primary/context1</c>.</summary>
    public string Where => Context is null ? Unit.Token() : $"{Unit.Token()}/{Context}";
}

/// <summary>A parsed scenario: the configuration it runs on and its statements.</summary>
public sealed record Scenario(string File, PairConfig Config, IReadOnlyList<Statement> Statements);
