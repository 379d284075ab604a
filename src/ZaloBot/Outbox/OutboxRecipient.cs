using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

/// <summary>
/// Who an outbox message is for, and through which OA it leaves: a Zalo user of that OA, or a citizen who filed
/// through another channel (Open311: hotline, web portal) and has no Zalo id, whom only a ZBS template by phone, sent
/// through the OA, can reach. The outbox keeps messages in order per stored recipient id
/// (<see cref="StoredId"/>), which for the latter names their ticket.
/// </summary>
public sealed record OutboxRecipient
{
    private const string ExternalPrefix = "ext:";

    private OutboxRecipient(string oaId, string? userId, string? externalTicketCode)
    {
        OaId = oaId;
        UserId = userId;
        ExternalTicketCode = externalTicketCode;
    }

    public string OaId { get; }

    /// <summary>The Zalo user id on <see cref="OaId"/>; null for a citizen without one.</summary>
    public string? UserId { get; }

    /// <summary>For a citizen without a Zalo id: the ticket they filed, whose contact phone a template may use.</summary>
    public string? ExternalTicketCode { get; }

    public bool IsExternal => UserId is null;

    /// <summary>The outbox's recipient_id: the per-recipient ordering key.</summary>
    public string StoredId => UserId ?? ExternalPrefix + ExternalTicketCode;

    public static OutboxRecipient Zalo(ZaloRecipient user) => new(user.OaId, user.UserId, null);

    public static OutboxRecipient External(string oaId, string ticketCode) => new(oaId, null, ticketCode);

    /// <summary>Reads back what <see cref="StoredId"/> wrote (outbox.recipient_id, and a ticket's citizen id).</summary>
    public static OutboxRecipient FromStored(string oaId, string storedId) =>
        storedId.StartsWith(ExternalPrefix, StringComparison.Ordinal) ? External(oaId, storedId[ExternalPrefix.Length..]) : new(oaId, storedId, null);

    public static implicit operator OutboxRecipient(ZaloRecipient user) => Zalo(user);

    /// <summary>The Zalo user this is; throws for a citizen without a Zalo id (callers check <see cref="IsExternal"/>).</summary>
    public ZaloRecipient AsZalo() => new(OaId, UserId ?? throw new InvalidOperationException("This recipient has no Zalo id."));
}
