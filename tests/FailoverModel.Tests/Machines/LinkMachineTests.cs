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
}
