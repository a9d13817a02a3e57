using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Invariants;

/// <summary>
/// Seed, "Command Replication": "Failure to enter the commands on the appropriate unit for command replication to occur
/// causes the configurations to be out of synchronization." Two running units whose running configurations agree in a
/// space come to differ there only through a configuration command that was not replicated: entered on the wrong unit,
/// while the peer did not answer, or one ASA never replicates.
/// </summary>
internal sealed class ConfigurationsDivergeOnlyThroughCommandsNotReplicated : Invariant
{
    public override string Name => nameof(ConfigurationsDivergeOnlyThroughCommandsNotReplicated);

    public override string Source => "Command Replication";

    public override string? Check(InvariantContext step)
    {
        if (step.Before is not { } before || !before.Primary.Status.IsRunning() || !before.Secondary.Status.IsRunning()
            || !step.After.Primary.Status.IsRunning() || !step.After.Secondary.Status.IsRunning())
        {
            return null;
        }

        for (var space = 0; space < step.Config.Spaces; space++)
        {
            var agreed = before.Primary.Configuration.RunningEquals(before.Secondary.Configuration, space);
            var agrees = step.After.Primary.Configuration.RunningEquals(step.After.Secondary.Configuration, space);
            // A failover group's sub-mode is a configuration command of the system space like any other.
            if (agreed && !agrees && !(step.Event is CommandEvent { Command: ConfigurationCommand or FailoverGroupMode } command && step.Config.SpaceOf(command.Context) == space))
            {
                return $"the running configurations of {step.Config.SpaceName(space)} diverged on '{step.Event}', which is not a configuration command entered in that space";
            }

            if (agreed && !agrees && step.Event is CommandEvent { Command: ConfigurationCommand { Replicated: true } or FailoverGroupMode } replicated
                && CommandReplication.EnteredOnTheRightUnit(step.Config, before, replicated))
            {
                return $"the running configurations of {step.Config.SpaceName(space)} diverged on '{step.Event}', entered on the unit that replicates it";
            }
        }

        return null;
    }
}
