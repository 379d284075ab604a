namespace ZaloBot.Privacy;

/// <summary>Personal data: the notice and consent records, rights requests, exports, the breach register and the processing record.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.PurposeVersions.All(p => Domain.Privacy.Purposes.Optional.Contains(p.Key) && p.Value >= 1 && p.Value <= o.NoticeVersion),
                "Privacy:PurposeVersions names optional purposes (publish, call_back, survey, location) with versions from 1 to Privacy:NoticeVersion.")
            .ValidateOnStart();
        services.AddSingleton<ConsentRecords>();
        services.AddSingleton<PrivacyRequests>();
        services.AddSingleton<DataExport>();
        services.AddSingleton<ProcessingRecord>();
        services.AddSingleton<BreachRegister>();
        return services;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyPages();
        return app;
    }
}
