using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Calendar;
using ZaloBot.ReportEndpoints;
using ZaloBot.Staff;

namespace ZaloBot.Tickets;

public sealed record CountRow(string Dimension, string Key, long Count);

public sealed record TicketReport(
    DateOnly From,
    DateOnly To,
    long Total,
    IReadOnlyList<CountRow> Counts,
    double? OnTimeRate,
    double? MedianHoursToResolve,
    double? AverageRating,
    long Ratings);

/// <summary>Counts and service levels for supervisors, as JSON or CSV: /api/reports/tickets.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapReportsGroup()
            .MapGet("/tickets", ReportAsync)
            .WithSummary("Tickets created in [from, to), optionally from one service centre: counts by status, category, agency, centre and month; on-time rate; median time to resolve; average rating. format=csv for a spreadsheet.");
        return app;
    }

    private static Task<Results<Ok<TicketReport>, ContentHttpResult, ValidationProblem>> ReportAsync(
        string? from, string? to, string? format, string? centre, NpgsqlDataSource db, TimeProvider time, CancellationToken ct) =>
        ReportResponse.JsonOrCsvAsync(from, to, format, time, (start, end) => BuildAsync(db, start, end, centre, null, ct), ToCsv,
            invalid: centre is { Length: > 16 } ? ("centre", "Unknown centre.") : null);

    /// <param name="centre">Only tickets that started at this service centre (the per-centre report).</param>
    /// <param name="agency">Only tickets assigned to this agency (the console's per-agency report).</param>
    public static async Task<TicketReport> BuildAsync(NpgsqlDataSource db, DateOnly from, DateOnly to, string? centre, string? agency, CancellationToken ct)
    {
        const string sql = """
            with t as (
                select * from tickets
                where created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh'
                  and created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
                  and (@centre::text is null or service_centre_code = @centre)
                  and (@agency::text is null or assigned_agency_code = @agency)
            )
            select 'status' as Dimension, status as Key, count(*) as Count from t group by status
            union all select 'category', category_code, count(*) from t group by category_code
            union all select 'agency', coalesce(assigned_agency_code, '(unassigned)'), count(*) from t group by assigned_agency_code
            union all select 'centre', coalesce(service_centre_code, '(none)'), count(*) from t group by service_centre_code
            union all select 'month', to_char(created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM'), count(*) from t group by 2
            order by 1, 2;

            select count(*) as Total,
                   (count(*) filter (where resolved_at is not null and due_at is not null and resolved_at <= due_at))::float8
                       / nullif(count(*) filter (where resolved_at is not null and due_at is not null), 0) as OnTimeRate,
                   percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600.0)
                       filter (where resolved_at is not null) as MedianHoursToResolve,
                   avg(rating)::float8 as AverageRating,
                   count(rating) as Ratings
            from tickets
            where created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh'
              and created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
              and (@centre::text is null or service_centre_code = @centre)
              and (@agency::text is null or assigned_agency_code = @agency);
            """;
        await using var c = await db.OpenConnectionAsync(ct);
        await using var results = await c.QueryMultipleAsync(new CommandDefinition(sql,
            new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue), centre = centre?.ToUpperInvariant(), agency }, cancellationToken: ct));
        var counts = (await results.ReadAsync<CountRow>()).ToList();
        var summary = await results.ReadSingleAsync<(long Total, double? OnTimeRate, double? MedianHoursToResolve, double? AverageRating, long Ratings)>();
        return new TicketReport(from, to, summary.Total, counts, summary.OnTimeRate, summary.MedianHoursToResolve, summary.AverageRating, summary.Ratings);
    }

    internal static string ToCsv(TicketReport report) => ReportCsv.Counts(report.Counts,
        $"total,{report.Total}", $"on_time_rate,{report.OnTimeRate}", $"median_hours_to_resolve,{report.MedianHoursToResolve}",
        $"average_rating,{report.AverageRating}");
}
