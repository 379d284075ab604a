using System.Globalization;
namespace ZaloBot.Domain.Calendar;

/// <summary>A report's [from, to) from the query string, in Vietnam's dates; the last month up to today by default.</summary>
public static class ReportPeriod
{
    public static (DateOnly From, DateOnly To) Parse(string? from, string? to, TimeProvider time, Dictionary<string, string[]> errors)
    {
        // The report's day boundaries are Vietnam's, so "today" is too (after 17:00 UTC it is already tomorrow there).
        var today = WorkingDayCalendar.DateInVietnam(time.GetUtcNow());
        var start = ParseDate(from, today.AddMonths(-1), "from", errors);
        var end = ParseDate(to, today.AddDays(1), "to", errors);
        if (errors.Count == 0 && end <= start) errors["to"] = ["Must be after from."];
        return (start, end);
    }

    private static DateOnly ParseDate(string? text, DateOnly fallback, string name, Dictionary<string, string[]> errors)
    {
        if (text is null) return fallback;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = ["Use yyyy-MM-dd."];
        return fallback;
    }
}
