using FailoverModel.Pair;
using FailoverModel.Rules;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle.Timed;

/// <summary>One case of a timed suite: a fault at a phase of its poll, and how long the model's step took against the window it allows.</summary>
/// <param name="Case">The case number.</param>
/// <param name="Fault">The fault, as the manifest names it.</param>
/// <param name="Row">The seed's failure-event table row, or null for a command.</param>
/// <param name="PhaseMs">Where in the poll period the fault struck, in milliseconds after a poll.</param>
/// <param name="TookMs">How long the fault's step took on the model's clock, from the event to the settled state.</param>
/// <param name="LeastMs">The least the oracle allows for the step (docs/oracle.md, "Timing").</param>
/// <param name="MostMs">The most the oracle allows for the step.</param>
internal sealed record TimedCase(long Case, string Fault, FailureEvent? Row, long PhaseMs, long TookMs, long LeastMs, long MostMs);

/// <summary>What a timed suite holds: its cases (those written, with a shard) and their steps.</summary>
/// <param name="Cases">The cases written, in order.</param>
/// <param name="Steps">Steps written.</param>
/// <param name="TourCases">Cases of the whole suite (all shards).</param>
internal sealed record TimedCoverage(IReadOnlyList<TimedCase> Cases, long Steps, long TourCases);

/// <summary>
/// Writes a timed suite (docs/oracle.md, "Timed suites"): each case starts from power-off, takes the fault's setup,
/// waits until the model's clock is at the phase of the poll the case is for, and injects the fault. Every line carries
/// <c>at</c>, when the model settled the step on its clock, and the state object without the model's clock
/// (<c>time</c>, outages): an implementation is judged on how long each step took, against the least and the most
/// the model allows for it, not on where its polls happen to fall. The model's own timing is judged as an
/// implementation's would be before it is written, so a suite conforms to <c>oracle check</c> by construction.
/// </summary>
internal static class TimedVectors
{
    public static TimedCoverage Write(PairConfig config, TimedSuite suite, JsonLinesVectorSink? jsonl, ItfVectorSink? itf, VectorOptions options, CancellationToken cancellation = default)
    {
        var cases = new List<TimedCase>();
        long written = 0, number = 0;
        var period = suite.PeriodMs(config);
        foreach (var fault in suite.Faults)
        {
            foreach (var phase in suite.PhasesMs(config))
            {
                cancellation.ThrowIfCancellationRequested();
                number++;
                if (!options.Writes(number))
                {
                    continue;
                }

                itf?.BeginCase(number);
                var session = new OracleSession(config);
                var step = 0L;
                (ModelStep Step, long Least, long Most) Take(string text)
                {
                    var action = session.Events.Read(text, suite.Name, number);
                    var taken = session.Apply(action, settle: true);
                    var (least, most) = StepTiming.Bounds(config, action, taken);
                    var took = taken.After.NowMs - taken.Before.NowMs;
                    if (step > 0 && (took < least || took > most))
                    {
                        throw new InvalidOperationException($"{suite.Name}, case {number}: '{text}' took {took} ms on the model, outside the {least}..{most} ms the oracle allows: the model's timing and the oracle's bounds disagree");
                    }

                    step++;
                    jsonl?.Step(number, step, text, taken.After.NowMs, taken.State, taken.Messages);
                    itf?.Step(step, text, taken.After.NowMs, taken.State, taken.Messages);
                    written++;
                    return (taken, least, most);
                }

                foreach (var e in fault.Setup)
                {
                    Take(e.ToString());
                }

                // The wait that puts the fault at its phase: at least a millisecond, at most one period.
                var wait = ((phase - session.State.NowMs) % period + period) % period;
                Take($"wait {FailoverTimers.Seconds(wait == 0 ? period : wait)}");
                var (faulted, lo, hi) = Take(fault.Fault.ToString());
                cases.Add(new TimedCase(number, fault.Name, fault.Row, faulted.Before.NowMs % period, faulted.After.NowMs - faulted.Before.NowMs, lo, hi));
                itf?.EndCase(number);
            }
        }

        return new TimedCoverage(cases, written, number);
    }
}
