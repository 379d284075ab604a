namespace ZaloBot.Domain.Calendar;

/// <summary>
/// Deadlines in working days: Saturdays, Sundays and the configured public holidays (Tết, Hùng Kings, 30/4, 1/5,
/// 2/9 and the government's bridge days — data, not code) do not count.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    /// <summary>Vietnam keeps one offset all year (no daylight saving), so dates are taken at UTC+7.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly DateInVietnam(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive); negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date)) count++;
        }
        return count;
    }
}
