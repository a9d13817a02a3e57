using FailoverModel.Pair;
using FailoverModel.Time;

namespace FailoverModel.Oracle;

/// <summary>How a trace line, a vector step or a lock-step request is taken on the model's clock.</summary>
internal static class OracleSteps
{
    /// <summary>One trace step on the model: the event and, when settled, the internal steps after it; or a wait.</summary>
    public static TimedState Advance(TimedPair timed, TimedState t, OracleAction action, bool settle, OutageMeter meter, List<TimedStep> taken, List<SyslogMessage> messages)
    {
        taken.Clear();
        messages.Clear();
        switch (action)
        {
            case OracleEventAction e:
                meter.Reset();
                (t, var result) = timed.Apply(t, e.Event);
                messages.AddRange(result.Messages);
                if (settle)
                {
                    t = timed.Settle(t, taken, meter);
                }

                break;
            case OracleWaitAction w:
                t = timed.Wait(t, w.DurationMs, taken, meter);
                break;
        }

        foreach (var s in taken)
        {
            messages.AddRange(s.Result.Messages);
        }

        return t;
    }
}
