using System.Buffers;
using System.Text.Json;
using FailoverModel.Pair;
using FailoverModel.Time;
using FailoverModel.Topology;

namespace FailoverModel.Oracle;

/// <summary>
/// The model's state after a step as the oracle's state object (<see cref="OracleStateJson"/>: the snapshot JSON of
/// <c>run --json</c> and each unit's view of its mate): what lock-step answers print.
/// </summary>
internal sealed class ExpectedState(PairConfig config)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4_096);

    public PairConfig Config { get; } = config;

    /// <summary>Writes one step line: the meta fields given, the time, the state, each group's outage and the messages.</summary>
    public ReadOnlyMemory<byte> Write(IReadOnlyList<(string Name, object Value)> meta, TimedState t, IReadOnlyList<long>? outage, IEnumerable<SyslogMessage> messages, bool withTime = true)
    {
        _buffer.Clear();
        using (var w = new Utf8JsonWriter(_buffer, PairStateJson.Options))
        {
            w.WriteStartObject();
            foreach (var (name, value) in meta)
            {
                switch (value)
                {
                    case int i:
                        w.WriteNumber(name, i);
                        break;
                    case long l:
                        w.WriteNumber(name, l);
                        break;
                    case bool b:
                        w.WriteBoolean(name, b);
                        break;
                    default:
                        w.WriteString(name, value.ToString());
                        break;
                }
            }

            if (withTime)
            {
                w.WriteNumber("time", t.NowMs);
            }

            OracleStateJson.WriteStateMembers(w, Config, t.State, outage);
            PairStateJson.WriteSyslog(w, messages);
            w.WriteEndObject();
        }

        return _buffer.WrittenMemory;
    }
}
