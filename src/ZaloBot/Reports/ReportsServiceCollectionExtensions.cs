namespace ZaloBot.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddScheduledReports(this IServiceCollection services)
    {
        services.AddOptions<ScheduledReportsOptions>().BindConfiguration(ScheduledReportsOptions.Section)
            .Validate(o => o.SendAt >= TimeSpan.FromHours(6) && o.SendAt < TimeSpan.FromHours(22),
                "Reports:Scheduled:SendAt must be a time of day between 06:00 and 21:59 (Vietnam time; Zalo refuses proactive messages at night).")
            .Validate(o => o.CatchUp >= TimeSpan.FromMinutes(1) && o.CatchUp <= TimeSpan.FromDays(7), "Reports:Scheduled:CatchUp must be between 00:01:00 and 7.00:00:00.")
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.Interval <= TimeSpan.FromHours(1), "Reports:Scheduled:Interval must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.AddSingleton<ScheduledReportsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledReportsJob>());
        return services;
    }
}
