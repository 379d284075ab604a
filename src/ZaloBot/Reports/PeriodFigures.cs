using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Reports;

namespace ZaloBot.Reports;

/// <summary>A period's figures for the province, each agency and each track (see <see cref="ReportFigures"/>).</summary>
public sealed record PeriodReport(DateOnly From, DateOnly To, ScopeFigures Province, IReadOnlyList<AgencyFigures> Agencies, ScopeFigures? Unassigned)
{
    public ScopeFigures For(string? agency) => agency is null
        ? Province
        : Agencies.FirstOrDefault(a => a.Agency == agency)?.Figures ?? new ScopeFigures(ReportFigures.None, new Dictionary<string, ReportFigures>());
}

/// <summary>
/// The figures of a period [from, to) in Vietnam's dates, read in one statement grouped by (agency, track), agency,
/// track and in total. A ticket belongs to the agency it is assigned to now; tickets never assigned are the intake's.
/// </summary>
public static class PeriodFigures
{
    private sealed record Row(bool AllAgencies, bool AllTracks, string? Agency, string? Track, long Received, long Resolved, long ResolvedOnTime,
        long Overdue, long Reopened, double? MedianHours, double? AverageRating, long Ratings);

    // Statuses are parameters from TicketStatusNames (one mapping); "overdue" counts tickets resolved late in the
    // period and tickets still past due at its end whose clock runs (on hold the clock waits).
    private const string Sql = """
        with scope as (
            select t.id, t.assigned_agency_code, t.track, t.created_at, t.resolved_at, t.due_at, t.rating, t.status
            from tickets t
            where t.created_at < @to
              and (@agency::text is null or t.assigned_agency_code = @agency)
              and (t.created_at >= @from or t.resolved_at >= @from or t.updated_at >= @from
                   or (t.resolved_at is null and t.due_at < @to and t.status = any(@running)))
        ), reopened as (
            select distinct e.ticket_id from ticket_events e join scope s on s.id = e.ticket_id
            where e.at >= @from and e.at < @to
              and (e.kind = @citizenReopened or (e.kind = @statusChanged and e.payload->>'action' = @reopen))
        ), figures as (
            select s.*, s.resolved_at >= @from and s.resolved_at < @to as resolved_in_period, r.ticket_id is not null as reopened
            from scope s left join reopened r on r.ticket_id = s.id
        )
        select grouping(assigned_agency_code) = 1 as AllAgencies, grouping(track) = 1 as AllTracks,
               assigned_agency_code as Agency, track as Track,
               count(*) filter (where created_at >= @from) as Received,
               count(*) filter (where resolved_in_period) as Resolved,
               count(*) filter (where resolved_in_period and (due_at is null or resolved_at <= due_at)) as ResolvedOnTime,
               count(*) filter (where (resolved_in_period and resolved_at > due_at)
                                   or (due_at < @to and (resolved_at >= @to or (resolved_at is null and status = any(@running))))) as Overdue,
               count(*) filter (where reopened) as Reopened,
               percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600.0)
                   filter (where resolved_in_period) as MedianHours,
               (avg(rating) filter (where resolved_in_period))::float8 as AverageRating,
               count(rating) filter (where resolved_in_period) as Ratings
        from figures
        group by grouping sets ((assigned_agency_code, track), (assigned_agency_code), (track), ())
        """;

    public static async Task<PeriodReport> LoadAsync(NpgsqlConnection connection, DateOnly from, DateOnly to, string? agency, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
        {
            from = StartOf(from),
            to = StartOf(to),
            agency,
            running = TicketStatusNames.Names(s => s.ClockRuns()).ToArray(),
            citizenReopened = TicketEventKinds.CitizenReopened,
            statusChanged = TicketEventKinds.StatusChanged,
            reopen = TicketActions.Of(TicketAction.Reopen).Name,
        }, cancellationToken: cancellationToken))).AsList();

        ScopeFigures Scope(Func<Row, bool> total, Func<Row, bool> perTrack) => new(
            rows.Where(total).Select(Figures).FirstOrDefault() ?? ReportFigures.None,
            rows.Where(perTrack).ToDictionary(r => r.Track!, Figures));

        var province = Scope(r => r.AllAgencies && r.AllTracks, r => r.AllAgencies && !r.AllTracks);
        var agencies = rows.Where(r => !r.AllAgencies && r.AllTracks && r.Agency is not null)
            .Select(r => new AgencyFigures(r.Agency!, Scope(x => x == r, x => !x.AllAgencies && !x.AllTracks && x.Agency == r.Agency)))
            .ToList();
        var unassigned = rows.Any(r => !r.AllAgencies && r.Agency is null)
            ? Scope(r => !r.AllAgencies && r.AllTracks && r.Agency is null, r => !r.AllAgencies && !r.AllTracks && r.Agency is null)
            : null;
        return new PeriodReport(from, to, province, agencies, unassigned);
    }

    public static async Task<PeriodReport> LoadAsync(NpgsqlDataSource dataSource, DateOnly from, DateOnly to, string? agency, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, from, to, agency, cancellationToken);
    }

    /// <summary>Midnight in Vietnam at the start of <paramref name="date"/>, as the UTC instant PostgreSQL compares with.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), WorkingDayCalendar.VietnamOffset).ToUniversalTime();

    private static ReportFigures Figures(Row r) => new(r.Received, r.Resolved, r.ResolvedOnTime, r.Overdue, r.Reopened, r.MedianHours, r.AverageRating, r.Ratings);
}
