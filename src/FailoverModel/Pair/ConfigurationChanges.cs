namespace FailoverModel.Pair;

/// <summary>
/// Numbers the distinct configuration changes of a run, per configuration space, in the order they are first entered:
/// the same command text in the same space is the same change. A scenario, a trace or a lock-step session keeps one.
/// </summary>
public sealed class ConfigurationChanges
{
    /// <summary>Changes are bits of one 64-bit word per space.</summary>
    public const int MaxPerSpace = 64;

    private readonly Dictionary<(int Space, string Text), int> _numbers = [];
    private readonly Dictionary<int, List<string>> _texts = [];

    /// <summary>The number of <paramref name="text"/> in <paramref name="space"/>, given on first use; null when the space already has <see cref="MaxPerSpace"/>.</summary>
    internal int? Number(int space, string text)
    {
        if (_numbers.TryGetValue((space, text), out var known))
        {
            return known;
        }

        if (!_texts.TryGetValue(space, out var texts))
        {
            _texts[space] = texts = [];
        }

        if (texts.Count == MaxPerSpace)
        {
            return null;
        }

        _numbers[(space, text)] = texts.Count;
        texts.Add(text);
        return texts.Count - 1;
    }

    /// <summary>The number of a change already entered, or null.</summary>
    internal int? Find(int space, string text) => _numbers.TryGetValue((space, text), out var known) ? known : null;

    /// <summary>The texts of the changes in <paramref name="mask"/>, in their order.</summary>
    internal IEnumerable<string> Texts(int space, ulong mask) =>
        _texts.TryGetValue(space, out var texts) ? texts.Where((_, i) => (mask & (1UL << i)) != 0) : [];
}
