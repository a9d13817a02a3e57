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

public sealed record ExpectStatement(int Line, Expectation Expectation) : Statement(Line);

public sealed record ShowStatement(int Line, UnitRole Unit, string? Context, string Command) : Statement(Line)
{
    /// <summary>Where the command is typed, as a scenario writes it: <c>primary</c> or <c>primary/context1</c>.</summary>
    public string Where => Context is null ? Unit.Token() : $"{Unit.Token()}/{Context}";
}

/// <summary>A parsed scenario: the configuration it runs on and its statements.</summary>
public sealed record Scenario(string File, PairConfig Config, IReadOnlyList<Statement> Statements);
