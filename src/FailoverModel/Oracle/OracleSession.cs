using FailoverModel.Oracle.Device;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>The judgement of one step: what the model did and where the observation differs (none: it conforms).</summary>
/// <param name="Model">The model's step.</param>
/// <param name="Divergences">Each observed field that differs, in the state object's order; empty when it conforms.</param>
/// <param name="Observed">What was judged, or null when the step carried nothing to compare.</param>
public sealed record StepVerdict(ModelStep Model, IReadOnlyList<Divergence> Divergences, Observation? Observed = null)
{
    /// <summary>True when the observation agrees with the model in every field it carries.</summary>
    public bool Conforms => Divergences.Count == 0;
}

/// <summary>
/// The oracle as a library (docs/oracle.md, "The oracle in C#"): the model on its simulated clock, stepped by the events
/// an implementation under test takes, judging what the implementation observed after each. <c>oracle check</c> and
/// <c>oracle serve</c> are this class fed from JSON lines, so the library, the checker and the lock-step session give the
/// same verdict and the same messages for the same step.
/// </summary>
/// <example>
/// <code>
/// var oracle = new OracleSession(BuiltInConfigurations.SeedLanExample);
/// oracle.Apply("power-on primary secondary");
/// var step = oracle.Apply("power-off primary");
/// var seen = new Observation();
/// seen.Groups[1] = new GroupObservation { ActiveOn = "secondary" };
/// var verdict = oracle.Judge(step, seen);   // verdict.Conforms, verdict.Divergences[i].Message
/// </code>
/// </example>
public sealed class OracleSession
{
    private readonly TimedPair _timed;
    private readonly OracleEventReader _events;
    private long? _lastAt;

    /// <param name="config">The pair's configuration.</param>
    /// <param name="syslogOrder">Whether syslog order counts (docs/oracle.md, "Syslog order").</param>
    public OracleSession(PairConfig config, SyslogOrder syslogOrder = SyslogOrder.Model)
    {
        _timed = new TimedPair(new FailoverPair(config), quiet: true);
        _events = new OracleEventReader(config);
        SyslogOrder = syslogOrder;
        State = _timed.Initial;
    }

    /// <summary>The configuration the model runs.</summary>
    public PairConfig Config => _timed.Config;

    /// <summary>How syslog messages are compared: in the order the model logs them, or in any order.</summary>
    public SyslogOrder SyslogOrder { get; }

    /// <summary>The model's state now, on its clock.</summary>
    public TimedState State { get; private set; }

    /// <summary>Steps taken since power-off.</summary>
    public long Steps { get; private set; }

    internal TimedPair Timed => _timed;

    internal OracleEventReader Events => _events;

    /// <summary>Starts again from power-off: both units off, links up, the clock at 0.</summary>
    public void Reset()
    {
        State = _timed.Initial;
        Steps = 0;
        _lastAt = null;
    }

    /// <summary>Applies an external event and, unless <paramref name="settle"/> is false, the internal steps after it.</summary>
    public ModelStep Apply(Event @event, bool settle = true) => Apply(new OracleEventAction(@event.ToString(), @event), settle);

    /// <summary>Lets time pass on the model's clock, taking every internal step that falls due.</summary>
    public ModelStep Wait(long durationMs) => Apply(new OracleWaitAction($"wait {durationMs}ms", durationMs), settle: true);

    /// <summary>
    /// Applies an event written in the scenario language (<c>power-off primary</c>, <c>wait 30s</c>); a text that is not
    /// one is an <see cref="InputException"/>.
    /// </summary>
    public ModelStep Apply(string @event, bool settle = true) => Apply(_events.Read(@event, "event", 1), settle);

    internal ModelStep Apply(OracleAction action, bool settle)
    {
        var before = State;
        var meter = new OutageMeter(Config.GroupCount);
        var taken = new List<TimedStep>();
        var messages = new List<SyslogMessage>();
        State = OracleSteps.Advance(_timed, State, action, settle, meter, taken, messages);
        Steps++;
        return new ModelStep(Config, before, State, meter.Outage, messages, taken);
    }

    /// <summary>Judges what the implementation observed after <paramref name="step"/>.</summary>
    public StepVerdict Judge(ModelStep step, Observation observed) => new(step, StepJudge.Judge(step, observed, SyslogOrder), observed);

    /// <summary>
    /// Takes one trace line: its event, then the judgement of what it carries (state members, device text, or both;
    /// none: the step conforms trivially). Bad input is an <see cref="InputException"/> at <paramref name="line"/>.
    /// </summary>
    internal StepVerdict Step(TraceLine traceLine, string file, long line)
    {
        var action = _events.Read(traceLine.Event, file, line);
        var observed = ObservationOf(traceLine, file, line);
        var step = Apply(action, traceLine.Settle);
        var verdict = observed is null ? new StepVerdict(step, []) : Judge(step, observed);
        if (traceLine.At is not { } at)
        {
            // A step without 'at' ends the run of timed lines: the next 'at' starts the clock again, never measured
            // across a step whose moment the trace does not give.
            _lastAt = null;
            return verdict;
        }

        // Timing: how long the step took on the implementation's clock (from the previous line's 'at'), judged against
        // the least and the most the model allows for it (docs/oracle.md, "Timing").
        var previous = _lastAt;
        _lastAt = at;
        if (previous is not { } from)
        {
            return verdict;
        }

        var (least, most) = StepTiming.Bounds(Config, action, step);
        var took = at - from;
        return took >= least && took <= most
            ? verdict
            : verdict with { Divergences = [.. verdict.Divergences, new Divergence("at", $"{least}..{most} ms after the previous line", $"{took} ms", DivergenceKind.Timing)], Observed = observed ?? new Observation() };
    }

    /// <summary>The observation a line carries: its state members with what its device text shows added .</summary>
    private Observation? ObservationOf(TraceLine traceLine, string file, long line)
    {
        if (traceLine.Device is not { } device)
        {
            return traceLine.Observation;
        }

        // Members written in JSON stand beside what the device text shows; where both give a field, the JSON's is judged.
        var observed = traceLine.Observation ?? new Observation();
        DeviceObservations.Read(Config, device, observed, file, line);
        return observed;
    }
}
