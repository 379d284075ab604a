using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Tests.Tracks;

public class HeldClockTests
{
    // 17:00 in Vietnam is 10:00 UTC; Monday 30 November 2026.
    private static DateTimeOffset Vn(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_due_date_moves_by_the_working_days_the_hold_covered()
    {
        var due = Vn(12, 4); // Friday
        // Held Monday 30/11, resumed Thursday 3/12: Tue, Wed, Thu passed on hold.
        var moved = HeldClock.DueAfterHold(WorkingDayCalendar.WeekendsOnly, due, Vn(11, 30, 2), Vn(12, 3, 2));
        moved.ShouldBe(Vn(12, 9)); // Friday + 3 working days = Wednesday, same time of day
    }

    [Fact]
    public void Weekends_and_holidays_on_hold_give_nothing_back()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 12, 7)]);
        // Held Friday 4/12, resumed Monday 7/12 (a holiday here): nothing but non-working days passed.
        HeldClock.DueAfterHold(calendar, Vn(12, 10), Vn(12, 4, 2), Vn(12, 7, 2)).ShouldBe(Vn(12, 10));
    }

    [Fact]
    public void A_hold_within_one_day_gives_nothing_back()
    {
        HeldClock.DueAfterHold(WorkingDayCalendar.WeekendsOnly, Vn(12, 10), Vn(12, 2, 1), Vn(12, 2, 9)).ShouldBe(Vn(12, 10));
    }

    [Fact]
    public void The_moved_due_date_skips_non_working_days()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 12, 14)]);
        // Two working days on hold (Tue 1/12, Wed 2/12); due Friday 11/12 → Wednesday 16/12 (the weekend and Monday's holiday skipped).
        HeldClock.DueAfterHold(calendar, Vn(12, 11), Vn(11, 30, 2), Vn(12, 2, 2)).ShouldBe(Vn(12, 16));
    }
}
