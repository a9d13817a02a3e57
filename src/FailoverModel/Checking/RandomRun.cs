using System.Collections.Immutable;
using System.Text;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Checking;

/// <summary>One random run: a configuration and a sequence of events, each settled or (like <c>step</c>) not.</summary>
public sealed record RandomRun(PairConfig Config, ImmutableArray<RandomStep> Steps)
{
    /// <summary>Runs are equal when they share the configuration instance and have the same steps.</summary>
    public bool Equals(RandomRun? other) => other is not null && ReferenceEquals(Config, other.Config) && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Config, Steps.Length);

    /// <summary>The run as a scenario for <c>failover-model run</c>; a generated configuration is described in comments.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"# configuration: {Describe(Config)}\n");
        foreach (var step in Steps)
        {
            if (!step.Settle)
            {
                text.Append("step\n");
            }

            text.Append(step.Event).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A configuration in one line: each group's preference, preempt and policy, each context's group and interfaces.</summary>
    public static string Describe(PairConfig config) =>
        string.Join("; ", config.GroupIds.Select(g =>
        {
            var s = config.Group(g);
            return $"group {g} {s.Preferred.Token()}{(s.Preempt ? " preempt" : "")} interface-policy {s.Policy}";
        }).Concat(config.Contexts.Select(c => $"{c.Name} in group {c.Group} ({string.Join(", ", c.Interfaces.Select(i => i.Nameif))})")));
}

/// <summary>An event, and whether the pair settles after it.</summary>
public sealed record RandomStep(Event Event, bool Settle);
