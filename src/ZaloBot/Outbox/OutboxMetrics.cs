using Prometheus;

namespace ZaloBot.Outbox;

internal static class OutboxMetrics
{
    public static readonly Counter Attempts = Metrics.CreateCounter("zalobot_outbox_attempts_total", "Calls to Zalo made for outbox messages, by outcome.", "outcome");
    public static readonly Counter Results = Metrics.CreateCounter("zalobot_outbox_results_total", "Outbox messages recorded, by status and the channel that delivered them.", "status", "channel");
    public static readonly Gauge Pending = Metrics.CreateGauge("zalobot_outbox_pending", "Messages waiting to be sent.");
    public static readonly Gauge OldestPendingSeconds = Metrics.CreateGauge("zalobot_outbox_oldest_pending_seconds", "Age of the oldest message waiting to be sent.");
    public static readonly Gauge InFlight = Metrics.CreateGauge("zalobot_outbox_in_flight", "Sends waiting for Zalo's answer in this replica.");
}
