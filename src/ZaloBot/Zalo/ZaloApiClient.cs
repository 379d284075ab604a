using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace ZaloBot.Zalo;

public sealed record ZaloSendResult(SendOutcome Outcome, int? ErrorCode, string? Detail, string? MessageId);

/// <summary>
/// Typed client for the Zalo OA API. Sends are never retried here (Zalo takes no idempotency key, so a hidden retry
/// can deliver twice): every failure is classified and returned, and the outbox decides, recording each attempt.
/// </summary>
public sealed class ZaloApiClient(HttpClient http)
{
    public async Task<ZaloSendResult> SendMessageAsync(string channel, string userId, JsonNode message, string accessToken, CancellationToken cancellationToken)
    {
        var path = channel == "transaction" ? "v3.0/oa/message/transaction" : "v3.0/oa/message/cs";
        var body = new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message.DeepClone() };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new(SendOutcome.Transient, null, $"HTTP {(int)response.StatusCode}", null);
            var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<ZaloSendData>>(cancellationToken);
            if (envelope is null) return new(SendOutcome.Transient, null, "Empty answer", null);
            var outcome = ZaloErrors.Classify(envelope.Error);
            return new(outcome, envelope.Error == 0 ? null : envelope.Error, envelope.Error == 0 ? null : envelope.Message, envelope.Data?.MessageId);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            return new(SendOutcome.Transient, null, ex.GetType().Name + ": " + ex.Message, null);
        }
    }

    public async Task<string> UploadImageAsync(Stream image, string fileName, string accessToken, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent { { new StreamContent(image), "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2.0/oa/upload/image") { Content = content };
        request.Headers.Add("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<ZaloUploadData>>(cancellationToken);
        return envelope is { Error: 0, Data.AttachmentId: { } id } ? id : throw new ZaloApiException(envelope?.Error ?? -1, envelope?.Message);
    }

    public async Task<ZaloUserProfile> GetUserProfileAsync(string userId, string accessToken, CancellationToken cancellationToken)
    {
        var data = Uri.EscapeDataString(JsonSerializer.Serialize(new { user_id = userId }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3.0/oa/user/detail?data={data}");
        request.Headers.Add("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync<ZaloEnvelope<ZaloUserProfile>>(cancellationToken);
        return envelope is { Error: 0, Data: { } profile } ? profile : throw new ZaloApiException(envelope?.Error ?? -1, envelope?.Message);
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException or JsonException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

public sealed class ZaloApiException(int error, string? message) : Exception($"Zalo error {error}: {message}")
{
    public int Error { get; } = error;
}
