using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZaloBot.NationalSync;

/// <summary>
/// The LGSP-style JSON gateway: a client-credentials token from <c>TokenPath</c>, then <c>POST ServicePath</c> with the
/// bearer token, the <c>dstcode</c> header and <c>{"service": …, "data": {…}}</c>; success carries <c>result[]</c>.
/// Every name is configuration (<see cref="LgspOptions"/>): the national interface is unpublished.
/// </summary>
public sealed class LgspTransport(IHttpClientFactory http, IOptions<NationalSyncOptions> options, ILogger<LgspTransport> logger) : INationalTransport, IDisposable
{
    public const string HttpClientName = "national-sync";
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;

    private LgspOptions O => options.Value.Lgsp;

    public Task<NationalResult> PushQuestionAsync(NationalQuestion question, CancellationToken cancellationToken) =>
        CallAsync(O.QuestionService, NationalFields.Question(question, O), cancellationToken);

    public Task<NationalResult> PushAnswerAsync(NationalAnswer answer, CancellationToken cancellationToken) =>
        CallAsync(O.AnswerService, NationalFields.Answer(answer, O), cancellationToken);

    private async Task<NationalResult> CallAsync(string service, Dictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var result = await CallOnceAsync(service, data, refreshToken: false, cancellationToken);
        // A token the gateway no longer takes is fetched again once; refused again, it is the credentials.
        return result.AuthFailed ? await CallOnceAsync(service, data, refreshToken: true, cancellationToken) : result;
    }

    private async Task<NationalResult> CallOnceAsync(string service, Dictionary<string, object?> data, bool refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            var token = await TokenAsync(refreshToken, cancellationToken);
            if (token is null) return new NationalResult(false, null, "the gateway refused our client id and secret", AuthFailed: true);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(O.BaseUrl!), O.ServicePath))
            {
                Content = JsonContent.Create(new Dictionary<string, object?> { ["service"] = service, ["data"] = data }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (!string.IsNullOrEmpty(O.DstCode)) request.Headers.Add("dstcode", O.DstCode);
            using var response = await SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                _token = null;
                return new NationalResult(false, null, $"HTTP {(int)response.StatusCode} from {service}", AuthFailed: true);
            }
            if (!response.IsSuccessStatusCode) return new NationalResult(false, null, $"HTTP {(int)response.StatusCode} from {service}");
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            if (body?["result"] is not JsonArray { Count: > 0 } items)
                return new NationalResult(false, null, $"{service} answered without result[]: {Truncate(body?.ToJsonString())}");
            var id = items[0]?[O.ResultIdField]?.ToString();
            return new NationalResult(true, id, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new NationalResult(false, null, ex is TaskCanceledException ? "no answer in time" : ex.Message);
        }
    }

    private async Task<string?> TokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && !refresh) return _token;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(O.BaseUrl!), O.TokenPath))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = O.ClientId ?? "", ["client_secret"] = O.ClientSecret ?? "",
                }),
            };
            using var response = await SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                logger.LogError("The national gateway refused the client credentials (HTTP {Status}); nothing is sent until NationalSync:Lgsp:ClientId/ClientSecret are fixed", (int)response.StatusCode);
                _token = null;
                return null;
            }
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            _token = body?["access_token"]?.GetValue<string>() ?? throw new HttpRequestException("the token answer has no access_token");
            return _token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(O.Timeout);
        return await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
    }

    public void Dispose() => _tokenGate.Dispose();

    private static string? Truncate(string? text) => text is { Length: > 300 } ? text[..300] : text;
}
