using FailoverModel.Asa.Show;
using FailoverModel.Machines;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>How syslog is compared (docs/oracle.md, "Syslog order").</summary>
public enum SyslogOrder
{
    /// <summary>In the model's order: a message at another place is reported as moved.</summary>
    Model,

    /// <summary>As a multiset: only missing and extra messages are reported (implementations that log concurrently).</summary>
    Any,
}

/// <summary>
/// The one judgement of an observation (docs/oracle.md): every member the observation has is compared with the model's
/// state after the step; a member left out is not compared. <c>oracle check</c>, <c>oracle serve</c> and the library's
/// <see cref="OracleSession"/> all judge with this.
/// </summary>
internal static class StepJudge
{
    /// <summary>At most this many divergences are listed for one step.</summary>
    public const int Limit = 16;

    public static IReadOnlyList<Divergence> Judge(ModelStep model, Observation observed, SyslogOrder order = SyslogOrder.Model)
    {
        var into = new List<Divergence>();
        var config = model.Config;
        var state = model.State;
        if (observed.Time is { } time)
        {
            Number(into, observed, "time", model.After.NowMs, time);
        }

        foreach (var unit in UnitRoles.Both)
        {
            if (observed.Units.TryGetValue(unit, out var u))
            {
                Unit(into, observed, config, state, unit, u);
            }
        }

        if (observed.Links is { } links)
        {
            Text(into, observed, "links.failover", state.FailoverLink.Token(), links.Failover);
            Text(into, observed, "links.state", state.StateLink.Token(), links.State);
        }

        foreach (var g in config.GroupIds)
        {
            if (observed.Groups.TryGetValue(g.Number, out var group))
            {
                Text(into, observed, $"groups.{g}.activeOn", state.ActiveOn(g).Token(), group.ActiveOn);
                if (group.Outage is { } outage)
                {
                    Number(into, observed, $"groups.{g}.outage", model.Outage[g.Index], outage);
                }
            }
        }

        foreach (var context in config.Contexts)
        {
            if (observed.Contexts.TryGetValue(context.Name, out var c))
            {
                if (c.Group is { } group)
                {
                    Number(into, observed, $"contexts.{context.Name}.group", context.Group.Number, group);
                }

                Text(into, observed, $"contexts.{context.Name}.activeOn", state.ActiveOn(context.Group).Token(), c.ActiveOn);
            }
        }

        foreach (var g in config.GroupIds)
        {
            if (observed.Connections.TryGetValue(g.Number, out var c))
            {
                var table = state.Connections.Group(g);
                List(into, observed, $"connections.{g}.open", [.. ConnectionKindValues.Tokens(table.Open)], c.Open);
                List(into, observed, $"connections.{g}.replicated", [.. ConnectionKindValues.Tokens(table.Replicated)], c.Replicated);
            }
        }

        foreach (var unit in UnitRoles.Both)
        {
            if (observed.Views.TryGetValue(unit, out var v))
            {
                Text(into, observed, $"views.{unit.Token()}.contact", state.Unit(unit).View.Contact.Token(), v.Contact);
                foreach (var g in config.GroupIds)
                {
                    if (v.Groups.TryGetValue(g.Number, out var mate))
                    {
                        Text(into, observed, $"views.{unit.Token()}.groups.{g}.state", ShowCommands.MateGroupDisplay(state, unit, g), mate.State);
                        Text(into, observed, $"views.{unit.Token()}.groups.{g}.reason", ShowCommands.MateReasonDisplay(state, unit, g), mate.Reason);
                    }
                }
            }
        }

        if (observed.Syslog is { } syslog)
        {
            SyslogDiff.Compare(model.Messages, syslog, order, observed.SyslogPerUnit, into);
        }

        foreach (var also in observed.Also)
        {
            into.AddRange(Judge(model, also, order));
        }

        return into.Count > Limit ? into[..Limit] : into;
    }

    private static void Unit(List<Divergence> into, Observation o, PairConfig config, PairState state, UnitRole unit, UnitObservation u)
    {
        var me = state.Unit(unit);
        var at = $"units.{unit.Token()}";
        Text(into, o, $"{at}.power", me.Status == UnitStatus.PoweredOff ? "off" : "on", u.Power);
        Text(into, o, $"{at}.failover", me.Status == UnitStatus.FailoverOn ? "enabled" : "disabled", u.Failover);
        Text(into, o, $"{at}.status", me.Status.Display(), u.Status);
        foreach (var g in config.GroupIds)
        {
            if (u.Groups.TryGetValue(g.Number, out var group))
            {
                Text(into, o, $"{at}.groups.{g}.state", me.Group(g).State.Display(), group.State);
                Text(into, o, $"{at}.groups.{g}.reason", me.Group(g).Reason.Display(), group.Reason);
            }
        }

        if (u.FailedInterfaces is { } failed)
        {
            List(into, o, $"{at}.failedInterfaces", [.. Enumerable.Range(0, config.Interfaces.Length).Where(me.IsInterfaceFailed).Select(i => config.Interfaces[i].Name.ToString())], failed);
        }

        for (var space = 0; space < config.Spaces; space++)
        {
            var name = config.SpaceName(space);
            if (!u.Configuration.TryGetValue(name, out var revisions))
            {
                continue;
            }

            var path = $"{at}.configuration.{name}";
            if (revisions.Count != 2)
            {
                into.Add(new Divergence($"{path}.length", "2", JsonText.Of(revisions.Count), Source: Source(o, path)));
                continue;
            }

            Number(into, o, $"{path}[0]", (long)me.Configuration.Running(space), revisions[0]);
            Number(into, o, $"{path}[1]", (long)me.Configuration.Startup(space), revisions[1]);
        }
    }

    private static DeviceSource? Source(Observation o, string path) => o.Sources.Count == 0 ? null : o.Sources.GetValueOrDefault(path);

    private static void Text(List<Divergence> into, Observation o, string path, string expected, string? observed)
    {
        if (observed is not null && observed != expected)
        {
            into.Add(new Divergence(path, JsonText.Of(expected), JsonText.Of(observed), Source: Source(o, path)));
        }
    }

    private static void Number(List<Divergence> into, Observation o, string path, long expected, ObservedNumber observed)
    {
        if (observed.Value != expected)
        {
            into.Add(new Divergence(path, JsonText.Of(expected), observed.Text, Source: Source(o, path)));
        }
    }

    private static void List(List<Divergence> into, Observation o, string path, List<string> expected, List<string>? observed)
    {
        if (observed is null)
        {
            return;
        }

        if (observed.Count != expected.Count)
        {
            into.Add(new Divergence($"{path}.length", JsonText.Of(expected.Count), JsonText.Of(observed.Count), Source: Source(o, path)));
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Text(into, o, $"{path}[{i}]", expected[i], observed[i]);
        }
    }
}
