using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>The parts of Zalo's OA API and OAuth that ZaloBot uses, answering as Zalo does (see shared/zalo-oa-api.md).</summary>
public static class OaApiEndpoints
{
    public static IEndpointRouteBuilder MapZaloSimulatorApi(this IEndpointRouteBuilder app, string prefix = "/zalo-sim")
    {
        var api = app.MapGroup(prefix).ExcludeFromDescription();
        api.MapPost("/v3.0/oa/message/cs", SendAsync);
        api.MapPost("/v3.0/oa/message/transaction", SendAsync);
        api.MapPost("/v2.0/oa/upload/image", UploadAsync);
        api.MapGet("/v3.0/oa/user/detail", UserDetail);
        api.MapPost("/v4/oa/access_token", AccessTokenAsync);

        var control = api.MapGroup("/_control");
        control.MapPost("/faults", (FaultRequest request, SimulatorState state) => { state.Faults.Set(request); return Results.NoContent(); });
        control.MapDelete("/faults", (SimulatorState state) => { state.Faults.Clear(); return Results.NoContent(); });
        control.MapPost("/expire-tokens", (SimulatorState state) => { state.ExpireAccessTokens(); return Results.NoContent(); });
        control.MapGet("/calls", (SimulatorState state) => Results.Json(state.AllCalls));
        control.MapGet("/messages", (string? user_id, SimulatorState state) => Results.Json(state.Chat(user_id)));
        return app;
    }

    private static async Task<IResult> SendAsync(HttpContext http, SimulatorState state, CancellationToken cancellationToken)
    {
        state.CountCall("message");
        if (state.Faults.Next() is { } fault)
        {
            if (fault != FaultKind.Timeout) return ZaloResponses.ForFault(fault);
            // Hold the request until the caller gives up, as an overloaded Zalo does.
            await Task.Delay(TimeSpan.FromMinutes(2), cancellationToken);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return ZaloResponses.Error(-201, "Parameters are invalid");
        }
        var userId = body?["recipient"]?["user_id"]?.GetValue<string>();
        var message = body?["message"];
        if (string.IsNullOrEmpty(userId) || message is null)
            return ZaloResponses.Error(-201, "Parameters are invalid: recipient.user_id and message are required");

        var messageId = "sim-msg-" + RandomNumberGenerator.GetHexString(20, lowercase: true);
        state.Record(userId, "oa", message.DeepClone(), messageId);
        return ZaloResponses.Ok(new JsonObject { ["message_id"] = messageId, ["user_id"] = userId });
    }

    private static IResult UploadAsync(HttpContext http, SimulatorState state)
    {
        state.CountCall("upload");
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");
        return ZaloResponses.Ok(new JsonObject { ["attachment_id"] = "sim-att-" + RandomNumberGenerator.GetHexString(12, lowercase: true) });
    }

    private static IResult UserDetail(HttpContext http, string? data, SimulatorState state)
    {
        state.CountCall("user_detail");
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");
        string? userId = null;
        try { userId = data is null ? null : JsonNode.Parse(data)?["user_id"]?.GetValue<string>(); }
        catch (JsonException) { }
        if (string.IsNullOrEmpty(userId)) return ZaloResponses.Error(-201, "Parameters are invalid");
        return ZaloResponses.Ok(new JsonObject
        {
            ["user_id"] = userId,
            ["display_name"] = "Người dùng " + userId,
            ["user_is_follower"] = true,
        });
    }

    private static async Task<IResult> AccessTokenAsync(HttpContext http, SimulatorState state, IOptions<SimulatorOptions> options)
    {
        state.CountCall("oauth");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        if (http.Request.Headers["secret_key"].ToString() != options.Value.AppSecret || form?["app_id"].ToString() != options.Value.AppId)
            return OAuthError(-14002, "Invalid app_id or secret_key");
        if (form["grant_type"].ToString() != "refresh_token")
            return OAuthError(-14003, "Unsupported grant_type");
        if (state.Refresh(form["refresh_token"].ToString()) is not { } tokens)
            return OAuthError(-14014, "Invalid refresh token");
        return Results.Json(new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["refresh_token"] = tokens.RefreshToken,
            ["expires_in"] = ((int)tokens.ExpiresIn.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private static IResult OAuthError(int code, string name) =>
        Results.Json(new JsonObject { ["error"] = code, ["error_name"] = name, ["error_description"] = name });
}
