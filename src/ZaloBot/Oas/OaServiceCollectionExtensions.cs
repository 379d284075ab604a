using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Oas;

public static class OaServiceCollectionExtensions
{
    public static IServiceCollection AddOas(this IServiceCollection services)
    {
        services.AddSingleton<OaDirectory>();
        services.AddSingleton<OaStore>();
        services.AddSingleton<OaNoticeTemplates>();
        services.AddSingleton<OaConnections>();
        services.AddSingleton<IStartupSeed, ConfiguredOaSeed>();
        services.AddSingleton<IStartupSeed, SimulatedOasSeed>();
        // The link's health and the zalo command line speak of the OAs, so they are registered here, above the client.
        services.AddHealthChecks().AddCheck<ZaloLinkHealthCheck>("zalo", tags: ["live"]);
        services.AddSingleton<IAdminCommand, ZaloCliCommand>();
        return services;
    }
}
