using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tracks;

/// <summary>Which of a ticket's clocks is the one to watch now.</summary>
public enum ClockKind
{
    /// <summary>Received, not yet answered: office hours by priority.</summary>
    FirstResponse,
    /// <summary>Received, not yet accepted: the track's acceptance period.</summary>
    Acceptance,
    /// <summary>Accepted and not resolved: the resolution due date.</summary>
    Resolution,
}

/// <summary>How close a clock is: the colour the queue and the ticket page give it.</summary>
public enum ClockUrgency
{
    Overdue,
    DueSoon,
    DueNear,
    Ok,
}

/// <param name="Left">Office time left for a first response; null for the day-counted clocks.</param>
/// <param name="WorkingDaysLeft">Working days from today to the due day (negative when overdue); null for a first response.</param>
public sealed record TicketClock(ClockKind Kind, DateTimeOffset DueAt, ClockUrgency Urgency, TimeSpan? Left, int? WorkingDaysLeft)
{
    public string KindName => Kind switch
    {
        ClockKind.FirstResponse => "first_response",
        ClockKind.Acceptance => "acceptance",
        _ => "resolution",
    };

    public string UrgencyName => Urgency switch
    {
        ClockUrgency.Overdue => "overdue",
        ClockUrgency.DueSoon => "due-soon",
        ClockUrgency.DueNear => "due-near",
        _ => "due-ok",
    };

    /// <summary>What the clock is, for staff: "Phản hồi đầu tiên", "Tiếp nhận", "Giải quyết".</summary>
    public string Label => Kind switch
    {
        ClockKind.FirstResponse => "Phản hồi đầu tiên",
        ClockKind.Acceptance => "Tiếp nhận",
        _ => "Giải quyết",
    };

    /// <summary>How much time is left, for staff: "còn 7 giờ 57 phút làm việc", "còn 3 ngày", "quá hạn 2 ngày".</summary>
    public string LeftText => (Kind, Urgency) switch
    {
        (ClockKind.FirstResponse, ClockUrgency.Overdue) => "quá hạn",
        (ClockKind.FirstResponse, _) => $"còn {(int)Left!.Value.TotalHours} giờ {Left.Value.Minutes} phút làm việc",
        (_, ClockUrgency.Overdue) => $"quá hạn {Math.Max(1, -(WorkingDaysLeft ?? 0))} ngày",
        _ when WorkingDaysLeft == 0 => "hết hạn hôm nay",
        _ => $"còn {WorkingDaysLeft} ngày",
    };
}

/// <summary>
/// The nearest clock of a ticket: while received, the earlier of the first-response and acceptance deadlines (both are
/// met by accepting); while the resolution clock runs (not on hold), the resolution due date; otherwise none — a met
/// or paused clock is not shown as running.
/// </summary>
public static class NearestClock
{
    /// <summary>A first response with less office time than this left is "due soon" (a quarter of the normal eight hours).</summary>
    public static readonly TimeSpan FirstResponseSoon = TimeSpan.FromHours(2);

    public static TicketClock? Of(TicketStatus status, DateTimeOffset? firstResponseDue, DateTimeOffset? acceptanceDue, DateTimeOffset? resolutionDue,
        bool onHold, WorkingDayCalendar calendar, WorkingHours hours, DateTimeOffset now)
    {
        if (status == TicketStatus.Received)
        {
            if (firstResponseDue is { } first && (acceptanceDue is not { } a || first <= a))
            {
                var left = hours.Between(calendar, now, first);
                var urgency = first <= now ? ClockUrgency.Overdue : left <= FirstResponseSoon ? ClockUrgency.DueSoon : ClockUrgency.Ok;
                return new TicketClock(ClockKind.FirstResponse, first, urgency, left, null);
            }
            return acceptanceDue is { } acceptance ? Days(ClockKind.Acceptance, acceptance, calendar, now) : null;
        }
        if (status.ClockRuns() && !onHold && resolutionDue is { } due) return Days(ClockKind.Resolution, due, calendar, now);
        return null;
    }

    private static TicketClock Days(ClockKind kind, DateTimeOffset due, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var left = calendar.WorkingDaysBetween(WorkingDayCalendar.DateInVietnam(now), WorkingDayCalendar.DateInVietnam(due));
        var urgency = due < now ? ClockUrgency.Overdue : left <= 1 ? ClockUrgency.DueSoon : left <= 3 ? ClockUrgency.DueNear : ClockUrgency.Ok;
        return new TicketClock(kind, due, urgency, null, left);
    }
}
