using Prometheus;

namespace ZaloBot.Webhooks;

internal static class WebhookMetrics
{
    private static readonly Counter Events = Metrics.CreateCounter(
        "zalobot_webhook_events_total", "Webhook deliveries by outcome.", "outcome");

    public static void Count(string outcome) => Events.WithLabels(outcome).Inc();
}
