using FailoverModel.Invariants;
using FailoverModel.Pair;
using FailoverModel.Rules;

namespace FailoverModel.Checking;

/// <summary>What folding one run over the model found.</summary>
public sealed record RunVerdict(string? Violation, int Steps, IReadOnlySet<FailureEvent> Rows);

/// <summary>Folds a run over the model and checks the invariants after every step, internal steps included.</summary>
public static class RunChecker
{
    /// <summary>Folds <paramref name="run"/> over a pair (the seed's rules unless <paramref name="makePair"/> builds another) and checks <paramref name="invariants"/> (all by default) after every step.</summary>
    public static RunVerdict Check(RandomRun run, IReadOnlyList<Invariant>? invariants = null, Func<Topology.PairConfig, FailoverPair>? makePair = null)
    {
        var pair = makePair?.Invoke(run.Config) ?? new FailoverPair(run.Config);
        invariants ??= SeedInvariants.All;
        var state = pair.Initial;
        var history = default(RunHistory);
        var rows = new HashSet<FailureEvent>();
        var steps = 0;
        foreach (var step in run.Steps)
        {
            var result = pair.Apply(state, step.Event, quiet: true);
            if (Violated(pair, state, history, result, invariants, rows) is { } violation)
            {
                return new RunVerdict(violation, steps, rows);
            }

            history = RunHistory.Next(pair.Config, state, result.State, history);
            state = result.State;
            steps++;
            if (!step.Settle)
            {
                continue;
            }

            while (pair.NextInternal(state) is { } next)
            {
                var inner = pair.Apply(state, next, quiet: true);
                if (Violated(pair, state, history, inner, invariants, rows) is { } broken)
                {
                    return new RunVerdict(broken, steps, rows);
                }

                history = RunHistory.Next(pair.Config, state, inner.State, history);
                state = inner.State;
                steps++;
            }
        }

        return new RunVerdict(null, steps, rows);
    }

    /// <summary>Drops events while the run still violates, earliest first, until no single event can go.</summary>
    public static RandomRun Shrink(RandomRun run, IReadOnlyList<Invariant>? invariants = null, Func<Topology.PairConfig, FailoverPair>? makePair = null)
    {
        var shrunk = true;
        while (shrunk)
        {
            shrunk = false;
            foreach (var candidate in RandomRuns.Shrink(run))
            {
                if (Check(candidate, invariants, makePair).Violation is not null)
                {
                    run = candidate;
                    shrunk = true;
                    break;
                }
            }
        }

        return run;
    }

    private static string? Violated(FailoverPair pair, PairState before, RunHistory history, StepResult result, IReadOnlyList<Invariant> invariants, HashSet<FailureEvent> rows)
    {
        rows.UnionWith(result.Rows);
        return SeedInvariants.FirstViolation(new InvariantContext(pair, before, result.Event, result.State) { History = history }, invariants) is { } v
            ? $"{v.Invariant.Name}: {v.Evidence}"
            : null;
    }
}
