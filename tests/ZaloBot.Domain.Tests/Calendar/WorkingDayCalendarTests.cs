using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    // Tết Bính Ngọ 2026 as decided: Saturday 14/2 to Sunday 22/2.
    private static readonly DateOnly[] Tet2026 = Enumerable.Range(0, 9).Select(i => new DateOnly(2026, 2, 14).AddDays(i)).ToArray();

    [Fact]
    public void Weekends_do_not_count()
    {
        var friday = new DateOnly(2026, 11, 27);
        WorkingDayCalendar.WeekendsOnly.AddWorkingDays(friday, 1).ShouldBe(new DateOnly(2026, 11, 30));
        WorkingDayCalendar.WeekendsOnly.AddWorkingDays(friday, 5).ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public void Tet_spanning_two_weekends_is_skipped_whole()
    {
        var calendar = new WorkingDayCalendar(Tet2026);
        var thursdayBefore = new DateOnly(2026, 2, 12);

        calendar.AddWorkingDays(thursdayBefore, 1).ShouldBe(new DateOnly(2026, 2, 13));
        calendar.AddWorkingDays(thursdayBefore, 2).ShouldBe(new DateOnly(2026, 2, 23));
        calendar.WorkingDaysBetween(thursdayBefore, new DateOnly(2026, 2, 23)).ShouldBe(2);
    }

    [Fact]
    public void A_holiday_on_a_weekday_next_to_a_weekend_lengthens_the_break()
    {
        // 30/4 and 1/5/2026 fall on Thursday and Friday.
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1)]);
        calendar.AddWorkingDays(new DateOnly(2026, 4, 29), 1).ShouldBe(new DateOnly(2026, 5, 4));
        calendar.IsWorkingDay(new DateOnly(2026, 5, 1)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2026, 5, 4)).ShouldBeTrue();
    }

    [Fact]
    public void Zero_days_is_the_same_day_and_negative_is_refused()
    {
        var day = new DateOnly(2026, 11, 24);
        WorkingDayCalendar.WeekendsOnly.AddWorkingDays(day, 0).ShouldBe(day);
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(day, -1));
    }

    [Fact]
    public void Between_is_negative_when_overdue()
    {
        WorkingDayCalendar.WeekendsOnly.WorkingDaysBetween(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 27)).ShouldBe(-1);
    }

    [Fact]
    public void Dates_are_taken_in_vietnam()
    {
        WorkingDayCalendar.DateInVietnam(new DateTimeOffset(2026, 11, 24, 18, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 11, 25));
    }
}
