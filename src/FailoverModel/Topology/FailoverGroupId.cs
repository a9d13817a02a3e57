using System.Globalization;

namespace FailoverModel.Topology;

/// <summary>
/// The number of a failover group, 1 or 2: the seed allows "a maximum of two failover groups", group 1 holds the admin
/// context and the system execution space follows it. A type of its own, so that a group is never confused with a
/// count, an index or an interface bit.
/// </summary>
public readonly record struct FailoverGroupId : IComparable<FailoverGroupId>
{
    /// <summary>Failover group 1: the admin context's group, and the one whose active unit replicates the system space.</summary>
    public static readonly FailoverGroupId One = new(1);

    /// <summary>Failover group 2.</summary>
    public static readonly FailoverGroupId Two = new(2);

    private readonly byte _number;

    private FailoverGroupId(int number) => _number = (byte)number;

    /// <summary>The group's number as ASA prints it (<c>failover group 1</c>).</summary>
    public int Number => _number;

    /// <summary>The group's position in arrays of groups: 0 for group 1.</summary>
    public int Index => _number - 1;

    /// <summary>Group <paramref name="number"/>: 1 or 2, anything else is a programming error.</summary>
    public static FailoverGroupId Of(int number) => number switch
    {
        1 => One,
        2 => Two,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "a failover group is 1 or 2"),
    };

    /// <summary>Reads a group number as typed by a user (<c>1</c> or <c>2</c>).</summary>
    public static bool TryParse(string text, out FailoverGroupId group)
    {
        group = text switch
        {
            "1" => One,
            "2" => Two,
            _ => default,
        };
        return group._number != 0;
    }

    public int CompareTo(FailoverGroupId other) => _number.CompareTo(other._number);

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}
