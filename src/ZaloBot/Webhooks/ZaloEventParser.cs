using System.Globalization;
using System.Text.Json;

namespace ZaloBot.Webhooks;

/// <summary>The common envelope every Zalo event carries; enough to verify the signature and route the event.</summary>
public readonly record struct ZaloEnvelope(string EventName, string AppId, string RawTimestamp, DateTimeOffset Timestamp);

/// <summary>
/// Parses Zalo webhook JSON. Lenient by design: ids and numbers arrive as strings or numbers depending on the
/// event, and a correctly signed event whose shape we do not recognise is kept as <see cref="UnknownEvent"/>
/// rather than refused, because refusing it would lose it.
/// </summary>
public static class ZaloEventParser
{
    public static bool TryReadEnvelope(JsonElement root, out ZaloEnvelope envelope, out string error)
    {
        envelope = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body is JSON but not an object; a Zalo event is a JSON object.";
            return false;
        }
        var eventName = Str(root, "event_name");
        var appId = Str(root, "app_id");
        var rawTimestamp = Str(root, "timestamp");
        if (string.IsNullOrEmpty(eventName) || string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(rawTimestamp))
        {
            error = "Not a Zalo event: 'event_name', 'app_id' and 'timestamp' are required.";
            return false;
        }
        if (!long.TryParse(rawTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ||
            ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            error = "Not a Zalo event: 'timestamp' must be Unix milliseconds.";
            return false;
        }
        envelope = new ZaloEnvelope(eventName, appId, rawTimestamp, DateTimeOffset.FromUnixTimeMilliseconds(ms));
        error = "";
        return true;
    }

    public static ZaloEvent Parse(JsonElement root, ZaloEnvelope envelope)
    {
        var name = envelope.EventName;
        var userIdByApp = Str(root, "user_id_by_app");
        var senderId = Str(root, "sender", "id");
        var recipientId = Str(root, "recipient", "id");
        var msgId = Str(root, "message", "msg_id");

        ZaloEvent? parsed = name switch
        {
            _ when IsUserMessage(name) && senderId is not null && msgId is not null => new UserMessageEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                SenderId = senderId, RecipientId = recipientId, MsgId = msgId,
                Text = Str(root, "message", "text"), Attachments = Attachments(root),
            },
            _ when name.StartsWith(ZaloEventNames.OaSendPrefix, StringComparison.Ordinal) && recipientId is not null && msgId is not null => new OaMessageEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                RecipientId = recipientId, SenderId = senderId, AdminId = Str(root, "sender", "admin_id"), MsgId = msgId,
                Text = Str(root, "message", "text"), Attachments = Attachments(root),
            },
            ZaloEventNames.Follow or ZaloEventNames.Unfollow when (Str(root, "follower", "id") ?? userIdByApp) is { } follower => new FollowEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                FollowerId = follower, OaId = Str(root, "oa_id"), Source = Str(root, "source"),
            },
            ZaloEventNames.UserSubmitInfo when senderId is not null => new UserSubmitInfoEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                SenderId = senderId,
                Name = Str(root, "info", "name"), Phone = Str(root, "info", "phone"), Address = Str(root, "info", "address"),
                City = Str(root, "info", "city"), District = Str(root, "info", "district"), Ward = Str(root, "info", "ward"),
            },
            ZaloEventNames.UserClickChatNow when (Str(root, "user_id") ?? senderId ?? userIdByApp) is { } user => new ChatNowEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp, SenderId = user,
            },
            ZaloEventNames.UserReceivedMessage or ZaloEventNames.UserSeenMessage when (senderId ?? userIdByApp) is { } user => new MessageStatusEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                UserIdValue = user, MsgIds = StrArray(root, "message", "msg_ids"),
            },
            ZaloEventNames.UserReactedMessage or ZaloEventNames.OaReactedMessage
                when (name == ZaloEventNames.UserReactedMessage ? senderId : recipientId) is { } user => new ReactionEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                UserIdValue = user, MsgId = msgId, Reaction = Str(root, "message", "react_icon"),
            },
            _ => null,
        };

        return parsed ?? new UnknownEvent
        {
            EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
            UserIdValue = senderId ?? Str(root, "user_id") ?? Str(root, "follower", "id") ?? userIdByApp,
        };
    }

    private static bool IsUserMessage(string name) =>
        name.StartsWith(ZaloEventNames.UserSendPrefix, StringComparison.Ordinal) ||
        name.StartsWith(ZaloEventNames.AnonymousSendPrefix, StringComparison.Ordinal);

    private static List<ZaloAttachment> Attachments(JsonElement root)
    {
        if (!TryGet(root, out var list, "message", "attachments") || list.ValueKind != JsonValueKind.Array) return [];
        var result = new List<ZaloAttachment>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            result.Add(new ZaloAttachment(
                Type: Str(item, "type") ?? "unknown",
                Url: Str(item, "payload", "url"),
                Thumbnail: Str(item, "payload", "thumbnail"),
                Name: Str(item, "payload", "name"),
                Size: Num(item, "payload", "size") is { } size ? (long)size : null,
                Checksum: Str(item, "payload", "checksum"),
                Id: Str(item, "payload", "id"),
                Description: Str(item, "payload", "description"),
                Latitude: Num(item, "payload", "coordinates", "latitude"),
                Longitude: Num(item, "payload", "coordinates", "longitude")));
        }
        return result;
    }

    private static bool TryGet(JsonElement element, out JsonElement value, params ReadOnlySpan<string> path)
    {
        value = element;
        foreach (var segment in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value)) return false;
        }
        return true;
    }

    /// <summary>A string at the path; numbers are returned as their JSON text (Zalo sends ids both ways).</summary>
    internal static string? Str(JsonElement element, params ReadOnlySpan<string> path) =>
        TryGet(element, out var value, path)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static double? Num(JsonElement element, params ReadOnlySpan<string> path) =>
        Str(element, path) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : null;

    private static List<string> StrArray(JsonElement element, params ReadOnlySpan<string> path)
    {
        if (!TryGet(element, out var array, path) || array.ValueKind != JsonValueKind.Array) return [];
        var result = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s) result.Add(s);
            else if (item.ValueKind == JsonValueKind.Number) result.Add(item.GetRawText());
        }
        return result;
    }
}
