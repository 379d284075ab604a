namespace ZaloBot.SimilarReports;

public static class SimilarReportsServiceCollectionExtensions
{
    public static IServiceCollection AddSimilarReports(this IServiceCollection services)
    {
        services.AddOptions<SimilarReportsOptions>().BindConfiguration(SimilarReportsOptions.Section)
            .Validate(o => o.Weeks is >= 1 and <= 52 && o.Meters is >= 10 and <= 50_000 && o.MinScore is > 0 and <= 1 && o.OfferScore is > 0 and <= 1,
                "SimilarReports: Weeks 1–52, Meters 10–50000, MinScore and OfferScore in (0, 1].")
            .ValidateOnStart();
        services.AddSingleton<SimilarReportFinder>();
        services.AddSingleton<DuplicateLinks>();
        services.AddSingleton<ChatSimilarOffers>();
        return services;
    }
}
