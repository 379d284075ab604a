using System.Globalization;
using System.Text.Json;
using ZaloBot.Domain.Text;

namespace ZaloBot.Inbox;

/// <summary>The common envelope every Zalo event carries; enough to verify the signature and route the event.</summary>
public readonly record struct ZaloEnvelope(string EventName, string AppId, string RawTimestamp, DateTimeOffset Timestamp);

/// <summary>
/// Parses Zalo webhook JSON. Lenient by design: ids and numbers arrive as strings or numbers depending on the
/// event, and a correctly signed event whose shape we do not recognise is kept as <see cref="UnknownEvent"/>
/// rather than refused, because refusing it would lose it.
/// Never throws on any JSON: identifiers are read as they are and checked by <see cref="FindInvalidId"/> (the receiver
/// refuses the event with 400), while a citizen's words and other free text are cleaned (<see cref="SafeText.Clean"/>),
/// so a NUL or a broken emoji in a message is stored and answered rather than refused or crashing the processor.
/// </summary>
public static class ZaloEventParser
{
    /// <summary>
    /// Longest identifier accepted. Zalo's ids are tens of characters; the limit keeps an id well inside PostgreSQL's
    /// btree entry limit (~2,700 bytes) on the inbox's unique and queue indexes, whose overflow would fail the INSERT.
    /// </summary>
    public const int MaxIdLength = 256;

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
        // Checked before the signature: these feed the signature check and the inbox row, and saying why is harmless.
        if ((InvalidId("event_name", eventName) ?? InvalidId("app_id", appId)) is { } invalid)
        {
            error = "Not a Zalo event: " + invalid;
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

    /// <summary>An event as the inbox stored it: the receiver checked it before storing, so a bad one is a fault, not input.</summary>
    public static ZaloEvent ReadStored(long inboxId, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        if (!TryReadEnvelope(document.RootElement, out var envelope, out var error))
            throw new InvalidOperationException($"Stored event {inboxId} has no envelope: {error}");
        return Parse(document.RootElement, envelope);
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
                Text = Words(root, "message", "text"), Attachments = Attachments(root),
            },
            _ when name.StartsWith(ZaloEventNames.OaSendPrefix, StringComparison.Ordinal) && recipientId is not null && msgId is not null => new OaMessageEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                RecipientId = recipientId, SenderId = senderId, AdminId = Str(root, "sender", "admin_id"), MsgId = msgId,
                Text = Words(root, "message", "text"), Attachments = Attachments(root),
            },
            ZaloEventNames.Follow or ZaloEventNames.Unfollow when (Str(root, "follower", "id") ?? userIdByApp) is { } follower => new FollowEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                FollowerId = follower, Source = Words(root, "source"),
            },
            ZaloEventNames.UserSubmitInfo when senderId is not null => new UserSubmitInfoEvent
            {
                EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
                SenderId = senderId,
                Name = Words(root, "info", "name"), Phone = Words(root, "info", "phone"), Address = Words(root, "info", "address"),
                City = Words(root, "info", "city"), District = Words(root, "info", "district"), Ward = Words(root, "info", "ward"),
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
                UserIdValue = user, MsgId = msgId, Reaction = Words(root, "message", "react_icon"),
            },
            _ => null,
        };

        parsed ??= new UnknownEvent
        {
            EventName = name, AppId = envelope.AppId, Timestamp = envelope.Timestamp, UserIdByApp = userIdByApp,
            UserIdValue = senderId ?? Str(root, "user_id") ?? Str(root, "follower", "id") ?? userIdByApp,
        };
        return parsed with { OaId = OaIdOf(name, root, senderId, recipientId) };
    }

    /// <summary>
    /// Where Zalo puts the OA's id (docs/zalo-platform.md, "Event shapes"): <c>recipient.id</c> when a user writes,
    /// <c>sender.id</c> when the OA writes, <c>oa_id</c> for follows and most others, <c>oa_id</c> else <c>sender.id</c>
    /// for delivery receipts.
    /// </summary>
    internal static string? OaIdOf(string name, JsonElement root, string? senderId, string? recipientId) => name switch
    {
        _ when IsUserMessage(name) || name == ZaloEventNames.UserReactedMessage => recipientId ?? Str(root, "oa_id"),
        _ when name.StartsWith(ZaloEventNames.OaSendPrefix, StringComparison.Ordinal) || name == ZaloEventNames.OaReactedMessage => senderId ?? Str(root, "oa_id"),
        ZaloEventNames.UserReceivedMessage or ZaloEventNames.UserSeenMessage => Str(root, "oa_id") ?? senderId,
        _ => Str(root, "oa_id") ?? recipientId,
    };

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
                Type: Words(item, "type") ?? "unknown",
                Url: Words(item, "payload", "url"),
                Thumbnail: Words(item, "payload", "thumbnail"),
                Name: Words(item, "payload", "name"),
                // Range-checked: a double outside long's range does not convert to anything meaningful.
                Size: Num(item, "payload", "size") is { } size and >= 0 and < 1e15 ? (long)size : null,
                Checksum: Words(item, "payload", "checksum"),
                Id: Words(item, "payload", "id"),
                Description: Words(item, "payload", "description"),
                Latitude: Num(item, "payload", "coordinates", "latitude") is { } lat and >= -90 and <= 90 ? lat : null,
                Longitude: Num(item, "payload", "coordinates", "longitude") is { } lon and >= -180 and <= 180 ? lon : null));
        }
        return result;
    }

    private static bool TryGet(JsonElement element, out JsonElement value, params ReadOnlySpan<string> path)
    {
        value = element;
        foreach (var segment in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !JsonText.TryGetProperty(value, segment, out value)) return false;
        }
        return true;
    }

    /// <summary>
    /// A string at the path as sent, possibly unsafe (see <see cref="FindInvalidId"/>); numbers are returned as their
    /// JSON text (Zalo sends ids both ways).
    /// </summary>
    internal static string? Str(JsonElement element, params ReadOnlySpan<string> path) =>
        TryGet(element, out var value, path)
            ? value.ValueKind switch
            {
                JsonValueKind.String => JsonText.Read(value),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Free text at the path, cleaned so that it can always be stored and shown.</summary>
    private static string? Words(JsonElement element, params ReadOnlySpan<string> path) => SafeText.CleanOrNull(Str(element, path));

    /// <summary>
    /// Why the event cannot be stored, naming the first bad identifier (NUL, lone surrogate, or longer than
    /// <see cref="MaxIdLength"/>), or null when every identifier is fine. Identifiers are refused rather than cleaned:
    /// a changed id would be another user's or another message's id.
    /// </summary>
    public static string? FindInvalidId(ZaloEvent zaloEvent)
    {
        var problem = InvalidId("event_name", zaloEvent.EventName) ?? InvalidId("app_id", zaloEvent.AppId)
            ?? InvalidId("user_id_by_app", zaloEvent.UserIdByApp) ?? InvalidId("user id", zaloEvent.UserId)
            ?? InvalidId("msg_id", zaloEvent.MessageId) ?? InvalidId("OA id", zaloEvent.OaId);
        if (problem is not null) return problem;
        return zaloEvent switch
        {
            UserMessageEvent m => InvalidId("recipient.id", m.RecipientId),
            OaMessageEvent m => InvalidId("sender.id", m.SenderId) ?? InvalidId("sender.admin_id", m.AdminId),
            MessageStatusEvent s => s.MsgIds.Select(id => InvalidId("message.msg_ids", id)).FirstOrDefault(p => p is not null),
            ReactionEvent r => InvalidId("message.msg_id", r.MsgId),
            _ => null,
        };
    }

    private static string? InvalidId(string field, string? value) =>
        value is null ? null
        : value.Length > MaxIdLength ? $"'{field}' is longer than {MaxIdLength} characters."
        : SafeText.Check(value) is var reason and not UnsafeTextReason.None ? SafeText.Describe(field, reason)
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
            if (item.ValueKind == JsonValueKind.String) result.Add(JsonText.Read(item));
            else if (item.ValueKind == JsonValueKind.Number) result.Add(item.GetRawText());
        }
        return result;
    }
}
