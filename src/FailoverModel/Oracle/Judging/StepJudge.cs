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
                var group = g;
                string Connection(string kind) => ConnectionMember(config, group, kind);
                List(into, observed, ConnectionKindValues.Tokens(table.Open), c.Open, $"connections.{g}.open", Connection);
                List(into, observed, ConnectionKindValues.Tokens(table.Replicated), c.Replicated, $"connections.{g}.replicated", Connection);
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

    /// <summary>A connection kind named as a member: its kind, its failover group and the contexts that group holds.</summary>
    private static string ConnectionMember(PairConfig config, FailoverGroupId group, string kind)
    {
        var contexts = config.Contexts.Where(c => c.Group == group).Select(c => c.Name).ToList();
        var of = contexts.Count switch
        {
            0 => "no context",
            1 => $"context {contexts[0]}",
            _ => $"contexts {string.Join(", ", contexts)}",
        };
        return $"{kind} connections of failover group {group}: {of}";
    }

    /// <summary>
    /// Compares a list. Of different lengths, each element one side has and the other has not is named (missing or
    /// extra), and only lists that hold the same elements a different number of times differ by their length; of the
    /// same length, element by element (the model's list is only made when they differ).
    /// </summary>
    /// <param name="into">Receives the divergences.</param>
    /// <param name="o">The observation, for the device line a field was read from.</param>
    /// <param name="expected">The model's list.</param>
    /// <param name="observed">The trace's list (compared when the path differs).</param>
    /// <param name="path">The field's path.</param>
    /// <param name="member">How an element is named in the message beyond its value, or null when its value names it.</param>
    private static void List(List<Divergence> into, Observation o, IEnumerable<string> expected, List<string>? observed, [InterpolatedStringHandlerArgument("expected", "observed")] FieldPath path, Func<string, string>? member = null)
    {
        if (!path.Differs)
        {
            return;
        }

        var field = path.Text();
        var model = expected.ToList();
        if (observed!.Count != model.Count)
        {
            var missing = model.Where(e => !observed.Contains(e)).ToList();
            var extra = observed.Where(e => !model.Contains(e)).Distinct().ToList();
            foreach (var e in missing)
            {
                into.Add(new Divergence(field, JsonText.Of(e), "", DivergenceKind.Missing, Source(o, field)) { Member = member?.Invoke(e) });
            }

            foreach (var e in extra)
            {
                into.Add(new Divergence(field, "", JsonText.Of(e), DivergenceKind.Extra, Source(o, field)) { Member = member?.Invoke(e) });
            }

            if (missing.Count == 0 && extra.Count == 0)
            {
                into.Add(new Divergence($"{field}.length", JsonText.Of(model.Count), JsonText.Of(observed.Count), Source: Source(o, field)));
            }

            return;
        }

        for (var i = 0; i < model.Count; i++)
        {
            Text(into, o, model[i], observed[i], $"{field}[{i}]");
        }
    }
}
