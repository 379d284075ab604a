using ZaloBot.Staff;

namespace ZaloBot.Tickets;

/// <summary>
/// Rules another feature owns that every ticket action obeys: when the resolution clock runs out after acceptance
/// (tracks and their legal periods), and whether an approval rule holds a handler's answer. Tickets calls them; the
/// feature that owns them registers the implementation, so Tickets does not depend on it.
/// </summary>
public interface ITicketPolicy
{
    /// <summary>The resolution due date of a ticket accepted now (recording the moment of acceptance).</summary>
    Task<DateTimeOffset> ResolutionDueOnAcceptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether this staff member's answers on this ticket wait for an approver.</summary>
    Task<bool> ApprovalRequiredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, TicketView ticket, CancellationToken cancellationToken);

    /// <summary>Reads tickets' nearest clocks at <paramref name="now"/> with the office hours and holidays in force.</summary>
    Task<Func<TicketView, Domain.Tracks.TicketClock?>> NearestClocksAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
