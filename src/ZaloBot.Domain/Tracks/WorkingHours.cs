using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tracks;

/// <summary>
/// Office hours, Vietnam time: a morning and an afternoon period on each working day of the calendar. The
/// first-response clock ("accept within 8 working hours, urgent within 2") runs only inside them.
/// </summary>
public sealed record WorkingHours(TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
{
    /// <summary>08:00–12:00 and 13:00–17:00: eight hours, the civil service's working day (Bộ luật Lao động 2019, Điều 105).</summary>
    public static WorkingHours Default { get; } = new(new(8, 0), new(12, 0), new(13, 0), new(17, 0));

    public bool IsValid => MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd;

    private (TimeOnly Start, TimeOnly End)[] Periods => [(MorningStart, MorningEnd), (AfternoonStart, AfternoonEnd)];

    /// <summary>The instant when <paramref name="amount"/> of office time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(WorkingDayCalendar calendar, DateTimeOffset start, TimeSpan amount)
    {
        if (!IsValid) throw new InvalidOperationException("Office hours must be two ordered periods.");
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var local = start.ToOffset(WorkingDayCalendar.VietnamOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;
        var remaining = amount;
        // Holidays are finite, so a working day always comes; ten years is a bound against a broken calendar.
        for (var guard = 0; guard < 3660; guard++, date = date.AddDays(1), time = TimeSpan.Zero)
        {
            if (!calendar.IsWorkingDay(date)) continue;
            foreach (var (periodStart, periodEnd) in Periods)
            {
                var from = time > periodStart.ToTimeSpan() ? time : periodStart.ToTimeSpan();
                var end = periodEnd.ToTimeSpan();
                if (from >= end) continue;
                if (remaining <= end - from)
                    return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue) + from + remaining, WorkingDayCalendar.VietnamOffset).ToUniversalTime();
                remaining -= end - from;
            }
        }
        throw new InvalidOperationException("No working day within ten years: check the holiday calendar.");
    }

    /// <summary>Office time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(WorkingDayCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var first = WorkingDayCalendar.DateInVietnam(from);
        var last = WorkingDayCalendar.DateInVietnam(to);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date)) continue;
            foreach (var (periodStart, periodEnd) in Periods)
            {
                var s = new DateTimeOffset(date.ToDateTime(periodStart), WorkingDayCalendar.VietnamOffset);
                var e = new DateTimeOffset(date.ToDateTime(periodEnd), WorkingDayCalendar.VietnamOffset);
                var a = s > from ? s : from;
                var b = e < to ? e : to;
                if (b > a) total += b - a;
            }
        }
        return total;
    }
}
