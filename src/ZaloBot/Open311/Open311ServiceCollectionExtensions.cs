namespace ZaloBot.Open311;

public static class Open311ServiceCollectionExtensions
{
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section)
            .Validate(o => o.PostsPerMinute is > 0 and <= 100_000, "Open311:PostsPerMinute must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddSingleton<ChannelKeys>();
        services.AddSingleton<Open311RateLimiter>();
        services.AddSingleton<OnTimeRates>();
        services.AddSingleton<Information.ArticleCatalog>();
        return services;
    }
}
