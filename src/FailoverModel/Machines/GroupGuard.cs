namespace FailoverModel.Machines;

/// <summary>A named condition on <see cref="GroupConditions"/>; the description is what diagrams print on the edge.</summary>
public sealed record GroupGuard(string Description, Func<GroupConditions, bool> Holds)
{
    internal static readonly GroupGuard Always = new("", _ => true);

    internal GroupGuard And(GroupGuard other) =>
        new($"{Description} and {other.Description}", c => Holds(c) && other.Holds(c));

    internal GroupGuard Not(string description) => new(description, c => !Holds(c));

    /// <inheritdoc/>
    public override string ToString() => Description;
}
