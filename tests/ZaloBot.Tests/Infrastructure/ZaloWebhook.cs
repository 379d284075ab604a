using System.Net.Http.Headers;
using System.Text;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>Builds webhook deliveries the way Zalo does: exact JSON bytes and the signature over them.</summary>
public static class ZaloWebhook
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static string Text(string userId, string text, string msgId, long? timestamp = null, string appId = ServiceFactory.AppId, string oaId = ServiceFactory.OaId) =>
        $$$"""{"app_id":"{{{appId}}}","user_id_by_app":"{{{userId}}}-byapp","event_name":"user_send_text","timestamp":"{{{timestamp ?? Now()}}}","sender":{"id":"{{{userId}}}"},"recipient":{"id":"{{{oaId}}}"},"message":{"text":"{{{text}}}","msg_id":"{{{msgId}}}"}}""";

    public static string Follow(string userId, long timestamp) =>
        $$$"""{"oa_id":"{{{ServiceFactory.OaId}}}","follower":{"id":"{{{userId}}}"},"user_id_by_app":"{{{userId}}}-byapp","event_name":"follow","app_id":"{{{ServiceFactory.AppId}}}","timestamp":"{{{timestamp}}}","source":"qr_code"}""";

    public static HttpRequestMessage Signed(string body, string secret = ServiceFactory.OaSecretKey) =>
        Signed(Encoding.UTF8.GetBytes(body), secret);

    public static HttpRequestMessage Signed(byte[] body, string secret = ServiceFactory.OaSecretKey)
    {
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        var appId = json.GetProperty("app_id").GetString()!;
        var timestamp = json.GetProperty("timestamp").ToString();
        return WithSignature(body, WebhookSignature.Compute(appId, body, timestamp, secret));
    }

    public static HttpRequestMessage WithSignature(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        return request;
    }

    public static HttpRequestMessage WithSignature(string body, string? signature) => WithSignature(Encoding.UTF8.GetBytes(body), signature);
}
