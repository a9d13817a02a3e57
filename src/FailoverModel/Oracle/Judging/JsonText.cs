using FailoverModel.Topology;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FailoverModel.Pair;

namespace FailoverModel.Oracle;

/// <summary>Values as the JSON text a divergence prints, with the snapshot JSON's escaping.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(string value) => JsonSerializer.Serialize(value, Options);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(IEnumerable<string> values) => "[" + string.Join(",", values.Select(Of)) + "]";

    public static string Of(SyslogMessage m) =>
        "{\"unit\":" + Of(m.Unit.Token()) + ",\"id\":" + Of(m.Id) + ",\"text\":" + Of(m.Text) + (m.Group is { } g ? ",\"group\":" + Of(g.Number) : "") + "}";

    public static string Of(SyslogObservation o)
    {
        var members = new List<string>();
        if (o.Unit is { } unit)
        {
            members.Add("\"unit\":" + Of(unit));
        }

        if (o.Id is { } id)
        {
            members.Add("\"id\":" + id.Text);
        }

        if (o.Text is { } text)
        {
            members.Add("\"text\":" + Of(text));
        }

        if (o.Group is { } group)
        {
            members.Add("\"group\":" + group.Text);
        }

        if (o.Severity is { } severity)
        {
            members.Add("\"severity\":" + Of(severity));
        }

        return "{" + string.Join(",", members) + "}";
    }
}
