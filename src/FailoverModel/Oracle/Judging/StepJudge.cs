using System.Runtime.CompilerServices;
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
            Number(into, observed, model.After.NowMs, time, $"time");
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
            Text(into, observed, state.FailoverLink.Token(), links.Failover, $"links.failover");
            Text(into, observed, state.StateLink.Token(), links.State, $"links.state");
        }

        foreach (var g in config.GroupIds)
        {
            if (observed.Groups.TryGetValue(g.Number, out var group))
            {
                Text(into, observed, state.ActiveOn(g).Token(), group.ActiveOn, $"groups.{g}.activeOn");
                if (group.Outage is { } outage)
                {
                    Number(into, observed, model.Outage[g.Index], outage, $"groups.{g}.outage");
                }
            }
        }

        foreach (var context in config.Contexts)
        {
            if (observed.Contexts.TryGetValue(context.Name, out var c))
            {
                if (c.Group is { } group)
                {
                    Number(into, observed, context.Group.Number, group, $"contexts.{context.Name}.group");
                }

                Text(into, observed, state.ActiveOn(context.Group).Token(), c.ActiveOn, $"contexts.{context.Name}.activeOn");
            }
        }

        foreach (var g in config.GroupIds)
        {
            if (observed.Connections.TryGetValue(g.Number, out var c))
            {
                var table = state.Connections.Group(g);
                List(into, observed, ConnectionKindValues.Tokens(table.Open), c.Open, $"connections.{g}.open");
                List(into, observed, ConnectionKindValues.Tokens(table.Replicated), c.Replicated, $"connections.{g}.replicated");
            }
        }

        foreach (var unit in UnitRoles.Both)
        {
            if (observed.Views.TryGetValue(unit, out var v))
            {
                Text(into, observed, state.Unit(unit).View.Contact.Token(), v.Contact, $"views.{unit.Token()}.contact");
                foreach (var g in config.GroupIds)
                {
                    if (v.Groups.TryGetValue(g.Number, out var mate))
                    {
                        Text(into, observed, ShowCommands.MateGroupDisplay(state, unit, g), mate.State, $"views.{unit.Token()}.groups.{g}.state");
                        Text(into, observed, ShowCommands.MateReasonDisplay(state, unit, g), mate.Reason, $"views.{unit.Token()}.groups.{g}.reason");
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
        var at = unit.Token();
        Text(into, o, me.Status == UnitStatus.PoweredOff ? "off" : "on", u.Power, $"units.{at}.power");
        Text(into, o, me.Status == UnitStatus.FailoverOn ? "enabled" : "disabled", u.Failover, $"units.{at}.failover");
        Text(into, o, me.Status.Display(), u.Status, $"units.{at}.status");
        foreach (var g in config.GroupIds)
        {
            if (u.Groups.TryGetValue(g.Number, out var group))
            {
                Text(into, o, me.Group(g).State.Display(), group.State, $"units.{at}.groups.{g}.state");
                Text(into, o, me.Group(g).Reason.Display(), group.Reason, $"units.{at}.groups.{g}.reason");
            }
        }

        if (u.FailedInterfaces is { } failed)
        {
            List(into, o, FailedInterfaces(config, me), failed, $"units.{at}.failedInterfaces");
        }

        for (var space = 0; space < config.Spaces; space++)
        {
            var name = config.SpaceName(space);
            if (!u.Configuration.TryGetValue(name, out var revisions))
            {
                continue;
            }

            if (revisions.Count != 2)
            {
                var path = $"units.{at}.configuration.{name}";
                into.Add(new Divergence($"{path}.length", "2", JsonText.Of(revisions.Count), Source: Source(o, path)));
                continue;
            }

            Number(into, o, (long)me.Configuration.Running(space), revisions[0], $"units.{at}.configuration.{name}[0]");
            Number(into, o, (long)me.Configuration.Startup(space), revisions[1], $"units.{at}.configuration.{name}[1]");
        }
    }

    /// <summary>The unit's failed interfaces by name, in configuration order (a loop: a delegate over the unit state would box it).</summary>
    private static IEnumerable<string> FailedInterfaces(PairConfig config, UnitState me)
    {
        for (var i = 0; i < config.Interfaces.Length; i++)
        {
            if (me.IsInterfaceFailed(i))
            {
                yield return config.Interfaces[i].Name.ToString();
            }
        }
    }

    private static DeviceSource? Source(Observation o, string path) => o.Sources.Count == 0 ? null : o.Sources.GetValueOrDefault(path);

    private static void Text(List<Divergence> into, Observation o, string expected, string? observed, [InterpolatedStringHandlerArgument("expected", "observed")] FieldPath path)
    {
        if (path.Differs)
        {
            var field = path.Text();
            into.Add(new Divergence(field, JsonText.Of(expected), JsonText.Of(observed!), Source: Source(o, field)));
        }
    }

    private static void Number(List<Divergence> into, Observation o, long expected, ObservedNumber observed, [InterpolatedStringHandlerArgument("expected", "observed")] FieldPath path)
    {
        if (path.Differs)
        {
            var field = path.Text();
            into.Add(new Divergence(field, JsonText.Of(expected), observed.Text, Source: Source(o, field)));
        }
    }

    /// <summary>Compares a list: its length first, then each element (the model's list is only made when they differ).</summary>
    private static void List(List<Divergence> into, Observation o, IEnumerable<string> expected, List<string>? observed, [InterpolatedStringHandlerArgument("expected", "observed")] FieldPath path)
    {
        if (!path.Differs)
        {
            return;
        }

        var field = path.Text();
        var model = expected.ToList();
        if (observed!.Count != model.Count)
        {
            into.Add(new Divergence($"{field}.length", JsonText.Of(model.Count), JsonText.Of(observed.Count), Source: Source(o, field)));
            return;
        }

        for (var i = 0; i < model.Count; i++)
        {
            Text(into, o, model[i], observed[i], $"{field}[{i}]");
        }
    }
}
