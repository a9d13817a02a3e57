namespace FailoverModel.Topology;

/// <summary>
/// A data interface of a security context, named as ASA names it inside the context: the context and the interface's
/// <c>nameif</c> (seed, "Configure the contexts": <c>nameif outside</c> in context <c>context1</c>). Written
/// <c>context/nameif</c> in scenarios, traces and the model's outputs.
/// </summary>
public readonly record struct ContextInterface(string Context, string Nameif)
{
    /// <summary>Reads <c>context/nameif</c>; false when there is no slash or either side is empty.</summary>
    public static bool TryParse(string text, out ContextInterface name)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            name = default;
            return false;
        }

        name = new ContextInterface(text[..slash], text[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Context}/{Nameif}";
}
