using System.Diagnostics.Metrics;
using Prometheus;

namespace ZaloBot.Storage;

/// <summary>
/// Counts the statements (and batches) this process sends to PostgreSQL, from Npgsql's own operation metric: one
/// measurement per network round trip of a command or batch. Commits are not Npgsql operations; PostgreSQL counts
/// them (<c>pg_stat_database.xact_commit</c>), so the wave benchmark adds the two for round trips per event.
/// </summary>
public sealed class DatabaseCommandCounter : IDisposable
{
    private static readonly Counter Commands = Metrics.CreateCounter("zalobot_db_commands_total",
        "Statements and batches sent to PostgreSQL (one network round trip each; commits not included).");

    private readonly MeterListener _listener = new();

    public DatabaseCommandCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Commands.Inc());
        _listener.Start();
    }

    public static double Total => Commands.Value;

    public void Dispose() => _listener.Dispose();
}
