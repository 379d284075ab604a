using Prometheus;

namespace ZaloBot.Outbox;

internal static class OutboxMetrics
{
    public static readonly Counter Attempts = Metrics.CreateCounter("zalobot_outbox_attempts_total", "Send attempts by outcome.", "outcome");
    public static readonly Gauge Pending = Metrics.CreateGauge("zalobot_outbox_pending", "Messages waiting to be sent.");
    public static readonly Gauge OldestPendingSeconds = Metrics.CreateGauge("zalobot_outbox_oldest_pending_seconds", "Age of the oldest message waiting to be sent.");
}
