using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole;

public sealed record QueueRow(string Code, TicketStatus Status, string Category, string FirstLine, string Place, string Centre, string Agency, string Age,
    TicketClock? Clock, string Track, bool Urgent);

/// <summary>The queue page's data: the same query and agency scope as GET /api/tickets, dressed for people.</summary>
public static class ConsoleQueue
{
    /// <summary>Tab counts stop at this number ("1000+"), so a tab with a million closed tickets costs no more than one with a thousand.</summary>
    public const int CountCap = 1000;

    private static readonly string[] AllStatuses = [.. TicketStatusNames.Names(_ => true)];

    /// <summary>The agency a staff member is limited to, exactly as the API decides it (none → sees nothing).</summary>
    public static string? Scope(StaffIdentity staff) => staff.QueueScope;

    public static async Task<IReadOnlyDictionary<TicketStatus, long>> CountsAsync(NpgsqlConnection connection, string? scopeAgency, CancellationToken cancellationToken)
    {
        // Two statements rather than "@scope is null or …": the scoped one must use the (agency, status, id) index,
        // or a status the agency has no tickets in would scan every ticket of that status.
        const string all = """
            select s.status as Status,
                   (select count(*) from (select 1 from tickets t where t.status = s.status limit @cap) capped) as Count
            from unnest(@statuses) as s(status)
            """;
        const string scoped = """
            select s.status as Status,
                   (select count(*) from (select 1 from tickets t where t.assigned_agency_code = @scopeAgency and t.status = s.status limit @cap) capped) as Count
            from unnest(@statuses) as s(status)
            """;
        var rows = await connection.QueryAsync<(TicketStatus Status, long Count)>(new CommandDefinition(scopeAgency is null ? all : scoped,
            new { scopeAgency, cap = CountCap, statuses = AllStatuses }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    public static QueueRow ToRow(TicketView ticket, Lookups lookups, Func<TicketView, TicketClock?> clock, DateTimeOffset now)
    {
        var firstLine = ticket.Description.Split('\n', 2)[0].Trim();
        if (firstLine.Length > 90) firstLine = firstLine[..90] + "…";
        var place = ticket.Address ?? (ticket.Latitude is not null ? "Vị trí đã chia sẻ" : "");
        var created = new DateTimeOffset(DateTime.SpecifyKind(ticket.CreatedAt, DateTimeKind.Utc));
        return new QueueRow(ticket.Code, ticket.Status, lookups.Category(ticket.CategoryCode), firstLine, place,
            lookups.Centre(ticket.ServiceCentreCode), lookups.Agency(ticket.AssignedAgencyCode), ConsoleTexts.Age(now - created),
            clock(ticket), ticket.Track, ticket.Priority == Priorities.Urgent);
    }
}
