using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>
/// The parts of Zalo's OA API, ZBS template API and OAuth that ZaloBot uses, answering as Zalo does under its 2026
/// rules (docs/zalo-platform.md): replies by inbound message id are free up to a count, messages by user id need an
/// interaction within 7 days, templates need no window, and calls too fast get -32.
/// </summary>
public sealed record InboundRegistration(string UserId, string MsgId);

public static partial class OaApiEndpoints
{
    public static IEndpointRouteBuilder MapZaloSimulatorApi(this IEndpointRouteBuilder app, string prefix = "/zalo-sim")
    {
        var api = app.MapGroup(prefix).ExcludeFromDescription();
        var zalo = api.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            // Zalo unreachable: the connection is dropped before anything is done, so the caller knows nothing was sent.
            if (!context.HttpContext.RequestServices.GetRequiredService<SimulatorState>().IsUnreachable) return await next(context);
            context.HttpContext.Abort();
            return Results.Empty;
        });
        zalo.MapPost("/v3.0/oa/message/cs", SendConsultationAsync);
        zalo.MapPost("/v3.0/oa/message/template", SendTemplateByUserAsync);
        zalo.MapPost("/business/message/template", SendTemplateByPhoneAsync);
        zalo.MapPost("/v3.0/oa/quota/message", QuotaAsync);
        zalo.MapPost("/v2.0/oa/upload/image", UploadAsync);
        zalo.MapGet("/v3.0/oa/user/detail", UserDetail);
        zalo.MapGet("/v2.0/oa/conversation", Conversation);
        zalo.MapPost("/v4/oa/access_token", AccessTokenAsync);
        zalo.MapGet("/v4/oa/permission", Authorise);
        api.MapGet("/media/{name}", ServeMedia);
        api.MapMiniAppSimulator();
        api.MapGet("/uploads/{attachmentId}", (string attachmentId, SimulatorMedia media) =>
            media.Uploaded(attachmentId) is { } file ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound());

        var control = api.MapGroup("/_control");
        control.MapPost("/outage", (double seconds, SimulatorState state) => { state.SetOutage(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600))); return Results.NoContent(); });
        control.MapPost("/faults", (FaultRequest request, SimulatorState state) => { state.Faults.Set(request); return Results.NoContent(); });
        control.MapDelete("/faults", (SimulatorState state) => { state.Faults.Clear(); return Results.NoContent(); });
        control.MapPost("/expire-tokens", (SimulatorState state) => { state.ExpireAccessTokens(); return Results.NoContent(); });
        control.MapPost("/latency", (int ms, SimulatorState state) => { state.LatencyMs = Math.Clamp(ms, 0, 60_000); return Results.NoContent(); });
        control.MapPost("/rate-limit", (int? perSecond, SimulatorState state) => { state.MaxMessagesPerSecond = perSecond; return Results.NoContent(); });
        // Messages a load generator delivered to the service itself, made known as Zalo knows every message it delivers.
        control.MapPost("/inbound", (InboundRegistration[] messages, SimulatorState state) =>
        {
            foreach (var m in messages) state.RegisterInbound(m.UserId, m.MsgId);
            return Results.NoContent();
        });
        control.MapGet("/calls", (SimulatorState state) => Results.Json(state.AllCalls));
        control.MapGet("/messages", (string? user_id, long? after, SimulatorState state) => Results.Json(state.Chat(user_id, after ?? 0)));
        control.MapGet("/oas", (SimulatorState state) => Results.Json(state.Oas.Select(o => new { oaId = o.OaId, name = o.Name })));
        return app;
    }

    private static async Task<IResult> SendConsultationAsync(HttpContext http, SimulatorState state, SimulatorMedia media, TimeProvider time, CancellationToken cancellationToken)
    {
        var (refused, loseAnswer) = await RefuseAsync(http, state, "message", cancellationToken);
        if (refused is not null) return refused;
        var body = await ReadAsync(http, cancellationToken);
        var message = body?["message"];
        var replyTo = Str(body?["recipient"]?["message_id"]);
        var userId = Str(body?["recipient"]?["user_id"]);
        if (message is null || (replyTo is null == userId is null))
            return ZaloResponses.Error(-201, "Parameters are invalid: message and one of recipient.message_id or recipient.user_id are required");
        message = message.DeepClone();
        if (message["attachment"]?["payload"]?["elements"] is JsonArray elements)
        {
            var prefix = http.Request.Path.Value![..^"/v3.0/oa/message/cs".Length];
            foreach (var element in elements)
            {
                if (Str(element?["attachment_id"]) is not { } attachmentId) continue;
                if (media.Uploaded(attachmentId) is null) return ZaloResponses.Error(-201, "Parameters are invalid: unknown attachment_id");
                // So the chat page (and a test) can see the image the citizen received.
                element!["url"] = $"{http.Request.PathBase}{prefix}/uploads/{attachmentId}";
            }
        }

        string channel, quotaType;
        if (replyTo is not null)
        {
            if (state.TakeReply(replyTo) is not { } reply) return ZaloResponses.Error(-201, "Parameters are invalid: unknown message_id");
            if (time.GetUtcNow() - reply.InboundAt > state.MessagingWindow) return ZaloResponses.Error(-230, "User has not interacted with the OA in the last 7 days");
            (userId, channel, quotaType) = (reply.UserId, "reply", reply.QuotaType);
        }
        else
        {
            if (state.LastInteraction(userId!) is not { } last) return ZaloResponses.Error(-232, "User has never interacted with the OA");
            if (time.GetUtcNow() - last > state.MessagingWindow) return ZaloResponses.Error(-230, "User has not interacted with the OA in the last 7 days");
            (channel, quotaType) = ("cs", "sub_quota");
        }
        state.CountCall(quotaType == "reply" ? "free_reply" : "paid_message");
        var messageId = NewId("sim-msg-");
        state.Record(userId!, "oa", message.DeepClone(), messageId, channel, quotaType, OaOf(http, state));
        if (loseAnswer) return await HoldUntilTheCallerGivesUpAsync(cancellationToken);
        return ZaloResponses.Ok(new JsonObject { ["message_id"] = messageId, ["user_id"] = userId, ["quota"] = new JsonObject { ["quota_type"] = quotaType } });
    }

    private static async Task<IResult> SendTemplateByUserAsync(HttpContext http, SimulatorState state, CancellationToken cancellationToken)
    {
        var (refused, template) = await ReadTemplateAsync(http, state, "user_id", cancellationToken);
        if (template is null) return refused!;
        var userId = template.Recipient;
        if (state.IsUnreachableByTemplate(userId)) return ZaloResponses.Error(-118, "User cannot receive template messages");
        state.CountCall("template_uid");
        var messageId = NewId("sim-zbs-");
        state.Record(userId, "oa", TemplateContent(template.TemplateId, template.Data), messageId, "template_uid", oaId: OaOf(http, state));
        return ZaloResponses.Ok(new JsonObject { ["message_id"] = messageId, ["user_id"] = userId });
    }

    private static async Task<IResult> SendTemplateByPhoneAsync(HttpContext http, SimulatorState state, CancellationToken cancellationToken)
    {
        var (refused, template) = await ReadTemplateAsync(http, state, "phone", cancellationToken);
        if (template is null) return refused!;
        var phone = template.Recipient;
        if (!VietnamesePhone().IsMatch(phone)) return ZaloResponses.Error(-108, "Phone number is invalid");
        state.CountCall("template_phone");
        var messageId = NewId("sim-zbs-");
        // Zalo finds the account behind the number; the simulator files the message under the number itself.
        state.Record("phone:" + phone, "oa", TemplateContent(template.TemplateId, template.Data), messageId, "template_phone", oaId: OaOf(http, state));
        return ZaloResponses.Ok(new JsonObject { ["msg_id"] = messageId, ["sent_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private sealed record TemplateRequest(string Recipient, string TemplateId, JsonObject Data);

    /// <summary>
    /// What both ZBS template sends do first: refuse as Zalo would, then read the recipient (<paramref name="recipientField"/>:
    /// a user id or a phone number), the template and its data; a request missing any of them gets Zalo's -201.
    /// </summary>
    private static async Task<(IResult? Refused, TemplateRequest? Template)> ReadTemplateAsync(HttpContext http, SimulatorState state, string recipientField,
        CancellationToken cancellationToken)
    {
        // A template whose answer is lost is not retried by the service, so the simulator only plays a lost answer for consultation sends.
        var (refused, _) = await RefuseAsync(http, state, "template", cancellationToken);
        if (refused is not null) return (refused, null);
        var body = await ReadAsync(http, cancellationToken);
        var recipient = Str(body?[recipientField]);
        var templateId = Str(body?["template_id"]);
        if (recipient is null || templateId is null || body?["template_data"] is not JsonObject data)
            return (ZaloResponses.Error(-201, $"Parameters are invalid: {recipientField}, template_id and template_data are required"), null);
        return (null, new TemplateRequest(recipient, templateId, data));
    }

    private static async Task<IResult> QuotaAsync(HttpContext http, SimulatorState state, CancellationToken cancellationToken)
    {
        state.CountCall("quota");
        await DelayAsync(state, cancellationToken);
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");
        var body = await ReadAsync(http, cancellationToken);
        if (Str(body?["user_id"]) is not { } userId) return ZaloResponses.Error(-201, "Parameters are invalid: user_id is required");
        if (state.LastInteraction(userId) is not { } last) return ZaloResponses.Error(-232, "User has never interacted with the OA");
        return ZaloResponses.Ok(new JsonObject { ["user_id"] = userId, ["last_interaction"] = last.ToUnixTimeMilliseconds() });
    }

    /// <summary>
    /// What every send endpoint does first: take its time, apply faults and the rate limit, check the token.
    /// <c>LoseAnswer</c>: the send is to go through and its answer be lost (<see cref="FaultKind.AnswerLost"/>).
    /// </summary>
    private static async Task<(IResult? Refused, bool LoseAnswer)> RefuseAsync(HttpContext http, SimulatorState state, string endpoint, CancellationToken cancellationToken)
    {
        state.CountCall(endpoint);
        await DelayAsync(state, cancellationToken);
        var fault = state.Faults.Next(endpoint);
        if (fault is { Kind: FaultKind.Timeout }) return (await HoldUntilTheCallerGivesUpAsync(cancellationToken), false);
        if (fault is { Kind: not FaultKind.AnswerLost }) return (ZaloResponses.ForFault(fault), false);
        if (!state.TryAcquireSend(OaOf(http, state)))
        {
            state.CountCall("rate_limited");
            return (ZaloResponses.Error(-32, "Exceeded the rate limit"), false);
        }
        return state.IsValidAccessToken(http.Request.Headers["access_token"].ToString())
            ? (null, fault is not null)
            : (ZaloResponses.Error(-216, "Access token is invalid"), false);
    }

    /// <summary>Holds the request as an overloaded Zalo does; the caller's timeout ends it.</summary>
    private static async Task<IResult> HoldUntilTheCallerGivesUpAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(2), cancellationToken);
        return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
    }

    private static string? OaOf(HttpContext http, SimulatorState state) => state.OaOf(http.Request.Headers["access_token"].ToString());

    /// <summary>
    /// Zalo's OAuth v4 permission page, decided at once: the OA's admin (the simulator plays them; <c>oa_id</c> picks
    /// which OA, the main one by default) allows the app, and the browser goes back with a code, the OA and the state.
    /// </summary>
    private static IResult Authorise(string? app_id, string? redirect_uri, string? code_challenge, string? state, string? oa_id,
        SimulatorState simulator, IOptions<SimulatorOptions> options)
    {
        simulator.CountCall("oauth_permission");
        if (app_id != options.Value.AppId || string.IsNullOrEmpty(code_challenge) || string.IsNullOrEmpty(state)
            || !Uri.TryCreate(redirect_uri, UriKind.Absolute, out var back) || back.Scheme is not ("http" or "https"))
            return Results.BadRequest("app_id, redirect_uri, code_challenge and state are required");
        var oaId = oa_id ?? options.Value.OaId;
        if (simulator.Oas.All(o => o.OaId != oaId)) return Results.BadRequest("unknown oa_id");
        var code = simulator.Authorise(oaId, code_challenge);
        var separator = string.IsNullOrEmpty(back.Query) ? "?" : "&";
        return Results.Redirect($"{back}{separator}code={Uri.EscapeDataString(code)}&oa_id={Uri.EscapeDataString(oaId)}&state={Uri.EscapeDataString(state)}");
    }

    private static Task DelayAsync(SimulatorState state, CancellationToken cancellationToken) =>
        state.LatencyMs > 0 ? Task.Delay(state.LatencyMs, cancellationToken) : Task.CompletedTask;

    private static async Task<JsonNode?> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? s : null;

    private static string NewId(string prefix) => prefix + RandomNumberGenerator.GetHexString(20, lowercase: true);

    /// <summary>How the chat page shows a template: its id and filled parameters.</summary>
    private static JsonObject TemplateContent(string templateId, JsonObject data) => new()
    {
        ["text"] = $"[ZBS {templateId}] " + string.Join(" · ", data.Select(p => $"{p.Key}: {p.Value}")),
        ["template_id"] = templateId,
        ["template_data"] = data.DeepClone(),
    };

    [GeneratedRegex(@"^84[0-9]{9}$")]
    private static partial Regex VietnamesePhone();

    /// <summary>Zalo's image upload: multipart field "file", JPEG or PNG up to 1 MB; answers an attachment id for a media message.</summary>
    private static async Task<IResult> UploadAsync(HttpContext http, SimulatorState state, SimulatorMedia media, CancellationToken cancellationToken)
    {
        state.CountCall("upload");
        await DelayAsync(state, cancellationToken);
        if (state.Faults.Next("upload") is { Kind: not (FaultKind.Timeout or FaultKind.AnswerLost) } fault) return ZaloResponses.ForFault(fault);
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");
        if (!http.Request.HasFormContentType) return ZaloResponses.Error(-201, "Parameters are invalid: multipart field file is required");
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return ZaloResponses.Error(-201, "Parameters are invalid: multipart field file is required");
        if (file.Length > MaxUploadBytes) return ZaloResponses.Error(-210, "File size exceeds the limit (1 MB)");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var type = bytes is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg" : bytes is [0x89, 0x50, 0x4E, 0x47, ..] ? "image/png" : null;
        if (type is null) return ZaloResponses.Error(-201, "Parameters are invalid: only jpg and png images can be uploaded");
        return ZaloResponses.Ok(new JsonObject { ["attachment_id"] = media.Upload(bytes, type, OaOf(http, state)) });
    }

    private const int MaxUploadBytes = 1024 * 1024;

    private static async Task<IResult> ServeMedia(string name, HttpContext http, SimulatorMedia media)
    {
        if (media.Take(name) is not { } file) return Results.NotFound();
        if (file.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }
        lock (file)
        {
            if (file.FailuresLeft > 0)
            {
                if (file.FailuresLeft != int.MaxValue) file.FailuresLeft--;
                return Results.StatusCode(file.FailureStatus);
            }
        }
        if (file.OmitLength)
        {
            // Chunked, with no length announced: the reader has to count.
            return Results.Stream(async body => { await body.WriteAsync(file.Bytes); }, file.ContentType);
        }
        return Results.Bytes(file.Bytes, file.ContentType);
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
            // The same person's id across the app, as the webhook events carry it (WebhookSender).
            ["user_id_by_app"] = userId + "-byapp",
        });
    }

    /// <summary>The latest messages with one user, newest first, in the shape of Zalo's conversation API.</summary>
    private static IResult Conversation(HttpContext http, string? data, SimulatorState state)
    {
        state.CountCall("conversation");
        if (!state.IsValidAccessToken(http.Request.Headers["access_token"].ToString()))
            return ZaloResponses.Error(-216, "Access token is invalid");
        string? userId = null;
        int offset = 0, count = 5;
        try
        {
            var query = data is null ? null : JsonNode.Parse(data);
            userId = query?["user_id"]?.GetValue<string>();
            offset = query?["offset"]?.GetValue<int>() ?? 0;
            count = query?["count"]?.GetValue<int>() ?? 5;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { }
        if (string.IsNullOrEmpty(userId) || offset < 0 || count is < 1 or > 10) return ZaloResponses.Error(-201, "Parameters are invalid");
        var messages = state.Chat(userId).Reverse().Skip(offset).Take(count).Select(e => (JsonNode)new JsonObject
        {
            ["msg_id"] = e.MessageId,
            ["src"] = e.Direction == "oa" ? 0 : 1,
            ["time"] = e.At.ToUnixTimeMilliseconds(),
            ["type"] = "text",
            ["message"] = e.Content["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? e.Content["text"]!.GetValue<string>() : "",
        });
        return ZaloResponses.Ok(new JsonArray(messages.ToArray()));
    }

    private static async Task<IResult> AccessTokenAsync(HttpContext http, SimulatorState state, IOptions<SimulatorOptions> options)
    {
        state.CountCall("oauth");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        if (http.Request.Headers["secret_key"].ToString() != options.Value.AppSecret || form?["app_id"].ToString() != options.Value.AppId)
            return OAuthError(-14002, "Invalid app_id or secret_key");
        var grant = form["grant_type"].ToString();
        if (grant is not ("refresh_token" or "authorization_code"))
            return OAuthError(-14003, "Unsupported grant_type");
        var tokens = grant == "refresh_token"
            ? state.Refresh(form["refresh_token"].ToString())
            : state.ExchangeCode(form["code"].ToString(), form["code_verifier"].ToString());
        if (tokens is not { } issued)
            return OAuthError(grant == "refresh_token" ? -14014 : -14019, grant == "refresh_token" ? "Invalid refresh token" : "Invalid code or code_verifier");
        return Results.Json(new JsonObject
        {
            ["access_token"] = issued.AccessToken,
            ["refresh_token"] = issued.RefreshToken,
            ["expires_in"] = ((int)issued.ExpiresIn.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private static IResult OAuthError(int code, string name) =>
        Results.Json(new JsonObject { ["error"] = code, ["error_name"] = name, ["error_description"] = name });
}
