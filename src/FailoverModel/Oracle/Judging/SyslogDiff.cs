using FailoverModel.Topology;
using FailoverModel.Pair;

namespace FailoverModel.Oracle;

/// <summary>
/// Compares the messages a trace logged in a step with the model's (docs/oracle.md, "Syslog order"): the longest run of
/// messages both log in the same order is matched first; of what is left, a message both log is reported as moved, one
/// the model logs alone as missing, one the trace logs alone as extra, and a missing and an extra message of the same
/// unit and id as the members that differ. An observed message is a pattern: a member it leaves out matches anything.
/// </summary>
internal static class SyslogDiff
{
    /// <param name="expected">The model's messages, in its order.</param>
    /// <param name="observed">The trace's messages, in its order.</param>
    /// <param name="order">Whether order counts.</param>
    /// <param name="perUnit">Each unit's messages are in order but the two units' are not interleaved (device logs).</param>
    /// <param name="into">Receives the divergences, in the model's order.</param>
    public static void Compare(IReadOnlyList<SyslogMessage> expected, IReadOnlyList<SyslogObservation> observed, SyslogOrder order, bool perUnit, List<Divergence> into)
    {
        var n = expected.Count;
        var m = observed.Count;
        if (n == m && PairwiseMatch(expected, observed, perUnit))
        {
            // The common case, and nothing to report in any order: each message matched by the one at its place is a
            // longest common run of the whole lists (of each unit's too, when every observed message names its unit)
            // and a complete matching, so nothing is moved, missing or extra.
            return;
        }

        var pairOfExpected = new int[n];
        var pairOfObserved = new int[m];
        Array.Fill(pairOfExpected, -1);
        Array.Fill(pairOfObserved, -1);
        if (order == SyslogOrder.Model)
        {
            if (perUnit)
            {
                foreach (var unit in new[] { "primary", "secondary" })
                {
                    var e = Enumerable.Range(0, n).Where(i => expected[i].Unit.Token() == unit).ToList();
                    var o = Enumerable.Range(0, m).Where(j => observed[j].Unit == unit).ToList();
                    InOrder(expected, observed, e, o, pairOfExpected, pairOfObserved);
                }
            }
            else
            {
                InOrder(expected, observed, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, m)], pairOfExpected, pairOfObserved);
            }
        }

        var inOrder = (int[])pairOfExpected.Clone();
        AnyOrder(expected, observed, pairOfExpected, pairOfObserved);
        var differences = new List<(int Order, Divergence Divergence)>();
        for (var i = 0; i < n; i++)
        {
            if (order == SyslogOrder.Model && pairOfExpected[i] >= 0 && inOrder[i] < 0)
            {
                differences.Add((i, new Divergence($"syslog[{i}]", JsonText.Of(expected[i]), $"syslog[{pairOfExpected[i]}]", DivergenceKind.Moved, observed[pairOfExpected[i]].Source)));
            }
        }

        // A message of the same unit and id left on both sides is one message with a member wrong, not two.
        for (var i = 0; i < n; i++)
        {
            if (pairOfExpected[i] >= 0)
            {
                continue;
            }

            var j = Enumerable.Range(0, m).FirstOrDefault(j => pairOfObserved[j] < 0 && SameMessage(expected[i], observed[j]), -1);
            if (j < 0)
            {
                differences.Add((i, new Divergence($"syslog[{i}]", JsonText.Of(expected[i]), "", DivergenceKind.Missing)));
                continue;
            }

            (pairOfExpected[i], pairOfObserved[j]) = (j, i);
            var o = observed[j];
            var e = expected[i];
            if (o.Text is { } text && !TextMatches(e, o))
            {
                differences.Add((i, new Divergence($"syslog[{j}].text", JsonText.Of(e.Text), JsonText.Of(text), Source: o.Source) { Member = $"the {e.Unit.Token()}'s {e.Id}" }));
            }

            if (o.Severity is { } severity && severity != e.Severity)
            {
                differences.Add((i, new Divergence($"syslog[{j}].severity", JsonText.Of(e.Severity), JsonText.Of(severity), Source: o.Source) { Member = Named(e) }));
            }

            if (o.Group is { } group && group.Value != (e.Group?.Number ?? -1))
            {
                differences.Add((i, new Divergence($"syslog[{j}].group", e.Group is { } g ? JsonText.Of(g.Number) : "(none)", group.Text, Source: o.Source) { Member = Named(e) }));
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (pairOfObserved[j] < 0)
            {
                differences.Add((n + j, new Divergence($"syslog[{j}]", "", JsonText.Of(observed[j]), DivergenceKind.Extra, observed[j].Source)));
            }
        }

        into.AddRange(differences.OrderBy(d => d.Order).Select(d => d.Divergence));
    }

    /// <summary>A message named by its unit, id and text, for a divergence in one of its other members.</summary>
    private static string Named(SyslogMessage e) => $"the {e.Unit.Token()}'s {e.Id} {JsonText.Of(e.Text)}";

    /// <summary>True when every member the observation has equals the message's.</summary>
    public static bool Matches(SyslogMessage e, SyslogObservation o) =>
        (o.Unit is null || o.Unit == e.Unit.Token())
        && (o.Id is null || o.Id.Value.Value == e.Id)
        && (o.Text is null || TextMatches(e, o))
        && (o.Group is null || o.Group.Value.Value == (e.Group?.Number ?? -1))
        && (o.Severity is null || o.Severity == e.Severity);

    /// <summary>
    /// The device lines that matched a message of the model in a documented form other than the model's, each with the
    /// source of that form (<see cref="SyslogCatalogue.DocumentedForms"/>).
    /// </summary>
    public static IEnumerable<string> OtherFormsMatched(IReadOnlyList<SyslogMessage> expected, IReadOnlyList<SyslogObservation> observed)
    {
        foreach (var o in observed.Where(o => o.Source is not null && o.Text is not null))
        {
            var candidates = expected.Where(e => (o.Unit is null || o.Unit == e.Unit.Token()) && (o.Id is null || o.Id.Value.Value == e.Id)).ToList();
            if (candidates.Any(e => e.Text == o.Text))
            {
                continue;
            }

            foreach (var e in candidates)
            {
                if (SyslogCatalogue.DocumentedForms(e).Skip(1).FirstOrDefault(f => f.Text == o.Text) is { Text: not null } form)
                {
                    yield return $"{e.Id} in the form of the {form.Form}";
                    break;
                }
            }
        }
    }

    /// <summary>
    /// True when the observed text is the model's, or, for a line read from a device, one of the forms of the message
    /// a device is documented to write (<see cref="SyslogCatalogue.DocumentedForms"/>).
    /// </summary>
    private static bool TextMatches(SyslogMessage e, SyslogObservation o) =>
        o.Text == e.Text || (o.Source is not null && SyslogCatalogue.DocumentedForms(e).Any(f => f.Text == o.Text));

    private static bool PairwiseMatch(IReadOnlyList<SyslogMessage> expected, IReadOnlyList<SyslogObservation> observed, bool perUnit)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            if (!Matches(expected[i], observed[i]) || (perUnit && observed[i].Unit is null))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameMessage(SyslogMessage e, SyslogObservation o) =>
        o.Id is { } id && id.Value == e.Id && (o.Unit is null || o.Unit == e.Unit.Token());

    /// <summary>The longest common subsequence of the two lists under <see cref="Matches"/>, recorded as pairs.</summary>
    private static void InOrder(IReadOnlyList<SyslogMessage> expected, IReadOnlyList<SyslogObservation> observed, List<int> e, List<int> o, int[] pairOfExpected, int[] pairOfObserved)
    {
        var lengths = new int[e.Count + 1, o.Count + 1];
        for (var i = e.Count - 1; i >= 0; i--)
        {
            for (var j = o.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = Matches(expected[e[i]], observed[o[j]])
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        for (int i = 0, j = 0; i < e.Count && j < o.Count;)
        {
            if (Matches(expected[e[i]], observed[o[j]]) && lengths[i, j] == lengths[i + 1, j + 1] + 1)
            {
                (pairOfExpected[e[i]], pairOfObserved[o[j]]) = (o[j], e[i]);
                i++;
                j++;
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }

    /// <summary>A maximum matching of the messages still unpaired, order aside (augmenting paths: a step logs few messages).</summary>
    private static void AnyOrder(IReadOnlyList<SyslogMessage> expected, IReadOnlyList<SyslogObservation> observed, int[] pairOfExpected, int[] pairOfObserved)
    {
        var free = Enumerable.Range(0, observed.Count).Where(j => pairOfObserved[j] < 0).ToList();
        var owner = new Dictionary<int, int>();
        for (var i = 0; i < expected.Count; i++)
        {
            if (pairOfExpected[i] < 0)
            {
                Augment(i, new HashSet<int>());
            }
        }

        foreach (var (j, i) in owner)
        {
            (pairOfExpected[i], pairOfObserved[j]) = (j, i);
        }

        bool Augment(int i, HashSet<int> visited)
        {
            foreach (var j in free)
            {
                if (!Matches(expected[i], observed[j]) || !visited.Add(j))
                {
                    continue;
                }

                if (!owner.TryGetValue(j, out var other) || Augment(other, visited))
                {
                    owner[j] = i;
                    return true;
                }
            }

            return false;
        }
    }
}
