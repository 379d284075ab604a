using Microsoft.Extensions.Http.Resilience;
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
            .Validate(o => o.MaxCallsPerSecond >= 1, "Zalo:Resilience:MaxCallsPerSecond must be at least 1.")
            .Validate(o => o.MinCallsPerSecond > 0 && o.MinCallsPerSecond <= o.MaxCallsPerSecond, "Zalo:Resilience:MinCallsPerSecond must be positive and not above MaxCallsPerSecond.")
            .Validate(o => o.DecreaseFactor is > 0 and < 1, "Zalo:Resilience:DecreaseFactor must be between 0 and 1.")
            .Validate(o => o.RecoveryShare is > 0 and <= 1, "Zalo:Resilience:RecoveryShare must be in (0, 1].")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Zalo:Resilience:AttemptTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<NoticeTemplates>().BindConfiguration(NoticeTemplates.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NoticeTemplates>, NoticeTemplatesValidator>();
        services.AddSingleton<ZaloRateLimiters>();
        services.AddSingleton<ZaloLink>();

        // No retry, no circuit breaker here: sends are retried from the outbox, which records every attempt, and the
        // dispatcher's ZaloLink probes a failing Zalo itself; the rate is paced per OA by ZaloRateLimiters.
        // The attempt timeout bounds a network call, which takes wall time whatever the service's business clock says:
        // a clock moved by days (a test, a replayed schedule) must not time out calls in flight.
        services.AddHttpClient<ZaloApiClient>((sp, http) => http.BaseAddress = WithSlash(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.ApiBaseUrl))
            .AddResilienceHandler("zalo-api", (pipeline, context) =>
            {
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<ZaloResilienceOptions>>().Value.AttemptTimeout);
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
        if (section["BusinessApiBaseUrl"] is null) options.BusinessApiBaseUrl = new Uri(self.TrimEnd('/') + SimulatorPrefix + "/business");
        options.AppSecret ??= new SimulatorOptions().AppSecret;
        options.RefreshToken ??= new SimulatorOptions().InitialRefreshToken;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
