using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Staff;
using ZaloBot.Zalo;

namespace ZaloBot.ServiceCentres;

/// <summary>Service centres, their QR codes and posters (staff), and the public landing page the QR code opens.</summary>
public static class ServiceCentresApi
{
    public static IEndpointRouteBuilder MapServiceCentresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/service-centres").WithTags("Service centres").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("", async (ServiceCentreStore centres, CancellationToken ct) => TypedResults.Ok(await centres.ListAsync(ct)))
            .WithSummary("Service centres (province, district and commune reception points) with their codes.");
        api.MapGet("/{code}/qr.png", PngAsync).WithSummary("The centre's QR code as PNG (for print shops).");
        api.MapGet("/{code}/qr.svg", SvgAsync).WithSummary("The centre's QR code as SVG (scales for any print size).");
        api.MapGet("/{code}/poster", PosterAsync).WithSummary("A printable A4 poster: centre, OA name, QR code and three steps.");

        app.MapGet("/c/{code}", LandingAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> PngAsync(string code, ServiceCentreStore centres, IOptions<ServiceCentreOptions> options, CancellationToken ct) =>
        await centres.FindAsync(code, ct) is { } centre
            ? TypedResults.File(CentreQrCodes.Png(CentreQrCodes.Target(options.Value, centre.Code).ToString()), "image/png", $"qr-{centre.Code}.png")
            : TypedResults.NotFound();

    internal static async Task<Results<ContentHttpResult, NotFound>> SvgAsync(string code, ServiceCentreStore centres, IOptions<ServiceCentreOptions> options, CancellationToken ct) =>
        await centres.FindAsync(code, ct) is { } centre
            ? TypedResults.Content(CentreQrCodes.Svg(CentreQrCodes.Target(options.Value, centre.Code).ToString()), "image/svg+xml")
            : TypedResults.NotFound();

    internal static async Task<Results<ContentHttpResult, NotFound>> PosterAsync(string code, ServiceCentreStore centres, IOptions<ServiceCentreOptions> options, CancellationToken ct)
    {
        if (await centres.FindAsync(code, ct) is not { } centre) return TypedResults.NotFound();
        var landing = CentreQrCodes.LandingUrl(options.Value.PublicBaseUrl, centre.Code);
        var target = CentreQrCodes.Target(options.Value, centre.Code);
        return TypedResults.Content(CentrePages.Poster(centre, options.Value.OaName, CentreQrCodes.Svg(target.ToString()), landing, opensMiniApp: target != landing),
            "text/html; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> LandingAsync(string code, ServiceCentreStore centres, IOptions<ServiceCentreOptions> options, IOptions<ZaloOptions> zalo,
        CentreLinkSigner links, CancellationToken ct)
    {
        if (code.Length > 16 || await centres.FindAsync(code, ct) is not { } centre) return TypedResults.NotFound();
        return TypedResults.Content(CentrePages.Landing(centre, options.Value.OaName, new Uri($"https://zalo.me/{zalo.Value.OaId}"),
            links.Message(centre.Code, Domain.ServiceCentres.CentreSources.LandingPage)), "text/html; charset=utf-8");
    }
}
