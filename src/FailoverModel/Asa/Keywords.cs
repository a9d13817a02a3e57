namespace FailoverModel.Asa;

/// <summary>
/// Tells a command the model does not use (skipped, as a real configuration has hundreds) from a misspelt keyword of
/// one it does model (an error): a word that is not a keyword but within a small edit distance of one — optimal string
/// alignment, so a swap of two letters is one edit — and is not itself a real ASA command, is a typo. A keyword with a
/// letter that only looks Latin (Cyrillic <c>о</c> in <c>cоntext</c>) is always an error: ASA commands are ASCII.
/// </summary>
internal static class Keywords
{
    /// <summary>Real ASA commands close to a modelled keyword, which must stay skipped (e.g. <c>name</c> beside <c>nameif</c>).</summary>
    private static readonly HashSet<string> RealCommands = new(StringComparer.Ordinal)
    {
        "name", "names", "names-only", "contexts", "interfaces", "hostnames", "ip", "ipv6", "no", "mac", "reload", "replication",
        "exec", "timeout", "standby", "active", "reset", "ipsec", "key", "mode", "member", "description", "domain-name",
    };

    /// <summary>Throws at <paramref name="word"/> of <paramref name="line"/> when that word misspells one of <paramref name="modelled"/>.</summary>
    public static void Check(ConfigLine line, int word, IReadOnlyCollection<string> modelled, string where)
    {
        if (word >= line.Count)
        {
            return;
        }

        var text = line[word];
        var foreign = text.FirstOrDefault(c => c > '\x7f');
        if (foreign != default)
        {
            throw line.Error(word, $"'{text}' has the non-ASCII letter '{foreign}' (U+{(int)foreign:X4}): ASA commands are ASCII, and one that only looks like a keyword would be skipped");
        }

        if (modelled.Contains(text) || RealCommands.Contains(text))
        {
            return;
        }

        foreach (var keyword in modelled)
        {
            if (Math.Abs(text.Length - keyword.Length) <= Tolerance(keyword) && Topology.EditDistance.Between(text, keyword) <= Tolerance(keyword))
            {
                throw line.Error(word, $"unknown {where} '{text}': did you mean '{keyword}'? (a misspelt command the model uses would otherwise be skipped)");
            }
        }
    }

    /// <summary>Edits allowed: none for short words (too many real commands are near them), one to three for longer ones.</summary>
    private static int Tolerance(string keyword) => keyword.Length switch
    {
        <= 4 => 0,
        <= 7 => 1,
        <= 11 => 2,
        _ => 3,
    };
}
