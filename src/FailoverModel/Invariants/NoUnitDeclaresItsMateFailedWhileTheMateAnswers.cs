using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// ASA configuration guide, "Unit Health Monitoring": a unit classifies its mate as failed only when "the ASA does not
/// receive a response on any interface". So no unit comes to show its mate failed in a step where the mate still runs
/// failover and can answer: on the failover link, or on a data interface that is up on both units.
/// </summary>
internal sealed class NoUnitDeclaresItsMateFailedWhileTheMateAnswers : Invariant
{
    public override string Name => nameof(NoUnitDeclaresItsMateFailedWhileTheMateAnswers);

    public override string Source => "ASA configuration guide, Unit Health Monitoring; table row 1";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before)
        {
            return null;
        }

        foreach (var unit in UnitRoles.Both)
        {
            if (NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers.ShowsItsMateFailed(before, unit)
                || !NoFailoverWhileTheFailoverLinkIsDownAndTheMateAnswers.ShowsItsMateFailed(step.After, unit))
            {
                continue;
            }

            if (MateAnswers(step.Config, before, unit) is { } how)
            {
                return $"{unit.Token()} declared its mate failed although the mate runs failover and answers {how} (event: {step.Event})";
            }
        }

        return null;
    }

    /// <summary>Where the mate of <paramref name="unit"/> could answer, or null when it answers nowhere.</summary>
    internal static string? MateAnswers(PairConfig config, PairState state, UnitRole unit)
    {
        if (state.Unit(unit.Mate()).Status != UnitStatus.FailoverOn)
        {
            return null;
        }

        if (state.FailoverLink == LinkStatus.Up)
        {
            return "on the failover link";
        }

        return (state.Primary.FailedInterfaces | state.Secondary.FailedInterfaces) != config.AllInterfacesMask ? "on a data interface" : null;
    }
}
