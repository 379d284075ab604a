
namespace ZaloBot.OutboundWebhooks;

public static class OutboundWebhookServiceCollectionExtensions
{
    public static IServiceCollection AddOutboundWebhooks(this IServiceCollection services)
    {
        services.AddOptions<OutboundWebhookOptions>().BindConfiguration(OutboundWebhookOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "OutboundWebhooks:Interval and Timeout must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "OutboundWebhooks:BatchSize must be between 1 and 1000.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "OutboundWebhooks:RetryBaseDelay must be positive and not above RetryMaxDelay.")
            .Validate(o => o.DisableAfter > TimeSpan.Zero, "OutboundWebhooks:DisableAfter must be positive.")
            .ValidateOnStart();
        // Redirects are not followed: a signed delivery goes only where the admin registered it.
        services.AddHttpClient(OutboundWebhookJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<OutboundWebhookJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboundWebhookJob>());
        return services;
    }
}
