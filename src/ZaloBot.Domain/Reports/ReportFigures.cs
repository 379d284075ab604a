namespace ZaloBot.Domain.Reports;

/// <summary>
/// What a leader is told about one period, for the whole province, one agency, one track or one agency's track:
/// tickets received in the period, tickets resolved in it (and how many by their due date), tickets overdue (resolved
/// late in the period, or still running past their due date at its end), tickets reopened in it, the median time from
/// receipt to resolution, and the citizens' ratings of the tickets resolved in it.
/// </summary>
public sealed record ReportFigures(
    long Received,
    long Resolved,
    long ResolvedOnTime,
    long Overdue,
    long Reopened,
    double? MedianHoursToResolve,
    double? AverageRating,
    long Ratings)
{
    public static ReportFigures None { get; } = new(0, 0, 0, 0, 0, null, null, 0);

    /// <summary>Resolved by the due date, of those resolved with a due date (a ticket without one counts as on time).</summary>
    public double? OnTimeRate => Resolved == 0 ? null : (double)ResolvedOnTime / Resolved;

    public bool IsEmpty => Received == 0 && Resolved == 0 && Overdue == 0 && Reopened == 0;
}

/// <summary>One scope's figures in total and per track (<c>pakn</c>, <c>khieu_nai</c>, <c>to_cao</c>).</summary>
public sealed record ScopeFigures(ReportFigures Total, IReadOnlyDictionary<string, ReportFigures> ByTrack);

/// <summary>One agency's figures for a period, in total and per track: a row of the league table.</summary>
public sealed record AgencyFigures(string Agency, ScopeFigures Figures);

/// <summary>
/// The per-agency league: best on-time rate first; among equals, fewer overdue, then the shorter median time, then
/// the better rating. An agency that resolved nothing in the period has no rate and comes after those that did.
/// </summary>
public static class LeagueTable
{
    public static IReadOnlyList<AgencyFigures> Order(IEnumerable<AgencyFigures> agencies) => agencies
        .OrderBy(a => a.Figures.Total.OnTimeRate is null)
        .ThenByDescending(a => a.Figures.Total.OnTimeRate ?? 0)
        .ThenBy(a => a.Figures.Total.Overdue)
        .ThenBy(a => a.Figures.Total.MedianHoursToResolve ?? double.MaxValue)
        .ThenByDescending(a => a.Figures.Total.AverageRating ?? 0)
        .ThenBy(a => a.Agency, StringComparer.Ordinal)
        .ToList();
}
