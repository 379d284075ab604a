namespace ZaloBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.Concurrency is >= 1 and <= 1000, "Outbox:Concurrency must be between 1 and 1000.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Outbox:BatchSize must be between 1 and 1000.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "Outbox:RetryBaseDelay must be positive and not above RetryMaxDelay.")
            .Validate(o => o.LinkRetryDelay > TimeSpan.Zero, "Outbox:LinkRetryDelay must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "Outbox:LeaseDuration must be positive.")
            .Validate(o => o.GiveUpAfter > TimeSpan.Zero, "Outbox:GiveUpAfter must be positive.")
            .Validate(o => o.MessagingWindow > TimeSpan.Zero, "Outbox:MessagingWindow must be positive.")
            .ValidateOnStart();
        services.AddOptions<QuietHoursOptions>().BindConfiguration(QuietHoursOptions.Section)
            .Validate(o => o.Start >= TimeSpan.Zero && o.Start < TimeSpan.FromDays(1) && o.End >= TimeSpan.Zero && o.End < TimeSpan.FromDays(1),
                "Outbox:QuietHours:Start and End must be times of day (e.g. 22:00 and 06:00).")
            .Validate(o => o.NightRefusalRetry > TimeSpan.Zero, "Outbox:QuietHours:NightRefusalRetry must be positive.")
            .ValidateOnStart();
        services.AddSingleton<QuietHoursHold>();
        services.AddOptions<DeliveryCostOptions>().BindConfiguration(DeliveryCostOptions.Section)
            .Validate(o => o.TemplateVnd >= 0, "Outbox:Costs:TemplateVnd must not be negative.").ValidateOnStart();
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<NudgeOptions>, NudgeOptionsValidator>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MessagingWindow>();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
