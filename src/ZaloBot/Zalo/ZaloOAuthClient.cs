using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

public sealed record ZaloTokens(string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt);

public sealed class ZaloTokenException(string message) : Exception(message);

/// <summary>
/// The refresh-token grant. Never retried automatically: the refresh token is single-use, so a retry after a lost
/// answer would present a consumed token and could lock the OA out.
/// </summary>
public sealed class ZaloOAuthClient(HttpClient http, IOptions<ZaloOptions> options, TimeProvider time)
{
    public async Task<ZaloTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["app_id"] = o.AppId ?? "",
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }),
        };
        request.Headers.Add("secret_key", o.AppSecret ?? "");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new ZaloTokenException($"Token refresh answered HTTP {(int)response.StatusCode}");
        var answer = await response.Content.ReadFromJsonAsync<ZaloTokenResponse>(cancellationToken);
        if (answer is not { AccessToken: { } access, RefreshToken: { } refresh })
            throw new ZaloTokenException($"Token refresh refused: {answer?.Error} {answer?.ErrorName}");
        return new ZaloTokens(access, refresh, time.GetUtcNow().AddSeconds(answer.ExpiresIn ?? 3600));
    }
}
