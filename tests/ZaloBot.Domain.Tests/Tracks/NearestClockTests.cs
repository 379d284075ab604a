using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Tests.Tracks;

/// <summary>The one clock the queue shows for a ticket: whichever is next, with its colour; none once it is met or paused.</summary>
public class NearestClockTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly WorkingDayCalendar Calendar = new([]);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Vn);

    private static TicketClock? Of(TicketStatus status, DateTimeOffset? first, DateTimeOffset? acceptance, DateTimeOffset? resolution, DateTimeOffset now, bool onHold = false) =>
        NearestClock.Of(status, first, acceptance, resolution, onHold, Calendar, WorkingHours.Default, now);

    [Fact]
    public void A_new_ticket_shows_its_first_response_clock_in_office_hours()
    {
        // Wednesday 25/11 at 09:03, due Thursday at 09:00: 7 h 57 min of office time.
        var clock = Of(TicketStatus.Received, Local(26, 9), Local(26, 17), null, Local(25, 9, 3))!;
        clock.Kind.ShouldBe(ClockKind.FirstResponse);
        clock.Urgency.ShouldBe(ClockUrgency.Ok);
        clock.LeftText.ShouldBe("còn 7 giờ 57 phút làm việc");
        clock.Label.ShouldBe("Phản hồi đầu tiên");
        clock.KindName.ShouldBe("first_response");
    }

    [Fact]
    public void The_earlier_of_first_response_and_acceptance_wins_while_received()
    {
        // A khiếu nại's acceptance period can be set shorter than the first response by an operator; the earlier wins.
        var clock = Of(TicketStatus.Received, Local(27, 9), Local(26, 17), null, Local(25, 9))!;
        clock.Kind.ShouldBe(ClockKind.Acceptance);
        clock.WorkingDaysLeft.ShouldBe(1);
        clock.Urgency.ShouldBe(ClockUrgency.DueSoon);
        Of(TicketStatus.Received, null, Local(30, 17), null, Local(25, 9))!.LeftText.ShouldBe("còn 3 ngày");
    }

    [Fact]
    public void Less_than_two_office_hours_is_due_soon_and_a_passed_first_response_is_overdue()
    {
        Of(TicketStatus.Received, Local(25, 10), null, null, Local(25, 9))!.Urgency.ShouldBe(ClockUrgency.DueSoon);
        var overdue = Of(TicketStatus.Received, Local(25, 10), null, null, Local(25, 11))!;
        overdue.Urgency.ShouldBe(ClockUrgency.Overdue);
        overdue.UrgencyName.ShouldBe("overdue");
        overdue.LeftText.ShouldBe("quá hạn");
    }

    [Fact]
    public void Once_accepted_the_resolution_clock_is_the_one_and_the_first_response_is_no_longer_shown()
    {
        var clock = Of(TicketStatus.Assigned, Local(20, 9), Local(20, 17), Local(27, 17), Local(25, 9))!;
        clock.Kind.ShouldBe(ClockKind.Resolution);
        clock.WorkingDaysLeft.ShouldBe(2);
        clock.Urgency.ShouldBe(ClockUrgency.DueNear);
        Of(TicketStatus.InProgress, null, null, Local(24, 17), Local(26, 9))!.LeftText.ShouldBe("quá hạn 2 ngày");
        Of(TicketStatus.Accepted, null, null, Local(25, 17), Local(25, 9))!.LeftText.ShouldBe("hết hạn hôm nay");
    }

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Rejected)]
    [InlineData(TicketStatus.OnHold)]
    public void A_met_or_paused_clock_is_not_shown(TicketStatus status)
    {
        Of(status, Local(20, 9), Local(20, 17), Local(27, 17), Local(25, 9)).ShouldBeNull();
    }

    [Fact]
    public void A_held_ticket_shows_no_running_clock_even_in_a_running_status()
    {
        Of(TicketStatus.InProgress, null, null, Local(27, 17), Local(25, 9), onHold: true).ShouldBeNull();
    }
}
