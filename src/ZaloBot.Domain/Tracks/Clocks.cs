using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tracks;

/// <summary>How a legal time limit counts days: working days (Luật Tố cáo's "ngày làm việc"), or calendar days.</summary>
public enum DayKind
{
    Working,
    Calendar,
}

public static class DayKinds
{
    public static string ToName(this DayKind kind) => kind == DayKind.Working ? "working" : "calendar";

    /// <summary>The stored name; the database allows only the two, so anything else is taken as working days.</summary>
    public static DayKind Parse(string? name) => name == "calendar" ? DayKind.Calendar : DayKind.Working;

    public static bool TryParse(string? name, out DayKind kind)
    {
        kind = name == "calendar" ? DayKind.Calendar : DayKind.Working;
        return name is "working" or "calendar";
    }
}

/// <summary>
/// Deadlines of the legal tracks. A deadline is the end of the office day (17:00, Vietnam time) of its last day, as the
/// existing working-day deadlines are. A period counted in calendar days whose last day is a day off ends on the next
/// working day (Bộ luật Dân sự 2015, Điều 148 khoản 5).
/// </summary>
public static class Clocks
{
    public static readonly TimeOnly EndOfOfficeDay = new(17, 0);

    public static DateTimeOffset DueAfterDays(WorkingDayCalendar calendar, DateTimeOffset from, int days, DayKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = WorkingDayCalendar.DateInVietnam(from);
        DateOnly last;
        if (kind == DayKind.Working) last = calendar.AddWorkingDays(start, days);
        else
        {
            last = start.AddDays(days);
            while (!calendar.IsWorkingDay(last)) last = last.AddDays(1);
        }
        return AtEndOfDay(last);
    }

    public static DateTimeOffset AtEndOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(EndOfOfficeDay), WorkingDayCalendar.VietnamOffset).ToUniversalTime();
}
