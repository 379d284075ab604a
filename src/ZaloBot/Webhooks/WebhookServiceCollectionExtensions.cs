using Microsoft.Extensions.Options;

namespace ZaloBot.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 16 * 1024 * 1024, "Webhooks:MaxBodyBytes must be between 1024 and 16777216.")
            .ValidateOnStart();
        services.AddSingleton<InboxWriter>();
        return services;
    }
}
