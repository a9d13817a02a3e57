using System.Text.Encodings.Web;
using System.Text.Json;
using FailoverModel.Machines;
using FailoverModel.Topology;

namespace FailoverModel.Pair;

/// <summary>The snapshot JSON of docs/scenario-language.md: stable field order, camelCase keys, ASA's display strings.</summary>
public static class PairStateJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the state object's members (units, links, groups, contexts) into an object already started.</summary>
    /// <param name="outageMs">Each group's outage since the last external event, when a clock ran (written as <c>outage</c>, milliseconds).</param>
    public static void WriteStateMembers(Utf8JsonWriter w, PairConfig config, PairState state, IReadOnlyList<long>? outageMs = null)
    {
        w.WriteStartObject("units");
        foreach (var unit in UnitRoles.Both)
        {
            var u = state.Unit(unit);
            w.WriteStartObject(unit.Token());
            w.WriteString("power", u.Status == UnitStatus.PoweredOff ? "off" : "on");
            w.WriteString("failover", u.Status == UnitStatus.FailoverOn ? "enabled" : "disabled");
            w.WriteString("status", u.Status.Display());
            w.WriteStartObject("groups");
            foreach (var g in config.GroupIds)
            {
                var slot = u.Group(g);
                w.WriteStartObject(g.ToString());
                w.WriteString("state", slot.State.Display());
                w.WriteString("reason", slot.Reason.Display());
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("failedInterfaces");
            for (var i = 0; i < config.Interfaces.Length; i++)
            {
                if (u.IsInterfaceFailed(i))
                {
                    w.WriteStringValue(config.Interfaces[i].Name.ToString());
                }
            }

            w.WriteEndArray();

            // Each space's running and startup configuration as the set of tracked changes it holds (bit i: change i).
            w.WriteStartObject("configuration");
            for (var space = 0; space < config.Spaces; space++)
            {
                w.WriteStartArray(config.SpaceName(space));
                w.WriteNumberValue(u.Configuration.Running(space));
                w.WriteNumberValue(u.Configuration.Startup(space));
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("links");
        w.WriteString("failover", state.FailoverLink.Token());
        w.WriteString("state", state.StateLink.Token());
        w.WriteEndObject();
        w.WriteStartObject("groups");
        foreach (var g in config.GroupIds)
        {
            w.WriteStartObject(g.ToString());
            w.WriteString("activeOn", state.ActiveOn(g).Token());
            if (outageMs is not null)
            {
                w.WriteNumber("outage", outageMs[g.Index]);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("contexts");
        foreach (var context in config.Contexts)
        {
            w.WriteStartObject(context.Name);
            w.WriteNumber("group", context.Group.Number);
            w.WriteString("activeOn", state.ActiveOn(context.Group).Token());
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("connections");
        foreach (var g in config.GroupIds)
        {
            var c = state.Connections.Group(g);
            w.WriteStartObject(g.ToString());
            w.WriteStartArray("open");
            foreach (var kind in ConnectionKindValues.Tokens(c.Open))
            {
                w.WriteStringValue(kind);
            }

            w.WriteEndArray();
            w.WriteStartArray("replicated");
            foreach (var kind in ConnectionKindValues.Tokens(c.Replicated))
            {
                w.WriteStringValue(kind);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void WriteSyslog(Utf8JsonWriter w, IEnumerable<SyslogMessage> messages)
    {
        w.WriteStartArray("syslog");
        foreach (var m in messages)
        {
            w.WriteStartObject();
            w.WriteString("unit", m.Unit.Token());
            w.WriteNumber("id", m.Id);
            w.WriteString("text", m.Text);
            if (m.Group is { } g)
            {
                w.WriteNumber("group", g.Number);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// One line of <c>run --json</c>: the step, its scenario line and event, the simulated time in milliseconds (when a
    /// clock ran), the state after settling, the messages.
    /// </summary>
    public static string StepLine(PairConfig config, int step, int line, string @event, PairState state, IEnumerable<SyslogMessage> messages, long? timeMs = null, IReadOnlyList<long>? outageMs = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("step", step);
            w.WriteNumber("line", line);
            w.WriteString("event", @event);
            if (timeMs is { } time)
            {
                w.WriteNumber("time", time);
            }

            WriteStateMembers(w, config, state, outageMs);
            WriteSyslog(w, messages);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
