using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Staff;

namespace ZaloBot.Oas;

public sealed record OaRequest(string Name, string? AgencyCode = null, string? DefaultAgencyCode = null,
    Dictionary<string, OaTemplate>? Templates = null, string? FallbackOaId = null, string? WebhookSecretKey = null, string? State = null);

public sealed record OaConnectStart(Uri AuthorizeUrl);

/// <summary>The admins' OAs: list, add or change, the events parked for OAs not connected, and the OAuth v4 connect flow.</summary>
public static class OasApi
{
    public static IEndpointRouteBuilder MapOasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/oas").WithTags("OAs").RequireAuthorization(StaffPolicies.Admin);
        api.MapGet("", async (OaStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithSummary("Every OA with its state and whether it has tokens (never the tokens themselves).");
        api.MapPut("/{oaId}", PutAsync).WithSummary("Adds an OA of this Zalo app, or changes its name, owner, routing, templates or fallback.");
        api.MapGet("/unconnected-events", async (int? limit, OaStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.UnconnectedEventsAsync(Math.Clamp(limit ?? 100, 1, 500), ct)))
            .WithSummary("Events Zalo delivered for OAs this deployment does not serve: acknowledged, parked, newest first.");
        api.MapPost("/connect", StartAsync).WithSummary("Starts Zalo's OAuth v4 authorisation (state + PKCE); open authorizeUrl in the browser.");
        app.MapGet(OaConnections.CallbackPath, CallbackAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ZaloOa>, ValidationProblem>> PutAsync(string oaId, OaRequest request, OaStore store, OaDirectory directory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OaRules.IsValidId(oaId)) errors["oaId"] = [$"Letters, digits, '-' or '_', at most {OaRules.MaxIdLength}."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > OaRules.MaxNameLength) errors["name"] = [$"Required, at most {OaRules.MaxNameLength} characters."];
        if (request.State is not (null or ZaloOa.Connected or ZaloOa.Disconnected)) errors["state"] = ["connected or disconnected."];
        if (request.FallbackOaId is not null && !OaRules.IsValidId(request.FallbackOaId)) errors["fallbackOaId"] = ["Not an OA id."];
        if (request.WebhookSecretKey is { Length: > 200 }) errors["webhookSecretKey"] = ["At most 200 characters."];
        if (request.Templates is { } templates && (templates.Count > 50 || templates.Any(t => !ZaloBot.Zalo.NoticeKinds.All.Contains(t.Key)
                || t.Value.TemplateId is { Length: > 64 } || t.Value.PhoneTemplateId is { Length: > 64 })))
            errors["templates"] = ["Keys are notice kinds; template ids at most 64 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var settings = new OaSettings(request.Name.Trim(), request.AgencyCode, request.DefaultAgencyCode, request.Templates, request.FallbackOaId,
            request.WebhookSecretKey, request.State ?? ZaloOa.Connected);
        if (!await store.UpsertAsync(oaId, settings, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agencyCode"] = ["An agency or the fallback OA does not exist."] });
        return TypedResults.Ok((await directory.FindAsync(oaId, ct))!);
    }

    private static async Task<Ok<OaConnectStart>> StartAsync(HttpContext http, ClaimsPrincipal user, OaConnections connections, IConfiguration configuration, CancellationToken ct) =>
        TypedResults.Ok(new OaConnectStart(await connections.StartAsync(StaffIdentity.From(user).Id, CallbackUri(http, configuration), ct)));

    /// <summary>Where Zalo sends the browser back: the public address when one is configured (behind a proxy), else this request's.</summary>
    internal static Uri CallbackUri(HttpContext http, IConfiguration configuration)
    {
        var root = configuration["ServiceCentres:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
        return new Uri(root + OaConnections.CallbackPath);
    }

    private static async Task<ContentHttpResult> CallbackAsync(string? code, string? oa_id, string? state, OaConnections connections, CancellationToken ct)
    {
        var (oaId, problem) = await connections.CompleteAsync(code, oa_id, state, ct);
        var message = oaId is not null ? $"Đã kết nối OA {WebUtility.HtmlEncode(oaId)}. Có thể đóng trang này." : WebUtility.HtmlEncode(problem!);
        return TypedResults.Content($"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Kết nối OA</title><p>{message}</p><p><a href=\"/console/admin/oas\">Quay lại danh sách OA</a></p></html>",
            "text/html; charset=utf-8", statusCode: oaId is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
