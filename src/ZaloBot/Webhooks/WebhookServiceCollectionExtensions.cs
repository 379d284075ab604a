using ZaloBot.Inbox;

namespace ZaloBot.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 16 * 1024 * 1024, "Webhooks:MaxBodyBytes must be between 1024 and 16777216.")
            .Validate(o => o.InboxWriters is >= 1 and <= 32, "Webhooks:InboxWriters must be between 1 and 32.")
            .Validate(o => o.MaxPendingWrites >= 1, "Webhooks:MaxPendingWrites must be positive.")
            .Validate(o => o.StorageRetryWindow >= TimeSpan.Zero && o.StorageRetryWindow <= TimeSpan.FromMinutes(1), "Webhooks:StorageRetryWindow must be between 00:00:00 and 00:01:00.")
            .ValidateOnStart();
        return services;
    }
}
