using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace ZaloBot.Zalo;

/// <summary>One call's answer: how it went, Zalo's code and message when it failed, the message id and paying quota when it worked.</summary>
public sealed record ZaloSendResult(SendOutcome Outcome, int? ErrorCode, string? Detail, string? MessageId, string? QuotaType = null)
{
    /// <summary>The call timed out: Zalo may have acted on it without our hearing back.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>Who a consultation message goes to: an answer to the citizen's inbound message (free), or the user (proactive, billed).</summary>
public abstract record ConsultationRecipient
{
    public sealed record Reply(string InboundMessageId) : ConsultationRecipient;
    public sealed record User(string UserId) : ConsultationRecipient;
}

/// <summary>
/// Typed client for the Zalo OA API. Sends are never retried here (Zalo takes no idempotency key, so a hidden retry
/// can deliver twice): every failure is classified and returned, and the outbox decides, recording each attempt.
/// Every call goes through one OA (its token) and waits for that OA's adaptive rate limiter, telling it how Zalo answered.
/// </summary>
public sealed class ZaloApiClient(HttpClient http, ZaloRateLimiters limiters, IOptions<ZaloOptions> options)
{
    /// <summary>A consultation (customer-service) message, <c>POST /v3.0/oa/message/cs</c>.</summary>
    public Task<ZaloSendResult> SendConsultationAsync(ConsultationRecipient recipient, JsonNode message, OaAccessToken accessToken, CancellationToken cancellationToken)
    {
        var to = recipient switch
        {
            ConsultationRecipient.Reply reply => new JsonObject { ["message_id"] = reply.InboundMessageId },
            ConsultationRecipient.User user => new JsonObject { ["user_id"] = user.UserId },
            _ => throw new ArgumentOutOfRangeException(nameof(recipient)),
        };
        return PostAsync(new Uri("v3.0/oa/message/cs", UriKind.Relative), new JsonObject { ["recipient"] = to, ["message"] = message.DeepClone() }, accessToken, cancellationToken);
    }

    /// <summary>An approved ZBS template to a user id, <c>POST /v3.0/oa/message/template</c>; needs no messaging window, costs money.</summary>
    public Task<ZaloSendResult> SendTemplateToUserAsync(string userId, string templateId, JsonObject templateData, OaAccessToken accessToken, CancellationToken cancellationToken) =>
        PostAsync(new Uri("v3.0/oa/message/template", UriKind.Relative), new JsonObject
        {
            ["user_id"] = userId,
            ["template_id"] = templateId,
            ["template_data"] = templateData.DeepClone(),
        }, accessToken, cancellationToken);

    /// <summary>An approved ZBS template to a phone number (84…), on Zalo's business API host.</summary>
    public Task<ZaloSendResult> SendTemplateToPhoneAsync(string phone, string templateId, JsonObject templateData, string trackingId, OaAccessToken accessToken, CancellationToken cancellationToken) =>
        PostAsync(new Uri(WithSlash(options.Value.BusinessApiBaseUrl), "message/template"), new JsonObject
        {
            ["phone"] = phone,
            ["template_id"] = templateId,
            ["template_data"] = templateData.DeepClone(),
            ["tracking_id"] = trackingId,
        }, accessToken, cancellationToken);

    /// <summary>
    /// When the user last interacted with the OA, from <c>POST /v3.0/oa/quota/message</c>: null when Zalo knows of no
    /// interaction; the failure outcome when Zalo could not say.
    /// </summary>
    public async Task<(SendOutcome Outcome, DateTimeOffset? LastInteraction)> GetLastInteractionAsync(string userId, OaAccessToken accessToken, CancellationToken cancellationToken)
    {
        var (result, data) = await CallAsync<ZaloQuotaData>(new Uri("v3.0/oa/quota/message", UriKind.Relative), new JsonObject { ["user_id"] = userId }, accessToken, cancellationToken);
        return result.Outcome switch
        {
            SendOutcome.Sent => (SendOutcome.Sent, data?.LastInteraction is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null),
            // Zalo answers the quota question with the window codes for users it will not let us reach.
            SendOutcome.OutsideWindow => (SendOutcome.Sent, null),
            _ => (result.Outcome, null),
        };
    }

