namespace ZaloBot.Domain.Tickets;

public enum TicketStatus
{
    Received,
    Accepted,
    Assigned,
    InProgress,
    Resolved,
    Closed,
    Rejected,
}

public static class TicketStatusNames
{
    /// <summary>The name stored in the database and shown in the API.</summary>
    public static string ToName(this TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
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
}
