using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Reports;

namespace ZaloBot.Domain.Tests.Reports;

public class ReportScheduleTests
{
    private static readonly TimeOnly HalfPastSeven = new(7, 30);
    private static readonly ReportCadence[] Both = [ReportCadence.Weekly, ReportCadence.Monthly];

    private static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_weekly_report_of_last_week_is_due_on_monday_at_half_past_seven_in_Vietnam()
    {
        var due = ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, Hanoi(2026, 11, 30, 7, 30), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly]);

        var weekly = due.ShouldHaveSingleItem();
        weekly.From.ShouldBe(new DateOnly(2026, 11, 23));
        weekly.LastDay.ShouldBe(new DateOnly(2026, 11, 29));
        weekly.SendAt.ShouldBe(Hanoi(2026, 11, 30, 7, 30));
    }

    [Fact]
    public void Nothing_is_due_a_minute_early_or_after_the_catch_up_window()
    {
        ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, Hanoi(2026, 11, 30, 7, 29), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly]).ShouldBeEmpty();
        ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, Hanoi(2026, 12, 1, 7, 30), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly]).ShouldBeEmpty();
        ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, Hanoi(2026, 12, 1, 7, 29), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly]).ShouldHaveSingleItem();
    }

    [Fact]
    public void Vietnam_time_decides_the_day_not_UTC()
    {
        // 00:30 UTC on Monday is 07:30 in Hà Nội; 23:30 UTC on Sunday is already Monday 06:30 there, too early.
        ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.Zero), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly])
            .ShouldHaveSingleItem().From.ShouldBe(new DateOnly(2026, 11, 23));
        ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly])
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_monday_holiday_moves_the_weekly_report_to_tuesday()
    {
        // 31/8/2026 is a bridge day before Quốc khánh, 1–2/9 holidays: the week's report waits for Thursday 3/9.
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)]);

        ReportSchedule.Due(calendar, Hanoi(2026, 8, 31, 9, 0), HalfPastSeven, TimeSpan.FromDays(1), Both).ShouldBeEmpty();
        var due = ReportSchedule.Due(calendar, Hanoi(2026, 9, 3, 7, 30), HalfPastSeven, TimeSpan.FromDays(1), Both);

        due.Select(d => (d.Cadence, d.From)).ShouldBe([(ReportCadence.Weekly, new DateOnly(2026, 8, 24)), (ReportCadence.Monthly, new DateOnly(2026, 8, 1))], ignoreOrder: true);
        due.ShouldAllBe(d => d.SendAt == Hanoi(2026, 9, 3, 7, 30));
    }

    [Fact]
    public void The_monthly_report_is_due_on_the_first_working_day_of_the_next_month()
    {
        // 1/11/2026 is a Sunday: October's report goes on Monday 2/11, with the weekly one.
        var due = ReportSchedule.Due(WorkingDayCalendar.WeekendsOnly, Hanoi(2026, 11, 2, 8, 0), HalfPastSeven, TimeSpan.FromDays(1), Both);

        var monthly = due.Single(d => d.Cadence == ReportCadence.Monthly);
        (monthly.From, monthly.To).ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)));
        monthly.SendAt.ShouldBe(Hanoi(2026, 11, 2, 7, 30));
        due.Single(d => d.Cadence == ReportCadence.Weekly).From.ShouldBe(new DateOnly(2026, 10, 26));
    }

    [Fact]
    public void A_long_holiday_still_sends_the_report_of_the_week_it_swallowed()
    {
        // Tết 2026: Saturday 14/2 to Sunday 22/2. The week of 9/2 is reported on Monday 23/2 together with the week of 16/2.
        var tet = Enumerable.Range(0, 9).Select(i => new DateOnly(2026, 2, 14).AddDays(i));
        var due = ReportSchedule.Due(new WorkingDayCalendar(tet), Hanoi(2026, 2, 23, 7, 30), HalfPastSeven, TimeSpan.FromDays(1), [ReportCadence.Weekly]);

        due.Select(d => d.From).ShouldBe([new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 16)]);
    }

    [Fact]
    public void Periods_are_monday_to_sunday_and_calendar_months()
    {
        ReportSchedule.PeriodOf(ReportCadence.Weekly, new DateOnly(2026, 11, 29)).ShouldBe((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)));
        ReportSchedule.PeriodOf(ReportCadence.Weekly, new DateOnly(2026, 11, 30)).ShouldBe((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7)));
        ReportSchedule.PeriodOf(ReportCadence.Monthly, new DateOnly(2026, 12, 31)).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)));
    }
}
