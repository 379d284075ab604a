using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>
/// What a simulated citizen does in Zalo, turned into the webhook event Zalo would send. <c>OaId</c> picks which of the
/// simulator's OAs they write to (the main one when null); <c>UserId</c> is their id on that OA.
/// </summary>
public sealed record CitizenAction(
    string UserId,
    string? Text = null,
    string? ImageUrl = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Sticker = null,
    string? InfoName = null,
    string? InfoPhone = null,
    bool Follow = false,
    string? OaId = null);

/// <summary>
/// Posts signed webhook events to the service, as Zalo does. The signature is computed here independently of the
/// service's own verifier: SHA-256 over app_id + body + timestamp + OA secret key, hex, "mac=" prefixed.
/// </summary>
public sealed class WebhookSender(HttpClient http, SimulatorState state, IOptions<SimulatorOptions> options, TimeProvider time)
{
    public async Task<int> SendAsync(CitizenAction action, Uri webhookUrl, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var oaId = action.OaId ?? o.OaId;
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var msgId = "sim-user-" + RandomNumberGenerator.GetHexString(20, lowercase: true);
        var (eventName, content) = Build(action, msgId, oaId);

        var body = new JsonObject
        {
            ["app_id"] = o.AppId,
            ["user_id_by_app"] = action.UserId + "-byapp",
            ["event_name"] = eventName,
            ["timestamp"] = timestamp,
        };
        foreach (var (key, value) in content) body[key] = value?.DeepClone();
        if (!action.Follow)
        {
            body["sender"] = new JsonObject { ["id"] = action.UserId };
            body["recipient"] = new JsonObject { ["id"] = oaId };
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var mac = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(o.AppId), .. bytes, .. Encoding.UTF8.GetBytes(timestamp), .. Encoding.UTF8.GetBytes(o.OaSecretKey)]));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", "mac=" + mac);

        state.Record(action.UserId, "user", content.DeepClone(), msgId, oaId: oaId);
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private static (string EventName, JsonObject Content) Build(CitizenAction a, string msgId, string oaId)
    {
        if (a.Follow)
            return ("follow", new JsonObject { ["oa_id"] = oaId, ["follower"] = new JsonObject { ["id"] = a.UserId }, ["source"] = "oa_profile" });
        if (a.InfoName is not null || a.InfoPhone is not null)
            return ("user_submit_info", new JsonObject { ["info"] = new JsonObject { ["name"] = a.InfoName, ["phone"] = a.InfoPhone } });
        if (a.ImageUrl is not null)
            return ("user_send_image", Message(msgId, a.Text, Attachment("image", new JsonObject { ["url"] = a.ImageUrl, ["thumbnail"] = a.ImageUrl })));
        if (a.Latitude is { } lat && a.Longitude is { } lng)
            return ("user_send_location", Message(msgId, null, Attachment("location", new JsonObject
            {
                ["coordinates"] = new JsonObject
                {
                    ["latitude"] = lat.ToString(CultureInfo.InvariantCulture),
                    ["longitude"] = lng.ToString(CultureInfo.InvariantCulture),
                },
            })));
        if (a.Sticker is not null)
            return ("user_send_sticker", Message(msgId, null, Attachment("sticker", new JsonObject { ["id"] = a.Sticker, ["url"] = "https://zalo.me/sticker/" + a.Sticker })));
        return ("user_send_text", Message(msgId, a.Text ?? "", null));
    }

    private static JsonObject Attachment(string type, JsonObject payload) => new() { ["type"] = type, ["payload"] = payload };

    private static JsonObject Message(string msgId, string? text, JsonObject? attachment)
    {
        var message = new JsonObject { ["msg_id"] = msgId };
        if (text is not null) message["text"] = text;
        if (attachment is not null) message["attachments"] = new JsonArray(attachment);
        return new JsonObject { ["message"] = message };
    }
}
