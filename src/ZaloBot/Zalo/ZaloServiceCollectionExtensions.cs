using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

public static class ZaloServiceCollectionExtensions
{
    public static IServiceCollection AddZalo(this IServiceCollection services)
    {
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        return services;
    }
}
