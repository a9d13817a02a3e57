using FailoverModel.Machines;

namespace FailoverModel.Tests.Machines;

public class UnitMachineTests
{
    private readonly UnitMachine _machine = new();

    [Theory]
    [InlineData(true, UnitStatus.FailoverOn)]
    [InlineData(false, UnitStatus.FailoverOff)]
    public void AUnitBootsWithFailoverAsItsStartupConfigurationSays(bool startupFailover, UnitStatus expected)
    {
        Assert.Equal(expected, _machine.Fire(UnitStatus.PoweredOff, UnitTrigger.PowerOn, startupFailover));
        Assert.Equal(expected, _machine.Fire(UnitStatus.Reloading, UnitTrigger.ReloadCompletes, startupFailover));
    }

    [Fact]
    public void ASoftwareFailureReloadsTheUnit() =>
        Assert.Equal(UnitStatus.Reloading, _machine.Fire(UnitStatus.FailoverOn, UnitTrigger.SoftwareFailure, true));

    [Fact]
    public void AHardwareFailureLastsUntilTheUnitIsReplaced()
    {
        Assert.Equal(UnitStatus.HardwareFailed, _machine.Fire(UnitStatus.FailoverOn, UnitTrigger.HardwareFailure, true));
        foreach (var trigger in new[] { UnitTrigger.PowerOn, UnitTrigger.ReloadCompletes, UnitTrigger.EnableFailover, UnitTrigger.SoftwareFailure })
        {
            Assert.Null(_machine.Fire(UnitStatus.HardwareFailed, trigger, true));
        }

        Assert.Equal(UnitStatus.PoweredOff, _machine.Fire(UnitStatus.HardwareFailed, UnitTrigger.Replace, true));
    }

    [Fact]
    public void FailoverIsEnabledAndDisabledOnlyOnARunningUnit()
    {
        Assert.Equal(UnitStatus.FailoverOff, _machine.Fire(UnitStatus.FailoverOn, UnitTrigger.DisableFailover, true));
        Assert.Equal(UnitStatus.FailoverOn, _machine.Fire(UnitStatus.FailoverOff, UnitTrigger.EnableFailover, true));
        Assert.Null(_machine.Fire(UnitStatus.PoweredOff, UnitTrigger.EnableFailover, true));
        Assert.Null(_machine.Fire(UnitStatus.FailoverOn, UnitTrigger.EnableFailover, true));
    }
}
