using FailoverModel.Machines;
using FailoverModel.Rules;

namespace FailoverModel.Tests.Machines;

/// <summary>
/// The machines answer from tables of Stateless's decisions. After every input has been asked twice (the
/// second answer comes from the table), the table and the Stateless machine asked directly agree on every
/// (state, trigger, guard inputs): the tables are a cache of Stateless, not a second copy of the rules.
/// </summary>
public class CompiledTableTests
{
    [Fact]
    public void TheGroupMachinesTableAgreesWithStatelessOnEveryInput()
    {
        var machine = new FailoverGroupMachine(GroupRules.All);
        var asked = 0;
        foreach (var state in GroupStates.All)
        {
            foreach (var trigger in Enum.GetValues<GroupTrigger>())
            {
                for (var c = 0; c < GroupConditionsExtensions.Combinations; c++)
                {
                    var conditions = (GroupConditions)c;
                    machine.Fire(state, trigger, conditions);
                    Assert.Equal(machine.AskStatelessDirectly(state, trigger, conditions), machine.Fire(state, trigger, conditions));
                    asked++;
                }
            }
        }

        Assert.Equal(GroupStates.All.Length * Enum.GetValues<GroupTrigger>().Length * 4_096, asked);
    }

    [Fact]
    public void TheUnitMachinesTableAgreesWithStatelessOnEveryInput()
    {
        var machine = new UnitMachine();
        foreach (var status in Enum.GetValues<UnitStatus>())
        {
            foreach (var trigger in Enum.GetValues<UnitTrigger>())
            {
                foreach (var startup in (bool[])[false, true])
                {
                    machine.Fire(status, trigger, startup);
                    Assert.Equal(machine.AskStatelessDirectly(status, trigger, startup), machine.Fire(status, trigger, startup));
                }
            }
        }
    }

    [Fact]
    public void TheLinkMachinesTableAgreesWithStatelessOnEveryInput()
    {
        var machine = new LinkMachine();
        foreach (var status in Enum.GetValues<LinkStatus>())
        {
            foreach (var trigger in Enum.GetValues<LinkTrigger>())
            {
                machine.Fire(status, trigger);
                Assert.Equal(machine.AskStatelessDirectly(status, trigger), machine.Fire(status, trigger));
            }
        }
    }
}
