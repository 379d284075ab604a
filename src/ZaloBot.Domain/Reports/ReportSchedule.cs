using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Reports;

public enum ReportCadence
{
    Weekly,
    Monthly,
}

/// <summary>One report period, [From, To) in Vietnam's dates, and the moment its report is due to leaders.</summary>
public sealed record DueReport(ReportCadence Cadence, DateOnly From, DateOnly To, DateTimeOffset SendAt)
{
    /// <summary>The last day the period covers (the page and the message show days inclusive).</summary>
    public DateOnly LastDay => To.AddDays(-1);
}

/// <summary>
/// When the weekly and monthly reports go out. A week runs Monday to Sunday and a month is the calendar month, both in
/// Vietnam's dates; the report is due at the configured time on the first working day after the period ends (a Monday
/// that is a holiday moves it to Tuesday; Tết moves it past Tết), so a leader reads it at the start of a working day.
/// A report missed while the service was down is still sent within the catch-up window, never later: a week-old
/// report arriving out of the blue is noise.
/// </summary>
public static class ReportSchedule
{
    public static DateTimeOffset SendAt(WorkingDayCalendar calendar, DateOnly periodEnd, TimeOnly at)
    {
        var day = periodEnd;
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(at), WorkingDayCalendar.VietnamOffset);
    }

    /// <summary>The period of a cadence that contains <paramref name="date"/>.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(ReportCadence cadence, DateOnly date)
    {
        if (cadence == ReportCadence.Monthly)
        {
            var first = new DateOnly(date.Year, date.Month, 1);
            return (first, first.AddMonths(1));
        }
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(7));
    }

    /// <summary>The reports whose time has come at <paramref name="now"/> and whose catch-up window is still open.</summary>
    public static IReadOnlyList<DueReport> Due(WorkingDayCalendar calendar, DateTimeOffset now, TimeOnly at, TimeSpan catchUp, IEnumerable<ReportCadence> cadences)
    {
        var today = WorkingDayCalendar.DateInVietnam(now);
        var due = new List<DueReport>();
        foreach (var cadence in cadences)
        {
            // The period that ended most recently, and the one before it: a long holiday can push one period's send
            // day past the end of the next period.
            var (currentFrom, _) = PeriodOf(cadence, today);
            var (lastFrom, lastTo) = PeriodOf(cadence, currentFrom.AddDays(-1));
            var (earlierFrom, earlierTo) = PeriodOf(cadence, lastFrom.AddDays(-1));
            foreach (var (from, to) in new[] { (earlierFrom, earlierTo), (lastFrom, lastTo) })
            {
                var sendAt = SendAt(calendar, to, at);
                if (sendAt <= now && now < sendAt + catchUp) due.Add(new DueReport(cadence, from, to, sendAt));
            }
        }
        return due;
    }
}
