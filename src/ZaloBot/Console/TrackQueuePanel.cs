using ZaloBot.Calendar;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tracks;

namespace ZaloBot.StaffConsole;

/// <summary>
/// What leads the queue: urgent tickets with their first-response clock, answers waiting for approval (approvers only)
/// and the last day's deadline breaches (supervisors and admins). Loaded by the page model; the partial only renders.
/// </summary>
public sealed record TrackQueuePanel(
    IReadOnlyList<TrackQueuePanel.UrgentTicket> Urgent,
    IReadOnlyList<PendingAnswer> Pending,
    IReadOnlyList<TrackQueuePanel.Breach> Breaches)
{
    public sealed record UrgentTicket(string Code, string Description, string Clock);

    public sealed record Breach(string Code, string What, DateTime At);

    public static readonly TrackQueuePanel Empty = new([], [], []);

    private sealed record UrgentRow(string Code, string Description, DateTime? FirstResponseDueAt, DateTime? DueAt);

    private sealed record BreachRow(string Code, string Kind, DateTime At);

    public static async Task<TrackQueuePanel> LoadAsync(NpgsqlConnection connection, StaffIdentity staff, TicketStatus status, bool firstPage,
        TrackSettings settings, HolidayCalendar holidays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string urgentSql = """
            select code, description, first_response_due_at as FirstResponseDueAt, due_at as DueAt from tickets
            where status = @status and priority = @urgent and (@scope::text is null or assigned_agency_code = @scope)
            order by coalesce(first_response_due_at, due_at), id
            limit 20
            """;
        var urgentRows = firstPage
            ? (await connection.QueryAsync<UrgentRow>(new CommandDefinition(urgentSql,
                new { status = TicketStatusNames.ToName(status), urgent = Priorities.Urgent, scope = staff.QueueScope }, cancellationToken: cancellationToken))).AsList()
            : [];

        var pending = TrackService.IntakeRoles.Contains(staff.Role) ? await TracksApi.LoadPendingAsync(connection, 5, cancellationToken) : [];

        const string breachSql = """
            select t.code, e.kind, e.at from ticket_escalations e join tickets t on t.id = e.ticket_id
            where e.at > @since and t.status = any(@unfinished)
            order by e.at desc limit 10
            """;
        var breaches = staff.Role is StaffRole.Supervisor or StaffRole.Admin
            ? (await connection.QueryAsync<BreachRow>(new CommandDefinition(breachSql,
                new { since = now.AddDays(-1), unfinished = TicketStatusNames.Names(s => s.IsOpen() && s != TicketStatus.Resolved).ToArray() },
                cancellationToken: cancellationToken))).AsList()
            : [];

        var rules = await settings.GetAsync(cancellationToken);
        var calendar = await holidays.GetAsync(cancellationToken);
        string Clock(UrgentRow row)
        {
            if (status == TicketStatus.Received && row.FirstResponseDueAt is { } firstResponse)
            {
                var at = new DateTimeOffset(DateTime.SpecifyKind(firstResponse, DateTimeKind.Utc));
                if (at < now) return "Quá hạn phản hồi";
                var left = rules.OfficeHours.Between(calendar, now, at);
                return $"Phản hồi trong {(int)left.TotalHours} giờ {left.Minutes} phút làm việc";
            }
            return row.DueAt is { } due ? "Hạn " + Pages.TicketModel.Local(due) : "";
        }

        return new TrackQueuePanel(
            urgentRows.Select(u => new UrgentTicket(u.Code, u.Description, Clock(u))).ToList(),
            pending,
            breaches.Select(b => new Breach(b.Code, BreachText(b.Kind), b.At)).ToList());
    }

    private static string BreachText(string kind) => kind switch
    {
        "first_response" => "quá hạn phản hồi đầu tiên",
        "acceptance" => "quá hạn tiếp nhận",
        "resolution" => "quá hạn giải quyết",
        _ => "quá hạn: " + kind,
    };
}
