using System.Text.Json.Serialization;

namespace ZaloBot.Zalo;

/// <summary>Zalo's answer to almost every call: HTTP 200 and this envelope; <c>error</c> 0 is success.</summary>
public sealed record ZaloEnvelope<T>(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] T? Data);

public sealed record ZaloSendData(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("user_id")] string? UserId);

public sealed record ZaloUploadData(
    [property: JsonPropertyName("attachment_id")] string? AttachmentId);

public sealed record ZaloUserProfile(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("user_is_follower")] bool? IsFollower);

/// <summary>The OAuth endpoint's answer: tokens on success (expires_in arrives as a string), error fields otherwise.</summary>
public sealed record ZaloTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpiresIn,
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("error_name")] string? ErrorName);
