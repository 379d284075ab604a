namespace ZaloBot.Inbox;

/// <summary>One webhook event from Zalo, parsed into the shape its <c>event_name</c> documents.</summary>
public abstract record ZaloEvent
{
    public required string EventName { get; init; }
    public required string AppId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? UserIdByApp { get; init; }

    /// <summary>
    /// The OA the event concerns, read from the field Zalo uses for this event type (<see cref="ZaloEventParser"/>);
    /// null when the event names none. A user's id means something only together with it.
    /// </summary>
    public string? OaId { get; init; }

    /// <summary>The Zalo user this event is about: the per-user ordering key for processing.</summary>
    public abstract string? UserId { get; }

    /// <summary>Zalo's own id of the message, where the event has one; the natural dedupe key.</summary>
    public virtual string? MessageId => null;
}

public sealed record ZaloAttachment(
    string Type,
    string? Url = null,
    string? Thumbnail = null,
    string? Name = null,
    long? Size = null,
    string? Checksum = null,
    string? Id = null,
    string? Description = null,
    double? Latitude = null,
    double? Longitude = null);

/// <summary><c>user_send_*</c> and <c>anonymous_send_*</c>: a user wrote to the OA.</summary>
public sealed record UserMessageEvent : ZaloEvent
{
    public required string SenderId { get; init; }
    public string? RecipientId { get; init; }
    public required string MsgId { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<ZaloAttachment> Attachments { get; init; } = [];
    public bool IsAnonymous => EventName.StartsWith("anonymous_", StringComparison.Ordinal);
    public override string? UserId => SenderId;
    public override string? MessageId => MsgId;
}

/// <summary><c>oa_send_*</c>: the OA wrote to a user, through the API or typed by staff in Zalo's OA chat tool.</summary>
public sealed record OaMessageEvent : ZaloEvent
{
    public required string RecipientId { get; init; }
    public string? SenderId { get; init; }
    public string? AdminId { get; init; }
    public required string MsgId { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<ZaloAttachment> Attachments { get; init; } = [];
    public override string? UserId => RecipientId;
    public override string? MessageId => MsgId;
}

/// <summary><c>follow</c> / <c>unfollow</c>.</summary>
public sealed record FollowEvent : ZaloEvent
{
    public required string FollowerId { get; init; }
    public string? Source { get; init; }
    public bool IsFollow => EventName == ZaloEventNames.Follow;
    public override string? UserId => FollowerId;
}

/// <summary><c>user_submit_info</c>: the user's answer to a request-user-info form.</summary>
public sealed record UserSubmitInfoEvent : ZaloEvent
{
    public required string SenderId { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }
    public string? Ward { get; init; }
    public override string? UserId => SenderId;
}

/// <summary><c>user_click_chatnow</c>: the user opened the chat from the OA's "chat now" button.</summary>
public sealed record ChatNowEvent : ZaloEvent
{
    public required string SenderId { get; init; }
    public override string? UserId => SenderId;
}

/// <summary><c>user_received_message</c> / <c>user_seen_message</c>: delivery receipts for OA messages.</summary>
public sealed record MessageStatusEvent : ZaloEvent
{
    public required string UserIdValue { get; init; }
    public IReadOnlyList<string> MsgIds { get; init; } = [];
    public bool IsSeen => EventName == ZaloEventNames.UserSeenMessage;
    public override string? UserId => UserIdValue;
}

/// <summary><c>user_reacted_message</c> / <c>oa_reacted_message</c>.</summary>
public sealed record ReactionEvent : ZaloEvent
{
    public required string UserIdValue { get; init; }
    public string? MsgId { get; init; }
    public string? Reaction { get; init; }
    public override string? UserId => UserIdValue;
}

/// <summary>Any event type we do not model (yet): stored as received, never rejected.</summary>
public sealed record UnknownEvent : ZaloEvent
{
    public string? UserIdValue { get; init; }
    public override string? UserId => UserIdValue;
}
