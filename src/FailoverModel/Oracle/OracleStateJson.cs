using System.Text.Json;
using FailoverModel.Asa.Show;
using FailoverModel.Pair;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// The oracle's state object (docs/schema/state.schema.json): the snapshot JSON of <c>run --json</c>
/// (<see cref="PairStateJson"/>) and, after it, <c>views</c>: what each unit shows of its mate.
/// </summary>
internal static class OracleStateJson
{
    /// <summary>Writes the state members and <c>views</c> into an object already started.</summary>
    public static void WriteStateMembers(Utf8JsonWriter w, PairConfig config, PairState state, IReadOnlyList<long>? outageMs = null)
    {
        PairStateJson.WriteStateMembers(w, config, state, outageMs);
        WriteViews(w, config, state);
    }

    /// <summary>
    /// <c>views</c>: per unit, how it hears its mate and each of the mate's groups as the unit shows it (<c>show failover
    /// state</c>, "Other host": as last heard, "Failed" once declared failed, "Not Detected" before anything was heard).
    /// </summary>
    public static void WriteViews(Utf8JsonWriter w, PairConfig config, PairState state)
    {
        w.WriteStartObject("views");
        foreach (var unit in UnitRoles.Both)
        {
            w.WriteStartObject(unit.Token());
            w.WriteString("contact", state.Unit(unit).View.Contact.Token());
            w.WriteStartObject("groups");
            foreach (var g in config.GroupIds)
            {
                w.WriteStartObject(g.ToString());
                w.WriteString("state", ShowCommands.MateGroupDisplay(state, unit, g));
                w.WriteString("reason", ShowCommands.MateReasonDisplay(state, unit, g));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}

/// <summary>The tokens of <see cref="MateContact"/> in the state object.</summary>
internal static class MateContactValues
{
    public static string Token(this MateContact contact) => contact switch
    {
        MateContact.NotDetected => "not-detected",
        MateContact.Hellos => "hellos",
        MateContact.DataInterfaces => "data-interfaces",
        MateContact.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(contact)),
    };
}
