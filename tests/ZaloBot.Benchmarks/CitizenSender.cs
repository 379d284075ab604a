using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Plays Zalo's side of a citizen's message: the simulator is told the message id (as Zalo knows every message it
/// delivers, so the answer can be a free reply to it), then a correctly signed event is posted to the webhook.
/// </summary>
public sealed class CitizenSender(HttpClient http, string appId, string oaSecretKey)
{
    /// <summary>Message ids are made per user up front, so a wave registers them in a few large requests.</summary>
    public static string MessageId(string user) => "bench-" + user;

    public async Task RegisterAsync(IReadOnlyList<string> users)
    {
        foreach (var chunk in users.Chunk(2000))
            (await http.PostAsJsonAsync("/zalo-sim/_control/inbound", chunk.Select(u => new { userId = u, msgId = MessageId(u) }))).EnsureSuccessStatusCode();
    }

    /// <summary>One message from a user registered with <see cref="RegisterAsync"/>; throws unless the webhook answers 200.</summary>
    public Task SayAsync(string user, string text) => PostAsync(user, text, MessageId(user));

    /// <summary>A message with a fresh id, registered on its own first.</summary>
    /// <param name="oa">The OA written to (the simulator plays <c>bench-oa</c> and, for the many-OA run, <c>bench-oa-N</c>).</param>
    public async Task SayNewAsync(string user, string text, string oa = "bench-oa")
    {
        var msgId = "bench-" + Guid.NewGuid().ToString("N");
        (await http.PostAsJsonAsync("/zalo-sim/_control/inbound", new[] { new { userId = user, msgId } })).EnsureSuccessStatusCode();
        await PostAsync(user, text, msgId, oa);
    }

    /// <summary>A <c>user_send_text</c> event's body as Zalo sends it.</summary>
    public static byte[] Body(string appId, string timestamp, string user, string text, string msgId, string oa) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            app_id = appId, user_id_by_app = user + "-byapp", event_name = "user_send_text", timestamp,
            sender = new { id = user }, recipient = new { id = oa }, message = new { text, msg_id = msgId },
        });

    /// <summary>
    /// The request <see cref="SayAsync"/> makes, sent to another path of the server (whatever it answers, no webhook
    /// code runs): warms this client's own code for it, so a timed first webhook is the server's first, not the harness's.
    /// </summary>
    public Task WarmClientAsync(string path) => PostAsync("client", "xin chào", "client", path: path);

    private async Task PostAsync(string user, string text, string msgId, string oa = "bench-oa", string? path = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Body(appId, timestamp, user, text, msgId, oa);
        using var request = new HttpRequestMessage(HttpMethod.Post, path ?? "/webhooks/zalo") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(ZaloBot.Webhooks.WebhookSignature.HeaderName, ZaloBot.Webhooks.WebhookSignature.Compute(appId, bytes, timestamp, oaSecretKey));
        using var response = await http.SendAsync(request);
        if (path is null && (int)response.StatusCode != 200) throw new InvalidOperationException($"webhook answered {(int)response.StatusCode}");
    }
}
