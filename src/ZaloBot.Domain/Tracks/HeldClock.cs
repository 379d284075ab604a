using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tracks;

/// <summary>
/// What a hold gives back to the resolution clock. The rule: the due date moves later by the working days that passed
/// while the ticket was on hold — counted from the day after it was put on hold up to and including the day it
/// resumed, in Vietnam's calendar, weekends and holidays not counted. A hold begun and ended on the same day gives
/// nothing back; the due date keeps its time of day (the end of the office day).
/// </summary>
public static class HeldClock
{
    public static DateTimeOffset DueAfterHold(WorkingDayCalendar calendar, DateTimeOffset due, DateTimeOffset heldAt, DateTimeOffset resumedAt)
    {
        var paused = calendar.WorkingDaysBetween(WorkingDayCalendar.DateInVietnam(heldAt), WorkingDayCalendar.DateInVietnam(resumedAt));
        if (paused <= 0) return due;
        var dueDay = WorkingDayCalendar.DateInVietnam(due);
        var shifted = calendar.AddWorkingDays(dueDay, paused);
        return due + (shifted.ToDateTime(TimeOnly.MinValue) - dueDay.ToDateTime(TimeOnly.MinValue));
    }
}
