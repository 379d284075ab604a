using ZaloBot.Calendar;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Tracks;

/// <summary>The tracks' part of every ticket action: the legal resolution period from acceptance, and answer approval.</summary>
public sealed class TrackPolicy(HolidayCalendar holidays, TrackSettings settings) : ITicketPolicy
{
    public async Task<Func<TicketView, TicketClock?>> NearestClocksAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await holidays.GetAsync(cancellationToken);
        var hours = (await settings.GetAsync(cancellationToken)).OfficeHours;
        return ticket => NearestClock.Of(ticket.Status, TicketService.Utc(ticket.FirstResponseDueAt),
            TicketService.Utc(ticket.AcceptanceDueAt), TicketService.Utc(ticket.DueAt), ticket.HeldAt is not null, calendar, hours, now);
    }

    /// <summary>
    /// The track's own period (calendar days for khiếu nại and tố cáo), or the category's working days, from the
    /// moment of acceptance.
    /// </summary>
    public async Task<DateTimeOffset> ResolutionDueOnAcceptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var track = await TicketLedger.MarkAcceptedAsync(connection, transaction, ticket.Id, now, cancellationToken);
        const string sql = """
            select r.resolution_days as Days, r.resolution_day_kind as Kind, c.deadline_working_days as CategoryDays
            from categories c left join ticket_tracks r on r.code = @track
            where c.code = @category
            """;
        var row = await connection.QuerySingleAsync<(int? Days, string? Kind, int CategoryDays)>(new CommandDefinition(sql,
            new { track, category = ticket.CategoryCode }, transaction, cancellationToken: cancellationToken));
        var calendar = await holidays.GetAsync(cancellationToken);
        if (row is { Days: { } days, Kind: { } name } && DayKinds.TryParse(name, out var kind))
            return Clocks.DueAfterDays(calendar, now, days, kind);
        return Clocks.DueAfterDays(calendar, now, row.CategoryDays, DayKind.Working);
    }

    /// <summary>Approvers' own answers go straight out; others' wait when an approval rule covers the agency or category.</summary>
    public async Task<bool> ApprovalRequiredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, TicketView ticket, CancellationToken cancellationToken)
    {
        if (staff.Role is Domain.Tickets.StaffRole.Supervisor or Domain.Tickets.StaffRole.Admin) return false;
        var rules = await connection.QueryAsync<(string? Agency, string? Category)>(new CommandDefinition(
            "select agency_code, category_code from approval_rules", transaction: transaction, cancellationToken: cancellationToken));
        return ApprovalRules.Requires(rules.Select(r => new ApprovalRule(r.Agency, r.Category)), ticket.AssignedAgencyCode, ticket.CategoryCode);
    }
}
