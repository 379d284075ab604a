namespace ZaloBot.Domain.Tickets;

public enum TicketStatus
{
    Received,
    Accepted,
    Assigned,
    InProgress,
    /// <summary>Handling paused (waiting for a third party, the weather, the citizen); the resolution clock is paused.</summary>
    OnHold,
    Resolved,
    Closed,
    Rejected,
}

/// <summary>
/// The one mapping between a status and its stored name, and the one meaning of "open": everything but closed and
/// rejected. A resolved ticket is open (the citizen may still say it is not fixed); its clock no longer runs.
/// </summary>
public static class TicketStatusNames
{
    /// <summary>The name stored in the database and shown in the API.</summary>
    public static string ToName(this TicketStatus status) => status switch
    {
        TicketStatus.Received => "received",
        TicketStatus.Accepted => "accepted",
        TicketStatus.Assigned => "assigned",
        TicketStatus.InProgress => "in_progress",
        TicketStatus.OnHold => "on_hold",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        TicketStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without a name."),
    };

    public static bool TryParse(string? name, out TicketStatus status)
    {
        foreach (var candidate in Enum.GetValues<TicketStatus>())
        {
            if (candidate.ToName() == name)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static TicketStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"Unknown ticket status '{name}'.");

    /// <summary>Open: the ticket is not finished (closed or rejected). Resolved is open.</summary>
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Closed or TicketStatus.Rejected);

    /// <summary>The resolution clock runs: accepted, not on hold and not yet resolved.</summary>
    public static bool ClockRuns(this TicketStatus status) => status is TicketStatus.Accepted or TicketStatus.Assigned or TicketStatus.InProgress;

    /// <summary>Every status in order, with its stored name (for SQL filters, which take names).</summary>
    public static IReadOnlyList<string> Names(Func<TicketStatus, bool> which) => Enum.GetValues<TicketStatus>().Where(which).Select(ToName).ToList();
}
