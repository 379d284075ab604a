namespace ZaloBot.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Largest accepted webhook body; Zalo events are a few KiB, so anything bigger is refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
