namespace ZaloBot.Tickets;

/// <summary>Why a staff action on a ticket did not happen, mapped to an HTTP answer by the API.</summary>
public enum TicketFailure
{
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

public sealed record TicketActionResult(TicketView? Ticket, TicketFailure? Failure, string? Detail)
{
    public static TicketActionResult Ok(TicketView ticket) => new(ticket, null, null);
    public static TicketActionResult Fail(TicketFailure failure, string detail) => new(null, failure, detail);
}
