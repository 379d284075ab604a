using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>
/// What the Mini App needs from Zalo: Graph's <c>/me</c> (the user behind an access token, with the app secret proof)
/// and <c>/me/info</c> (a phone-permission token exchanged for the number), and, for the browser preview's SDK stub,
/// tokens to hand out and a follow. A user's app-scoped id is their OA id plus "-byapp", as in the webhook events.
/// </summary>
public static class MiniAppEndpoints
{
    public const string SimulatedPhone = "84912345678";

    public static RouteGroupBuilder MapMiniAppSimulator(this RouteGroupBuilder api)
    {
        api.MapGet("/graph/v2.0/me", Me);
        api.MapGet("/graph/v2.0/me/info", PhoneInfo);

        // The SDK stub runs in a page of another origin: these answer simple requests from anywhere (a fake, never deployed).
        var stub = api.MapGroup("/miniapp").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        stub.MapPost("/token", (string userId, SimulatorState state) =>
            string.IsNullOrWhiteSpace(userId) || userId.Length > 64
                ? Results.BadRequest()
                : Results.Json(new { accessToken = state.IssueMiniAppToken(userId), phoneToken = "phone-" + userId }));
        stub.MapPost("/follow", async (string userId, HttpContext http, WebhookSender sender, IOptions<SimulatorOptions> options, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64) return Results.BadRequest();
            var target = options.Value.WebhookUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}/webhooks/zalo");
            return Results.Json(new { webhookStatus = await sender.SendAsync(new CitizenAction(userId, Follow: true), target, ct) });
        });
        return api;
    }

    private static IResult Me(HttpContext http, SimulatorState state, IOptions<SimulatorOptions> options)
    {
        state.CountCall("graph_me");
        var token = http.Request.Headers["access_token"].ToString();
        var proof = http.Request.Headers["appsecret_proof"].ToString();
        if (state.MiniAppUser(token) is not { } user) return Results.Json(new { error = 452, message = "Access token is invalid or expired" });
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AppSecret), Encoding.UTF8.GetBytes(token)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(proof)))
            return Results.Json(new { error = 452, message = "appsecret_proof is invalid" });
        return Results.Json(new JsonObject { ["id"] = user + "-byapp", ["name"] = "Người dùng " + user, ["error"] = 0, ["message"] = "Success" });
    }

    private static IResult PhoneInfo(HttpContext http, SimulatorState state, IOptions<SimulatorOptions> options)
    {
        state.CountCall("graph_phone");
        var user = state.MiniAppUser(http.Request.Headers["access_token"].ToString());
        var code = http.Request.Headers["code"].ToString();
        if (user is null || code != "phone-" + user || http.Request.Headers["secret_key"].ToString() != options.Value.AppSecret)
            return Results.Json(new { error = -201, message = "Invalid code" });
        return Results.Json(new JsonObject { ["data"] = new JsonObject { ["number"] = SimulatedPhone }, ["error"] = 0, ["message"] = "Success" });
    }
}
