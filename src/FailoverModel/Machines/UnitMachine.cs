using Stateless;
using Stateless.Reflection;

namespace FailoverModel.Machines;

/// <summary>What happens to a unit as a whole (seed, "Failover Triggers": hardware, power and software failure; <c>failover</c>).</summary>
public enum UnitTrigger : byte
{
    /// <summary>The unit is powered on and boots from its startup configuration.</summary>
    PowerOn,

    /// <summary>The unit loses power.</summary>
    PowerFailure,

    /// <summary>A software failure: the unit fails and reloads.</summary>
    SoftwareFailure,

    /// <summary>The reload after a software failure ends.</summary>
    ReloadCompletes,

    /// <summary>A hardware failure: the unit stays failed.</summary>
    HardwareFailure,

    /// <summary>The unit is replaced by a new one, powered off, carrying only the failover bootstrap.</summary>
    Replace,

    /// <summary><c>failover</c> is entered on the unit.</summary>
    EnableFailover,

    /// <summary><c>no failover</c> is entered on the unit.</summary>
    DisableFailover,
}

/// <summary>
/// The unit: power, boot from its startup configuration, software failure (fail and reload), hardware failure (failed
/// until replaced) and failover enabled or disabled. A unit boots with failover on when its startup configuration
/// says <c>failover</c>; a replacement unit carries only the bootstrap (seed, "Replace the Failed Unit with a New Unit").
/// </summary>
internal sealed class UnitMachine
{
    private static readonly int TriggerCount = Enum.GetValues<UnitTrigger>().Length;
    private readonly StateMachine<UnitStatus, UnitTrigger> _machine;
    private readonly DecisionCache<UnitStatus?> _decisions = new(Enum.GetValues<UnitStatus>().Length * TriggerCount * 2);
    private UnitStatus _status;
    private bool _startupEnablesFailover;

    public UnitMachine()
    {
        _machine = new StateMachine<UnitStatus, UnitTrigger>(() => _status, s => _status = s, FiringMode.Immediate);

        _machine.Configure(UnitStatus.PoweredOff)
            .PermitIf(UnitTrigger.PowerOn, UnitStatus.FailoverOn, () => _startupEnablesFailover, "startup configuration has failover")
            .PermitIf(UnitTrigger.PowerOn, UnitStatus.FailoverOff, () => !_startupEnablesFailover, "startup configuration has no failover")
            .PermitReentry(UnitTrigger.Replace);

        _machine.Configure(UnitStatus.FailoverOn)
            .Permit(UnitTrigger.PowerFailure, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.SoftwareFailure, UnitStatus.Reloading)
            .Permit(UnitTrigger.HardwareFailure, UnitStatus.HardwareFailed)
            .Permit(UnitTrigger.Replace, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.DisableFailover, UnitStatus.FailoverOff);

        _machine.Configure(UnitStatus.FailoverOff)
            .Permit(UnitTrigger.PowerFailure, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.SoftwareFailure, UnitStatus.Reloading)
            .Permit(UnitTrigger.HardwareFailure, UnitStatus.HardwareFailed)
            .Permit(UnitTrigger.Replace, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.EnableFailover, UnitStatus.FailoverOn);

        // A software failure reloads the unit: it boots again from its startup configuration.
        _machine.Configure(UnitStatus.Reloading)
            .PermitIf(UnitTrigger.ReloadCompletes, UnitStatus.FailoverOn, () => _startupEnablesFailover, "startup configuration has failover")
            .PermitIf(UnitTrigger.ReloadCompletes, UnitStatus.FailoverOff, () => !_startupEnablesFailover, "startup configuration has no failover")
            .Permit(UnitTrigger.PowerFailure, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.HardwareFailure, UnitStatus.HardwareFailed)
            .Permit(UnitTrigger.Replace, UnitStatus.PoweredOff);

        // A hardware failure lasts until the unit is replaced.
        _machine.Configure(UnitStatus.HardwareFailed)
            .Permit(UnitTrigger.PowerFailure, UnitStatus.PoweredOff)
            .Permit(UnitTrigger.Replace, UnitStatus.PoweredOff);
    }

    /// <summary>The unit's status after the trigger, or null when the trigger does not apply in that status.</summary>
    public UnitStatus? Fire(UnitStatus from, UnitTrigger trigger, bool startupEnablesFailover)
    {
        // Stateless's decisions, remembered per (status, trigger, startup configuration): they depend on nothing else.
        var key = ((((int)from * TriggerCount) + (int)trigger) * 2) + (startupEnablesFailover ? 1 : 0);
        return _decisions.Decide(key, (Machine: this, From: from, Trigger: trigger, Startup: startupEnablesFailover), static q => q.Machine.AskStateless(q.From, q.Trigger, q.Startup));
    }

    /// <summary>The decision of the Stateless machine itself, bypassing the table (for the test that they agree).</summary>
    internal UnitStatus? AskStatelessDirectly(UnitStatus from, UnitTrigger trigger, bool startupEnablesFailover) => AskStateless(from, trigger, startupEnablesFailover);

    private UnitStatus? AskStateless(UnitStatus from, UnitTrigger trigger, bool startupEnablesFailover)
    {
        _status = from;
        _startupEnablesFailover = startupEnablesFailover;
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        _machine.Fire(trigger);
        return _status;
    }

    public StateMachineInfo GetInfo()
    {
        _status = UnitStatus.PoweredOff;
        return _machine.GetInfo();
    }
}
