namespace ZaloBot.Tracks;

public static class TrackServiceCollectionExtensions
{
    /// <summary>Legal tracks, priorities, clocks, escalation, answer approval and "is it fixed?".</summary>
    public static IServiceCollection AddTracks(this IServiceCollection services)
    {
        services.AddSingleton<TrackSettings>();
        services.AddSingleton<TrackClocks>();
        services.AddSingleton<ZaloBot.Tickets.ITicketPolicy, TrackPolicy>();
        services.AddSingleton<TrackService>();
        services.AddSingleton<CitizenFeedback>();
        services.AddSingleton<EscalationMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationMonitor>());
        return services;
    }
}
