using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZaloBot.Zalo;

namespace ZaloBot.MiniApp;

/// <summary>Who Zalo says is behind a Mini App access token: the app-scoped user id.</summary>
public abstract record GraphAnswer
{
    public sealed record User(string AppUserId, string? Name) : GraphAnswer;
    public sealed record Refused(int Error, string? Message) : GraphAnswer;
    public sealed record Unreachable(string Reason) : GraphAnswer;
}

/// <summary>
/// Zalo's Graph API for Mini App users: <c>GET /v2.0/me</c> with the user's access token and the
/// <c>appsecret_proof</c> (HMAC-SHA256 of the token with the app secret), and <c>GET /v2.0/me/info</c>, which turns
/// the token of the phone permission into the number. Nothing the client says about itself is trusted without these.
/// </summary>
public sealed class ZaloGraphClient(HttpClient http, IOptions<ZaloOptions> zalo)
{
    public async Task<GraphAnswer> MeAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2.0/me?fields=id,name");
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        request.Headers.TryAddWithoutValidation("appsecret_proof", Proof(accessToken));
        var (answer, body) = await SendAsync(request, cancellationToken);
        if (answer is not null) return answer;
        return body!.Id is { Length: > 0 } id ? new GraphAnswer.User(id, body.Name) : new GraphAnswer.Refused(body.Error ?? -1, body.Message);
    }

    /// <summary>The phone number (84…) the user allowed the Mini App to read, or null.</summary>
    public async Task<string?> PhoneAsync(string accessToken, string phoneToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2.0/me/info");
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        request.Headers.TryAddWithoutValidation("code", phoneToken);
        request.Headers.TryAddWithoutValidation("secret_key", zalo.Value.AppSecret ?? "");
        var (answer, body) = await SendAsync(request, cancellationToken);
        return answer is null ? body!.Data?.Number : null;
    }

    private string Proof(string accessToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(zalo.Value.AppSecret ?? ""), Encoding.UTF8.GetBytes(accessToken)));

    private async Task<(GraphAnswer? Failure, GraphBody? Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return (new GraphAnswer.Unreachable($"HTTP {(int)response.StatusCode}"), null);
            var body = await response.Content.ReadFromJsonAsync<GraphBody>(cancellationToken);
            if (body is null) return (new GraphAnswer.Unreachable("empty answer"), null);
            return body.Error is { } error and not 0 ? (new GraphAnswer.Refused(error, body.Message), null) : (null, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (new GraphAnswer.Unreachable(ex.GetType().Name), null);
        }
    }

    private sealed record GraphBody(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("error")] int? Error,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("data")] PhoneData? Data);

    private sealed record PhoneData([property: JsonPropertyName("number")] string? Number);
}
