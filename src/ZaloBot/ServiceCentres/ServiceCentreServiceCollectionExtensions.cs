namespace ZaloBot.ServiceCentres;

public static class ServiceCentreServiceCollectionExtensions
{
    public static IServiceCollection AddServiceCentres(this IServiceCollection services)
    {
        services.AddOptions<ServiceCentreOptions>().BindConfiguration(ServiceCentreOptions.Section)
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri, "ServiceCentres:PublicBaseUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.OaName), "ServiceCentres:OaName is required (printed on posters).")
            .Validate(o => o.LinkSecret is null || o.LinkSecret.Length >= 32, "ServiceCentres:LinkSecret must be at least 32 characters (it signs the Mini App's centre codes).")
            .Validate(o => o.MiniAppId is null || System.Text.RegularExpressions.Regex.IsMatch(o.MiniAppId, "^[0-9A-Za-z]{1,40}$"), "ServiceCentres:MiniAppId must be the Mini App's id from mini.zalo.me (digits and letters).")
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(7), "ServiceCentres:LinkLifetime must be between a second and 7 days.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceCentreOptions>, PrintedSettingsValidator>();
        services.AddSingleton<ServiceCentreStore>();
        services.AddSingleton<CentreLinkSigner>();
        return services;
    }
}

/// <summary>
/// What ends up printed (QR codes, A4 posters) or typed into Zalo's console must be the province's own: outside
/// Development the defaults — a loopback address, a generic OA name — would put posters on walls that point at nobody.
/// </summary>
internal sealed class PrintedSettingsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<ServiceCentreOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceCentreOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        var section = configuration.GetSection(ServiceCentreOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(ServiceCentreOptions.PublicBaseUrl)]))
            failures.Add("ServiceCentres:PublicBaseUrl is missing. Set it to this service's public https address (e.g. https://pakn.example.gov.vn); QR codes and posters print it.");
        else if (options.PublicBaseUrl.Scheme != Uri.UriSchemeHttps || options.PublicBaseUrl.IsLoopback)
            failures.Add($"ServiceCentres:PublicBaseUrl must be a public https address (QR codes and posters print it); '{options.PublicBaseUrl}' is not.");
        if (string.IsNullOrWhiteSpace(section[nameof(ServiceCentreOptions.OaName)]))
            failures.Add("ServiceCentres:OaName is missing. Set it to the Official Account's name exactly as citizens see it in Zalo; posters print it.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
