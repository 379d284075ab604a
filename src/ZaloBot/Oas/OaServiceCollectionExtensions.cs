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
        return services;
    }
}
