namespace ZaloBot.Inbox;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Largest accepted webhook body; Zalo events are a few KiB, so anything bigger is refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Concurrent group-commit writers into the inbox; each writes whatever has queued up since its last commit.</summary>
    public int InboxWriters { get; set; } = 2;

    /// <summary>Events waiting to be written beyond which the receiver answers 503 (Zalo retries) instead of queueing more.</summary>
    public int MaxPendingWrites { get; set; } = 10_000;

    /// <summary>
    /// How long a webhook waits for storage that is briefly unreachable (a PostgreSQL restart) before it is answered
    /// 503; zero answers 503 at once. Requests wait meanwhile, so keep it well under Zalo's own webhook timeout.
    /// </summary>
    public TimeSpan StorageRetryWindow { get; set; } = TimeSpan.FromSeconds(10);
}
