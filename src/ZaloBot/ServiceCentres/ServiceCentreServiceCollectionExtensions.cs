namespace ZaloBot.ServiceCentres;

public static class ServiceCentreServiceCollectionExtensions
{
    public static IServiceCollection AddServiceCentres(this IServiceCollection services)
    {
        services.AddOptions<ServiceCentreOptions>().BindConfiguration(ServiceCentreOptions.Section)
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri, "ServiceCentres:PublicBaseUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.OaName), "ServiceCentres:OaName is required (printed on posters).")
            .ValidateOnStart();
        services.AddSingleton<ServiceCentreStore>();
        return services;
    }
}
