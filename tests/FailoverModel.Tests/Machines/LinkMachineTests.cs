using FailoverModel.Machines;

namespace FailoverModel.Tests.Machines;

public class LinkMachineTests
{
    private readonly LinkMachine _machine = new();

    [Fact]
    public void ALinkFailsAndIsRestored()
    {
        Assert.Equal(LinkStatus.Down, _machine.Fire(LinkStatus.Up, LinkTrigger.LinkFails));
        Assert.Equal(LinkStatus.Up, _machine.Fire(LinkStatus.Down, LinkTrigger.LinkRestored));
    }

    [Fact]
    public void AFailedLinkCannotFailAgainNorAnUpLinkBeRestored()
    {
        Assert.Null(_machine.Fire(LinkStatus.Down, LinkTrigger.LinkFails));
        Assert.Null(_machine.Fire(LinkStatus.Up, LinkTrigger.LinkRestored));
    }

    [Fact]
    public void AStatefulLinkThatIsNotConfiguredNeitherFailsNorRecovers()
    {
        Assert.Null(_machine.Fire(LinkStatus.NotConfigured, LinkTrigger.LinkFails));
        Assert.Null(_machine.Fire(LinkStatus.NotConfigured, LinkTrigger.LinkRestored));
    }

    /// <summary>What the machine publishes (and the diagrams draw) names every status, "not configured" as a state with no way out.</summary>
    [Fact]
    public void TheMachinesDescriptionNamesEveryLinkStatus()
    {
        var states = _machine.GetInfo().States.ToDictionary(s => (LinkStatus)s.UnderlyingState, s => s.FixedTransitions.Count());

        Assert.Equal(Enum.GetValues<LinkStatus>().Order(), states.Keys.Order());
        Assert.Equal(0, states[LinkStatus.NotConfigured]);
        Assert.Equal(1, states[LinkStatus.Up]);
        Assert.Equal(1, states[LinkStatus.Down]);
    }
}
