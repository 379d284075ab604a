namespace ZaloBot.Tickets;

/// <summary>A ticket as staff see it in the API.</summary>
public sealed record TicketView(
    long Id,
    string Code,
    string Status,
    string CategoryCode,
    string Description,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? AreaCode,
    string? ContactName,
    string? ContactPhone,
    string? ServiceCentreCode,
    string? AssignedAgencyCode,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DueAt,
    DateTime? ResolvedAt,
    short? Rating,
    int Version,
    string CitizenZaloId,
    DateTime? CitizenUnreachableAt = null,
    string? CitizenUnreachableReason = null,
    DateTime? HeldAt = null,
    string CitizenOaId = "")
{
    /// <summary>Who the ticket's notices go to, through the OA it came through.</summary>
    public ZaloBot.Outbox.OutboxRecipient Citizen => ZaloBot.Outbox.OutboxRecipient.FromStored(CitizenOaId, CitizenZaloId);

    /// <summary>No channel reached the citizen with the latest notice (outside Zalo's window, no template, no phone).</summary>
    public bool CitizenUnreachable => CitizenUnreachableAt is not null;
}

public sealed record TicketEventView(long Id, DateTime At, string ActorKind, string? ActorId, string Kind, bool IsPublic, string? Body, string Payload);

/// <param name="Evidence">The kept copies of the thread's attachments (by ticketEventId and position), see /evidence.</param>
public sealed record TicketWithThread(TicketView Ticket, IReadOnlyList<TicketEventView> Thread, IReadOnlyList<ZaloBot.Evidence.EvidenceView>? Evidence = null);

public sealed record TicketPage(IReadOnlyList<TicketView> Items, long? NextAfter);
