using System.Net.Http.Json;
using System.Text.Json;

namespace ZaloBot.Zalo;

public sealed record ZaloTokens(string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt);

/// <summary>No usable access token now (Zalo unreachable, or no refresh token configured).</summary>
public class ZaloTokenException(string message) : Exception(message);

/// <summary>Zalo answered the refresh with a refusal: the refresh token is used or expired, and only a human can mint a new one.</summary>
public sealed class ZaloRefreshRefusedException(string answer) : ZaloTokenException("Zalo refused the refresh token: " + answer)
{
    /// <summary>Zalo's whole answer, for the operator.</summary>
    public string Answer { get; } = answer;
}

/// <summary>
/// The OAuth v4 grants: refresh token, and the authorisation code of a newly connected OA (with its PKCE verifier).
/// Never retried automatically: refresh tokens and codes are single-use, so a retry after a lost answer would present
/// a consumed one and could lock the OA out.
/// </summary>
public sealed class ZaloOAuthClient(HttpClient http, IOptions<ZaloOptions> options, TimeProvider time)
{
    public Task<ZaloTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        GrantAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    /// <summary>Redeems the code Zalo's authorisation page sent back for an OA, proving the PKCE verifier.</summary>
    public Task<ZaloTokens> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        GrantAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = codeVerifier }, cancellationToken);

    private async Task<ZaloTokens> GrantAsync(Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var o = options.Value;
        fields["app_id"] = o.AppId ?? "";
        using var request = new HttpRequestMessage(HttpMethod.Post, "v4/oa/access_token") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("secret_key", o.AppSecret ?? "");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ZaloTokenException("Token refresh got no answer: " + ex.Message);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw new ZaloTokenException($"Token refresh answered HTTP {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            ZaloTokenResponse? answer;
            try { answer = JsonSerializer.Deserialize<ZaloTokenResponse>(body); }
            catch (JsonException) { throw new ZaloTokenException("Token refresh answered something that is not JSON"); }
            if (answer is { AccessToken: { } access, RefreshToken: { } refresh })
                return new ZaloTokens(access, refresh, time.GetUtcNow().AddSeconds(answer.ExpiresIn ?? 3600));
            // The answer to a refused refresh holds error codes only, never a token: safe to keep whole.
            throw new ZaloRefreshRefusedException(body.Length > 1000 ? body[..1000] : body);
        }
    }
}
