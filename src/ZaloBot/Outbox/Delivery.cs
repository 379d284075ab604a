using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Outbox;

/// <summary>A message claimed from the outbox for one send.</summary>
/// <param name="InDoubt">Its lease ran out without a recorded result: the replica that held it died, perhaps after Zalo took the send.</param>
public sealed record ClaimedMessage(
    long Id, string RecipientId, string Message, int Attempts, string? CorrelationId, string? ReplyToMsgId, long? TicketId, string? Notice, DateTime CreatedAt,
    string OaId, bool InDoubt = false)
{
    public OutboxRecipient Recipient => OutboxRecipient.FromStored(OaId, RecipientId);
}

/// <summary>
/// What a ticket notice is, so that beyond the messaging window it can travel as the operator's ZBS template:
/// its kind (accepted, resolved, …) and the fields a template may show.
/// </summary>
public sealed record Notice(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string?> Fields)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static Notice? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<Notice>(json);
}

/// <summary>One call to Zalo made for a message, as outbox_attempts records it.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, string Channel, string Outcome, int? ErrorCode, string? Detail, string? QuotaType);

public enum DeliveryStatus
{
    Sent,
    /// <summary>Try again at <see cref="DeliveryResult.NextAttemptAt"/>.</summary>
    Retry,
    /// <summary>A nudge reached the citizen in its place: the message waits until they write (outbox status <c>nudged</c>).</summary>
    AwaitingReply,
    /// <summary>Given up: staff see it as undelivered (and, for a ticket notice, the ticket as "could not reach the citizen").</summary>
    Failed,
}

/// <summary>The outcome of delivering one message: every attempt made, and what the outbox row becomes.</summary>
public sealed record DeliveryResult(long OutboxId, long? TicketId, DeliveryStatus Status, IReadOnlyList<DeliveryAttempt> Attempts)
{
    public string? DeliveredVia { get; init; }
    public string? ZaloMessageId { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Held for the quiet hours (or Zalo's night ban) until then: the recipient's later answers may overtake it.</summary>
    public DateTimeOffset? HeldUntil { get; init; }
    public string? Error { get; init; }

    /// <summary>For a failed ticket notice: why no channel reached the citizen.</summary>
    public string? UnreachableReason { get; init; }
}

/// <summary>Channel names, as stored in outbox.delivered_via and outbox_attempts.channel.</summary>
public static class DeliveryChannels
{
    public const string Reply = "reply";
    public const string Consultation = "cs";
    public const string TemplateByUser = "template_uid";
    public const string TemplateByPhone = "template_phone";
    public const string WindowCheck = "window_check";
}
