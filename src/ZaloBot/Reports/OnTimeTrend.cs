using ZaloBot.Domain.Reports;

namespace ZaloBot.Reports;

/// <summary>One week or month of the trend: tickets resolved in it and how many by their due date.</summary>
public sealed record TrendPoint(DateOnly Start, long Resolved, long OnTime)
{
    public double? Rate => Resolved == 0 ? null : (double)OnTime / Resolved;
}

/// <summary>
/// The on-time rate per week (or per month) over the twelve weeks (months) that end with a period, by the date tickets
/// were resolved, so a leader sees whether the service is getting better and not only where it stands.
/// </summary>
public static class OnTimeTrend
{
    public const int Points = 12;

    private const string Sql = """
        select (date_trunc(@grain, resolved_at at time zone 'Asia/Ho_Chi_Minh'))::date as Start,
               count(*) as Resolved,
               count(*) filter (where due_at is null or resolved_at <= due_at) as OnTime
        from tickets
        where resolved_at >= @from and resolved_at < @to and (@agency::text is null or assigned_agency_code = @agency)
        group by 1
        """;

    /// <param name="lastDay">The last day of the period the trend ends with.</param>
    public static async Task<IReadOnlyList<TrendPoint>> LoadAsync(NpgsqlDataSource dataSource, ReportCadence grain, DateOnly lastDay, string? agency, CancellationToken cancellationToken)
    {
        var (lastFrom, to) = ReportSchedule.PeriodOf(grain, lastDay);
        var starts = Enumerable.Range(0, Points).Select(i => grain == ReportCadence.Monthly ? lastFrom.AddMonths(i - Points + 1) : lastFrom.AddDays(7 * (i - Points + 1))).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(DateTime Start, long Resolved, long OnTime)>(new CommandDefinition(Sql, new
        {
            grain = grain == ReportCadence.Monthly ? "month" : "week",
            from = PeriodFigures.StartOf(starts[0]),
            to = PeriodFigures.StartOf(to),
            agency,
        }, cancellationToken: cancellationToken))).ToDictionary(r => DateOnly.FromDateTime(r.Start));
        return starts.Select(s => rows.TryGetValue(s, out var r) ? new TrendPoint(s, r.Resolved, r.OnTime) : new TrendPoint(s, 0, 0)).ToList();
    }
}
