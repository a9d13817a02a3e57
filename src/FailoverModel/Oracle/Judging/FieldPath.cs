using System.Globalization;
using System.Runtime.CompilerServices;

namespace FailoverModel.Oracle;

/// <summary>
/// The path of a compared field (<c>units.primary.groups.1.state</c>), written out only when the field differs: the
/// judge compares every field of every line, and a path built for each would cost more than the comparison.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FieldPath
{
    private DefaultInterpolatedStringHandler _text;

    /// <summary>A path needed when the observed text is there and differs from the model's.</summary>
    public FieldPath(int literalLength, int formattedCount, string expected, string? observed, out bool differs)
        : this(literalLength, formattedCount, observed is not null && observed != expected, out differs)
    {
    }

    /// <summary>A path needed when the observed number differs from the model's.</summary>
    public FieldPath(int literalLength, int formattedCount, long expected, ObservedNumber observed, out bool differs)
        : this(literalLength, formattedCount, observed.Value != expected, out differs)
    {
    }

    /// <summary>A path needed when the observed list is there and differs from the model's in length or in an element.</summary>
    public FieldPath(int literalLength, int formattedCount, IEnumerable<string> expected, List<string>? observed, out bool differs)
        : this(literalLength, formattedCount, observed is not null && !observed.SequenceEqual(expected, StringComparer.Ordinal), out differs)
    {
    }

    /// <summary>A path needed when <paramref name="needed"/> says so.</summary>
    public FieldPath(int literalLength, int formattedCount, bool needed, out bool differs)
    {
        differs = Differs = needed;
        _text = needed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>Whether the field differs, so that its path is written.</summary>
    public bool Differs { get; }

    public void AppendLiteral(string text) => _text.AppendLiteral(text);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    /// <summary>The path; call it only when the field differs.</summary>
    public string Text() => _text.ToStringAndClear();
}
