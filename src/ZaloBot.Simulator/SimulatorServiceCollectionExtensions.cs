using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ZaloBot.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddZaloSimulator(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatorState>();
        services.AddSingleton<SimulatorMedia>();
        services.AddHttpClient<WebhookSender>(c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
