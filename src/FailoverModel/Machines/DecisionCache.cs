namespace FailoverModel.Machines;

/// <summary>
/// Stateless's decisions, remembered: one entry per question a machine is asked (its state, the trigger and whatever its
/// guards read, numbered by the machine). Stateless allocates on every fire, and the explorer asks the same questions
/// millions of times while the answer depends on nothing else; Stateless stays the source of truth, asked once per
/// question. The group, unit and link machines each keep one of these. Safe to share between threads: an entry is
/// written once, its value before the mark that it is known.
/// </summary>
/// <typeparam name="TDecision">The machine's answer, null when the trigger is not permitted.</typeparam>
internal sealed class DecisionCache<TDecision>(int questions)
{
    private readonly TDecision[] _decisions = new TDecision[questions];
    private readonly bool[] _known = new bool[questions];

    /// <summary>The decision for question <paramref name="question"/>, asked of <paramref name="ask"/> the first time only.</summary>
    public TDecision Decide<TQuestion>(int question, TQuestion arguments, Func<TQuestion, TDecision> ask)
    {
        if (Volatile.Read(ref _known[question]))
        {
            return _decisions[question];
        }

        var decision = ask(arguments);
        _decisions[question] = decision;
        Volatile.Write(ref _known[question], true);
        return decision;
    }
}
