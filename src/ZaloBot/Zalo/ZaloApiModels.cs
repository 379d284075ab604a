using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Zalo;

/// <summary>Zalo's answer to almost every call: HTTP 200 and this envelope; <c>error</c> 0 is success.</summary>
public sealed record ZaloEnvelope<T>(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] T? Data);

public sealed record ZaloSendData(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("msg_id")] string? MsgId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("quota")] ZaloQuotaUsed? Quota)
{
    /// <summary>The OA API says message_id; the ZBS phone API says msg_id.</summary>
    public string? Id => MessageId ?? MsgId;
}

public sealed record ZaloQuotaUsed([property: JsonPropertyName("quota_type")] string? QuotaType);

public sealed record ZaloUploadData(
    [property: JsonPropertyName("attachment_id")] string? AttachmentId);

public sealed record ZaloUserProfile(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("user_is_follower")] bool? IsFollower,
    [property: JsonPropertyName("user_id_by_app")] string? UserIdByApp = null);

/// <summary>
/// One message of a conversation (<c>GET /v2.0/oa/conversation</c>): <c>src</c> 0 is the OA's, 1 the user's (as the
/// public SDKs read it; unconfirmed against Zalo's own documentation); <c>time</c> in epoch milliseconds;
/// <c>message</c> the text.
/// </summary>
public sealed record ZaloConversationMessage(
    [property: JsonPropertyName("msg_id")] string? MsgId,
    [property: JsonPropertyName("src"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int Src,
    [property: JsonPropertyName("time"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long Time,
    [property: JsonPropertyName("message")] string? Message)
{
    public bool FromOa => Src == 0;
}

/// <summary>The quota endpoint's answer; only the last interaction matters to us (epoch milliseconds, number or string).</summary>
public sealed record ZaloQuotaData(
    [property: JsonPropertyName("last_interaction"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? LastInteraction);

/// <summary>The OAuth endpoint's answer: tokens on success (expires_in arrives as a string), error fields otherwise.</summary>
public sealed record ZaloTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpiresIn,
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("error_name")] string? ErrorName);

internal static class ZaloJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