    private async Task<ZaloSendResult> PostAsync(Uri path, JsonObject body, OaAccessToken accessToken, CancellationToken cancellationToken) =>
        (await CallAsync<ZaloSendData>(path, body, accessToken, cancellationToken)).Result;

    private async Task<(ZaloSendResult Result, T? Data)> CallAsync<T>(Uri path, JsonObject body, OaAccessToken accessToken, CancellationToken cancellationToken) where T : class
    {
        var limiter = limiters.For(accessToken.OaId);
        await limiter.WaitAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", accessToken.Token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // 429 and 503 say "too much"; other 5xx say Zalo is failing, which the dispatcher's link probing handles.
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) limiter.OnOverloaded();
                return (new ZaloSendResult(SendOutcome.Transient, null, $"HTTP {(int)response.StatusCode}", null), null);
            }
            var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<JsonElement>>(ZaloJson.Options, cancellationToken);
            if (envelope is null) return (new ZaloSendResult(SendOutcome.Transient, null, "Empty answer", null), null);
            var outcome = ZaloErrors.Classify(envelope.Error);
            if (outcome == SendOutcome.RateLimited) limiter.OnThrottled();
            else limiter.OnAnswered();
            if (outcome != SendOutcome.Sent)
                return (new ZaloSendResult(outcome, envelope.Error, envelope.Message, null), null);
            var data = envelope.Data.ValueKind == JsonValueKind.Object ? envelope.Data.Deserialize<T>(ZaloJson.Options) : null;
            var sent = data as ZaloSendData;
            return (new ZaloSendResult(SendOutcome.Sent, null, null, sent?.Id, sent?.Quota?.QuotaType), data);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            var timedOut = ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
            return (new ZaloSendResult(SendOutcome.Transient, null, ex.GetType().Name + ": " + ex.Message, null) { TimedOut = timedOut }, null);
        }
    }

    public async Task<string> UploadImageAsync(Stream image, string fileName, OaAccessToken accessToken, CancellationToken cancellationToken)
    {
        await limiters.For(accessToken.OaId).WaitAsync(cancellationToken);
        using var content = new MultipartFormDataContent { { new StreamContent(image), "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2.0/oa/upload/image") { Content = content };
        request.Headers.Add("access_token", accessToken.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<ZaloUploadData>>(cancellationToken);
        return envelope is { Error: 0, Data.AttachmentId: { } id } ? id : throw new ZaloApiException(envelope?.Error ?? -1, envelope?.Message);
    }

    /// <summary>
    /// The latest messages between the OA and one user, newest first (<c>GET /v2.0/oa/conversation</c>); null when Zalo
    /// did not answer with a list. Used to learn whether an interrupted send reached the citizen.
    /// </summary>
    public async Task<IReadOnlyList<ZaloConversationMessage>?> GetRecentMessagesAsync(string userId, int count, OaAccessToken accessToken, CancellationToken cancellationToken)
    {
        await limiters.For(accessToken.OaId).WaitAsync(cancellationToken);
        var data = Uri.EscapeDataString(JsonSerializer.Serialize(new { user_id = userId, offset = 0, count }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2.0/oa/conversation?data={data}");
        request.Headers.Add("access_token", accessToken.Token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return null;
            var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<List<ZaloConversationMessage>>>(ZaloJson.Options, cancellationToken);
            return envelope is { Error: 0, Data: { } messages } ? messages : null;
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            return null;
        }
    }

    public async Task<ZaloUserProfile> GetUserProfileAsync(string userId, OaAccessToken accessToken, CancellationToken cancellationToken)
    {
        await limiters.For(accessToken.OaId).WaitAsync(cancellationToken);
        var data = Uri.EscapeDataString(JsonSerializer.Serialize(new { user_id = userId }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3.0/oa/user/detail?data={data}");
        request.Headers.Add("access_token", accessToken.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<ZaloUserProfile>>(cancellationToken);
        return envelope is { Error: 0, Data: { } profile } ? profile : throw new ZaloApiException(envelope?.Error ?? -1, envelope?.Message);
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or JsonException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

public sealed class ZaloApiException(int error, string? message) : Exception($"Zalo error {error}: {message}")
{
    public int Error { get; } = error;
}
