namespace ZaloBot.Tickets;

/// <summary>A ticket as staff see it in the API.</summary>
/// <param name="ServiceCentreSource">How the service centre was known: miniapp or landing_page (a signed one-time code), typed_code (the poster's code typed by hand, which proves nothing).</param>
public sealed record TicketView(
    long Id,
    string Code,
    TicketStatus Status,
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
    string Track = "pakn",
    string Priority = "normal",
    DateTime? FirstResponseDueAt = null,
    DateTime? AcceptanceDueAt = null,
    string CitizenOaId = "",
    string? ServiceCentreSource = null)
{
    /// <summary>The clock to watch now (first response, acceptance or resolution); filled in for the queue, null elsewhere.</summary>
    public TicketClockView? Clock { get; init; }

    /// <summary>Who the ticket's notices go to, through the OA it came through.</summary>
    public ZaloBot.Outbox.OutboxRecipient Citizen => ZaloBot.Outbox.OutboxRecipient.FromStored(CitizenOaId, CitizenZaloId);

    /// <summary>No channel reached the citizen with the latest notice (outside Zalo's window, no template, no phone).</summary>
    public bool CitizenUnreachable => CitizenUnreachableAt is not null;
}

/// <summary>A ticket's nearest clock as the API gives it: kind (first_response, acceptance, resolution), due, urgency (overdue, due-soon, due-near, due-ok), and the words staff read.</summary>
public sealed record TicketClockView(string Kind, DateTimeOffset DueAt, string Urgency, string Text)
{
    public static TicketClockView? From(Domain.Tracks.TicketClock? clock) =>
        clock is null ? null : new(clock.KindName, clock.DueAt, clock.UrgencyName, clock.Label + ": " + clock.LeftText);
}

public sealed record TicketEventView(long Id, DateTime At, string ActorKind, string? ActorId, string Kind, bool IsPublic, string? Body, string Payload);

/// <param name="Evidence">The kept copies of the thread's attachments (by ticketEventId and position), see /evidence.</param>
public sealed record TicketWithThread(TicketView Ticket, IReadOnlyList<TicketEventView> Thread, IReadOnlyList<EvidenceView>? Evidence = null);

public sealed record TicketPage(IReadOnlyList<TicketView> Items, long? NextAfter);
