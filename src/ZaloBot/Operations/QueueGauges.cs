using Prometheus;
using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>
/// The backlog figures the alert rules watch (deploy/prometheus/alerts.yml), read from PostgreSQL every 15 s by each
/// replica: each query runs on a small partial index, so it costs nothing next to the hot paths.
/// </summary>
public sealed class QueueGauges(NpgsqlDataSource dataSource, MigrationState migrations, TimeProvider time, ILogger<QueueGauges> logger) : PeriodicJob(migrations, time, logger)
{
    private static readonly Gauge InboxPending = Metrics.CreateGauge("zalobot_inbox_pending", "Webhook events stored and not yet processed.");
    private static readonly Gauge InboxOldestPending = Metrics.CreateGauge("zalobot_inbox_oldest_pending_seconds", "Age of the oldest event waiting for the conversation processor (its lag).");
    private static readonly Gauge InboxParked = Metrics.CreateGauge("zalobot_inbox_parked", "Events that kept failing and were set aside (kept, visible, not blocking the user's later events).");
    private static readonly Gauge TicketsOverdue = Metrics.CreateGauge("zalobot_tickets_overdue", "Open tickets past their due date.");

    public override string JobName => "queue-gauges";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(15);

    protected override bool RunsAtStart => true;

    protected override Task TickAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select (select count(*) from inbox where processed_at is null and parked_at is null),
                   (select extract(epoch from $1 - min(received_at)) from inbox where processed_at is null and parked_at is null),
                   (select count(*) from inbox where parked_at is not null and processed_at is null),
                   (select count(*) from tickets where ticket_clock_runs(status) and due_at < $1)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Time.GetUtcNow().UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        InboxPending.Set(reader.GetInt64(0));
        InboxOldestPending.Set(reader.IsDBNull(1) ? 0 : Math.Max(0, Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        InboxParked.Set(reader.GetInt64(2));
        TicketsOverdue.Set(reader.GetInt64(3));
    }
}
