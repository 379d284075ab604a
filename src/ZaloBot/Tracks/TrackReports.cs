using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Calendar;
using ZaloBot.ReportEndpoints;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Tracks;

public sealed record TrackReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<CountRow> Counts,
    long Resolved,
    long Reopened,
    long ReopenedByCitizens,
    double? ReopenRate,
    long AnswersSubmitted,
    long AnswersReturned,
    long FlaggedForReview,
    long Breaches);

/// <summary>
/// The tracks report's figures for tickets created in [from, to): counts per track and priority, clock breaches per
/// kind and per agency, how many resolved tickets were reopened (by staff or by the citizen's "not yet"), answers
/// returned at approval, and tickets flagged for review.
/// </summary>
public static class TrackReports
{
    public static IEndpointRouteBuilder MapTrackReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapReportsGroup()
            .MapGet("/tracks", ReportAsync)
            .WithSummary("Tickets created in [from, to): per track, per priority, breaches (per kind and agency), reopen rate, answers returned at approval, flagged for review. format=csv for a spreadsheet.");
        return app;
    }

    private static Task<Results<Ok<TrackReport>, ContentHttpResult, ValidationProblem>> ReportAsync(
        string? from, string? to, string? format, NpgsqlDataSource db, TimeProvider time, CancellationToken ct) =>
        ReportResponse.JsonOrCsvAsync(from, to, format, time, (start, end) => BuildAsync(db, start, end, ct), ToCsv);

    public static async Task<TrackReport> BuildAsync(NpgsqlDataSource db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        const string sql = """
            create temporary table if not exists report_tickets (id bigint primary key, track text, priority text, agency text, review boolean) on commit drop;
            insert into report_tickets
            select id, track, priority, assigned_agency_code, review_flagged_at is not null from tickets
            where created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh' and created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh';

            select 'track' as Dimension, track as Key, count(*) as Count from report_tickets group by track
            union all select 'priority', priority, count(*) from report_tickets group by priority
            union all select 'breach', e.kind, count(*) from ticket_escalations e join report_tickets t on t.id = e.ticket_id group by e.kind
            union all select 'breach_agency', coalesce(e.agency_code, '(intake)'), count(*) from ticket_escalations e join report_tickets t on t.id = e.ticket_id group by e.agency_code
            order by 1, 2;

            select
                (select count(distinct e.ticket_id) from ticket_events e join report_tickets t on t.id = e.ticket_id
                 where e.kind = 'status_changed' and e.payload->>'to' = @resolved) as Resolved,
                (select count(distinct e.ticket_id) from ticket_events e join report_tickets t on t.id = e.ticket_id
                 where e.kind = 'citizen_reopened' or (e.kind = 'status_changed' and e.payload->>'action' = 'reopen')) as Reopened,
                (select count(distinct e.ticket_id) from ticket_events e join report_tickets t on t.id = e.ticket_id where e.kind = 'citizen_reopened') as ReopenedByCitizens,
                (select count(*) from ticket_events e join report_tickets t on t.id = e.ticket_id where e.kind = 'answer_submitted') as AnswersSubmitted,
                (select count(*) from ticket_events e join report_tickets t on t.id = e.ticket_id where e.kind = 'answer_returned') as AnswersReturned,
                (select count(*) from report_tickets where review) as FlaggedForReview,
                (select count(*) from ticket_escalations e join report_tickets t on t.id = e.ticket_id) as Breaches;
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue), resolved = TicketStatus.Resolved }, transaction, cancellationToken: ct));
        var counts = (await results.ReadAsync<CountRow>()).AsList();
        var s = await results.ReadSingleAsync<(long Resolved, long Reopened, long ReopenedByCitizens, long AnswersSubmitted, long AnswersReturned, long FlaggedForReview, long Breaches)>();
        await results.DisposeAsync();
        await transaction.CommitAsync(ct);
        return new TrackReport(from, to, counts, s.Resolved, s.Reopened, s.ReopenedByCitizens, s.Resolved == 0 ? null : (double)s.Reopened / s.Resolved,
            s.AnswersSubmitted, s.AnswersReturned, s.FlaggedForReview, s.Breaches);
    }

    internal static string ToCsv(TrackReport r) => ReportCsv.Counts(r.Counts,
        $"resolved,{r.Resolved}", $"reopened,{r.Reopened}", $"reopened_by_citizens,{r.ReopenedByCitizens}", $"reopen_rate,{r.ReopenRate}",
        $"answers_submitted,{r.AnswersSubmitted}", $"answers_returned,{r.AnswersReturned}", $"flagged_for_review,{r.FlaggedForReview}",
        $"breaches,{r.Breaches}");
}
