using FailoverModel.Asa;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Tests;

/// <summary>
/// The seed's pair as the example tests start from it, and the edits a broken implementation would make to a snapshot
/// (a group in another state, a unit in another status, interfaces failed).
/// </summary>
public static class SeedPair
{
    public static PairConfig Config { get; } = BuiltInConfigurations.SeedLanExample;

    public static FailoverPair Pair { get; } = new(Config);

    /// <summary>The seed's pair with regular failover only: no Stateful Failover link.</summary>
    public static PairConfig WithoutStatefulLink { get; } = Edited(c => c, stateLink: false);

    /// <summary>The seed's pair with each context edited (another group, other interface names).</summary>
    public static PairConfig WithContexts(Func<ContextConfig, ContextConfig> edit) => Edited(edit, stateLink: true);

    private static PairConfig Edited(Func<ContextConfig, ContextConfig> edit, bool stateLink) =>
        new(Config.Name, Config.Groups, [.. Config.Contexts.Select(edit)], Config.AdminContext, Config.FailoverLink, stateLink ? Config.StateLink : null);

    /// <summary>Both units booted together and settled: group 1 active on the primary, group 2 on the secondary.</summary>
    public static PairState Running { get; } = Pair.Run([new PowerOn(UnitRole.Primary, BothUnits: true)]);

    public static PairState WithGroup(this PairState s, UnitRole unit, int number, GroupState state)
    {
        var group = FailoverGroupId.Of(number);
        return s.With(unit, s.Unit(unit).WithGroup(group, s.Unit(unit).Group(group) with { State = state }));
    }

    public static PairState WithStatus(this PairState s, UnitRole unit, UnitStatus status) => s.With(unit, s.Unit(unit) with { Status = status });

    public static PairState WithFailedInterfaces(this PairState s, UnitRole unit, ulong interfaces) =>
        s.With(unit, s.Unit(unit) with { FailedInterfaces = interfaces });
}
