using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ZaloBot.Simulator;

namespace ZaloBot.Zalo;

public static class ZaloServiceCollectionExtensions
{
    public const string SimulatorPrefix = "/zalo-sim";

    public static IServiceCollection AddZalo(this IServiceCollection services)
    {
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section)
            .PostConfigure<IConfiguration>(UseSimulatorDefaults)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        services.AddOptions<ZaloResilienceOptions>().BindConfiguration(ZaloResilienceOptions.Section)
            .Validate(o => o.FailureRatio is > 0 and <= 1, "Zalo:Resilience:FailureRatio must be in (0, 1].")
            .Validate(o => o.PermitsPerSecond >= 1, "Zalo:Resilience:PermitsPerSecond must be at least 1.")
            .ValidateOnStart();

        services.AddHttpClient<ZaloApiClient>((sp, http) => http.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.ApiBaseUrl))
            .AddResilienceHandler("zalo-api", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<ZaloResilienceOptions>>().Value;
                // Outermost first: stay within Zalo's quota, stop calling a failing Zalo, give up on a slow call.
                pipeline.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.PermitsPerSecond,
                    TokensPerPeriod = o.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = o.PermitsPerSecond * 5,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = o.FailureRatio,
                    MinimumThroughput = o.MinimumThroughput,
                    SamplingDuration = o.SamplingDuration,
                    BreakDuration = o.BreakDuration,
                });
                pipeline.AddTimeout(o.AttemptTimeout);
            });

        services.AddHttpClient<ZaloOAuthClient>((sp, http) =>
        {
            http.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.OAuthBaseUrl);
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton<ZaloTokenProvider>();

        services.AddZaloSimulator();
        services.AddOptions<SimulatorOptions>().PostConfigure<IOptions<ZaloOptions>>((sim, zalo) =>
        {
            // The built-in fake Zalo plays the same app and OA the service is configured for.
            sim.AppId = zalo.Value.AppId ?? sim.AppId;
            sim.OaId = zalo.Value.OaId ?? sim.OaId;
            sim.OaSecretKey = zalo.Value.OaSecretKey ?? sim.OaSecretKey;
            sim.AppSecret = zalo.Value.AppSecret ?? sim.AppSecret;
            sim.InitialRefreshToken = zalo.Value.RefreshToken ?? sim.InitialRefreshToken;
        });
        return services;
    }

    /// <summary>In simulator mode, the API and OAuth URLs point at the fake Zalo this process hosts, with its secrets.</summary>
    private static void UseSimulatorDefaults(ZaloOptions options, IConfiguration configuration)
    {
        if (options.Mode != ZaloMode.Simulator) return;
        var self = configuration["Simulator:BaseUrl"] ?? "http://127.0.0.1:8080";
        var section = configuration.GetSection(ZaloOptions.Section);
        if (section["ApiBaseUrl"] is null || section["ApiBaseUrl"] == "https://openapi.zalo.me") options.ApiBaseUrl = new Uri(self.TrimEnd('/') + SimulatorPrefix);
        if (section["OAuthBaseUrl"] is null || section["OAuthBaseUrl"] == "https://oauth.zaloapp.com") options.OAuthBaseUrl = new Uri(self.TrimEnd('/') + SimulatorPrefix);
        options.AppSecret ??= new SimulatorOptions().AppSecret;
        options.RefreshToken ??= new SimulatorOptions().InitialRefreshToken;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
