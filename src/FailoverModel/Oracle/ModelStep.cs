using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// What the model did in one trace step: the state after it on the simulated clock, each group's outage since the
/// event, and the messages logged, in the model's order (docs/oracle.md, "Syslog order").
/// </summary>
/// <param name="Config">The pair's configuration.</param>
/// <param name="Before">The state before the step.</param>
/// <param name="After">The state after the step.</param>
/// <param name="Outage">Each group's time without an active unit during the step, in milliseconds.</param>
/// <param name="Messages">The messages logged during the step.</param>
/// <param name="Steps">The internal steps taken, each with the time it was taken at.</param>
public sealed record ModelStep(PairConfig Config, TimedState Before, TimedState After, IReadOnlyList<long> Outage, IReadOnlyList<SyslogMessage> Messages, IReadOnlyList<TimedStep> Steps)
{
    /// <summary>The snapshot the model settled in after the step.</summary>
    public PairState State => After.State;
}
