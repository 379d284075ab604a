namespace ZaloBot.Tickets;

/// <summary>Why a staff action on a ticket did not happen, mapped to an HTTP answer by the API.</summary>
public enum TicketFailure
{
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <param name="Held">The answer was held for approval: accepted, but the citizen hears nothing yet.</param>
public sealed record TicketActionResult(TicketView? Ticket, TicketFailure? Failure, string? Detail, bool Held = false)
{
    public static TicketActionResult Ok(TicketView ticket, bool held = false) => new(ticket, null, null, held);
    public static TicketActionResult Fail(TicketFailure failure, string detail) => new(null, failure, detail);
}
