using Microsoft.AspNetCore.Cors.Infrastructure;
using ZaloBot.Zalo;

namespace ZaloBot.MiniApp;

public static class MiniAppServiceCollectionExtensions
{
    public static IServiceCollection AddMiniApp(this IServiceCollection services)
    {
        services.AddOptions<MiniAppOptions>().BindConfiguration(MiniAppOptions.Section)
            .PostConfigure<IOptions<ZaloOptions>, IConfiguration>((o, zalo, configuration) =>
            {
                // In simulator mode Graph is the fake Zalo's too, next to its OA API.
                if (zalo.Value.Mode == ZaloMode.Simulator && configuration[$"{MiniAppOptions.Section}:{nameof(MiniAppOptions.GraphBaseUrl)}"] is null)
                    o.GraphBaseUrl = new Uri(zalo.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/graph");
            })
            .Validate(o => o.GraphBaseUrl.IsAbsoluteUri, "MiniApp:GraphBaseUrl must be an absolute URL.")
            .Validate(o => o.RequestsPerMinute is > 0 and <= 100_000, "MiniApp:RequestsPerMinute must be between 1 and 100000.")
            .Validate(o => o.MaxPhotos is >= 0 and <= 10, "MiniApp:MaxPhotos must be between 0 and 10.")
            .Validate(o => o.MaxPhotoBytes is > 0 and <= 20 * 1024 * 1024, "MiniApp:MaxPhotoBytes must be between 1 and 20 MB.")
            .Validate(o => o.AllowedOrigins.All(a => Uri.TryCreate(a, UriKind.Absolute, out _)), "MiniApp:AllowedOrigins must be origins such as https://h5.zdn.vn.")
            .ValidateOnStart();
        services.AddHttpClient<ZaloGraphClient>((sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<MiniAppOptions>>().Value.GraphBaseUrl.AbsoluteUri;
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.AddSingleton<MiniAppIdentity>();
        services.AddSingleton<MiniAppRateLimiter>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<MiniAppOptions>>((cors, miniApp) =>
            cors.AddPolicy(MiniAppApi.CorsPolicy, policy => policy
                .WithOrigins(miniApp.Value.AllowedOrigins)
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", MiniAppApi.UserHeader)
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
