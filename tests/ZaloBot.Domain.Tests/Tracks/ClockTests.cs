using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Tests.Tracks;

/// <summary>Every clock of the legal tracks: office hours across weekends and holidays, working and calendar days, extensions.</summary>
public class ClockTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    // 30/4 and 1/5/2026 are a Thursday and a Friday; 26–27/4 are Giỗ Tổ and its day in lieu.
    private static readonly WorkingDayCalendar Calendar = new([
        new(2026, 4, 26), new(2026, 4, 27), new(2026, 4, 30), new(2026, 5, 1), new(2026, 9, 1), new(2026, 9, 2)]);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Vn);

    private static TrackRule Rule(string code) => TicketTracks.Defaults.Single(r => r.Code == code);

    [Fact]
    public void Eight_office_hours_from_a_Wednesday_afternoon_skip_the_holidays_and_the_weekend()
    {
        var due = WorkingHours.Default.Add(Calendar, Local(4, 29, 15), TimeSpan.FromHours(8));
        // Wed 15–17 (2 h), Thu 30/4 and Fri 1/5 holidays, weekend, Mon 8–12 (4 h), 13–15 (2 h).
        due.ShouldBe(Local(5, 4, 15));
        WorkingHours.Default.Between(Calendar, Local(4, 29, 15), due).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Two_urgent_hours_from_late_Friday_end_on_Monday_morning()
    {
        WorkingHours.Default.Add(Calendar, Local(11, 27, 16, 30), TimeSpan.FromHours(2)).ShouldBe(Local(11, 30, 9, 30));
    }

    [Fact]
    public void The_lunch_break_and_the_night_do_not_count()
    {
        WorkingHours.Default.Add(Calendar, Local(11, 25, 11), TimeSpan.FromHours(2)).ShouldBe(Local(11, 25, 14));
        WorkingHours.Default.Add(Calendar, Local(11, 25, 22), TimeSpan.FromHours(2)).ShouldBe(Local(11, 26, 10));
        WorkingHours.Default.Add(Calendar, Local(11, 28, 10), TimeSpan.FromHours(1)).ShouldBe(Local(11, 30, 9)); // a Saturday
        WorkingHours.Default.Between(Calendar, Local(11, 25, 11), Local(11, 25, 14)).ShouldBe(TimeSpan.FromHours(2));
        WorkingHours.Default.Between(Calendar, Local(11, 28, 8), Local(11, 29, 17)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_priority_sets_the_first_response_clock()
    {
        var normal = Priorities.Defaults.Single(p => p.Code == Priorities.Normal);
        var urgent = Priorities.Defaults.Single(p => p.Code == Priorities.Urgent);
        normal.FirstResponseDue(Calendar, WorkingHours.Default, Local(11, 25, 9)).ShouldBe(Local(11, 26, 9));
        urgent.FirstResponseDue(Calendar, WorkingHours.Default, Local(11, 25, 9)).ShouldBe(Local(11, 25, 11));
    }

    [Fact]
    public void Khieu_nai_counts_calendar_days_and_a_last_day_off_moves_to_the_next_working_day()
    {
        var rule = Rule(TicketTracks.KhieuNai);
        // Acceptance: 10 days from Wednesday 18/11 is Saturday 28/11 → Monday 30/11.
        rule.AcceptanceDue(Calendar, Local(11, 18, 10)).ShouldBe(Local(11, 30, 17));
        // Resolution: 30 days from 1/4 is 1/5 (holiday), then the weekend → Monday 4/5.
        rule.ResolutionDue(Calendar, Local(4, 1, 10), categoryWorkingDays: 10).ShouldBe(Local(5, 4, 17));
    }

    [Fact]
    public void To_cao_accepts_within_seven_working_days()
    {
        // From Friday 24/4: 28, 29/4, then 4–8/5 (26, 27/4, 30/4, 1/5 are holidays).
        Rule(TicketTracks.ToCao).AcceptanceDue(Calendar, Local(4, 24, 9)).ShouldBe(Local(5, 8, 17));
    }

    [Fact]
    public void Pakn_resolution_follows_the_category_in_working_days()
    {
        Rule(TicketTracks.Pakn).ResolutionDue(Calendar, Local(4, 29, 9), categoryWorkingDays: 3).ShouldBe(Local(5, 6, 17));
        Rule(TicketTracks.Pakn).AcceptanceDue(Calendar, Local(4, 29, 9)).ShouldBe(Local(5, 4, 17));
    }

    [Fact]
    public void To_cao_extends_twice_by_thirty_days_each_with_a_reason_and_no_more()
    {
        var rule = Rule(TicketTracks.ToCao);
        var due = Local(5, 4, 17);
        rule.Extend(Calendar, due, 0, null).ShouldBeOfType<ExtensionDecision.Incomplete>();
        var first = rule.Extend(Calendar, due, 0, "Vụ việc phức tạp").ShouldBeOfType<ExtensionDecision.Allowed>();
        first.NewDue.ShouldBe(Local(6, 3, 17));
        var second = rule.Extend(Calendar, first.NewDue, 1, "Đặc biệt phức tạp").ShouldBeOfType<ExtensionDecision.Allowed>();
        second.NewDue.ShouldBe(Local(7, 3, 17));
        rule.Extend(Calendar, second.NewDue, 2, "Thêm nữa").ShouldBeOfType<ExtensionDecision.Refused>();
    }

    [Fact]
    public void Khieu_nai_extends_once_to_forty_five_days_and_pakn_once_by_five_working_days()
    {
        var kn = Rule(TicketTracks.KhieuNai);
        kn.Extend(Calendar, Local(11, 2, 17), 0, "Phức tạp").ShouldBeOfType<ExtensionDecision.Allowed>().NewDue.ShouldBe(Local(11, 17, 17));
        kn.Extend(Calendar, Local(11, 17, 17), 1, "Phức tạp").ShouldBeOfType<ExtensionDecision.Refused>();
        Rule(TicketTracks.Pakn).Extend(Calendar, Local(4, 29, 17), 0, "Chờ vật tư").ShouldBeOfType<ExtensionDecision.Allowed>().NewDue.ShouldBe(Local(5, 8, 17));
        (kn with { MaxExtensions = 0 }).Extend(Calendar, Local(11, 2, 17), 0, "x").ShouldBeOfType<ExtensionDecision.Refused>();
    }

    [Fact]
    public void A_breach_is_named_by_its_kind_and_the_due_date_it_broke()
    {
        var first = Local(11, 25, 11);
        var acceptance = Local(11, 26, 17);
        var received = new TicketClocks(TicketStatus.Received, first, acceptance, null);
        Escalations.Breaches(received, Local(11, 25, 10)).ShouldBeEmpty();
        Escalations.Breaches(received, Local(11, 25, 12)).ShouldBe([new Breach(BreachKind.FirstResponse, first)]);
        Escalations.Breaches(received, Local(11, 27, 8)).ShouldBe([new Breach(BreachKind.FirstResponse, first), new Breach(BreachKind.Acceptance, acceptance)]);
        Escalations.Breaches(received with { Status = TicketStatus.Accepted }, Local(11, 27, 8)).ShouldBeEmpty();
        var due = Local(12, 1, 17);
        Escalations.Breaches(new TicketClocks(TicketStatus.InProgress, first, acceptance, due), Local(12, 2, 8)).ShouldBe([new Breach(BreachKind.Resolution, due)]);
        Escalations.Breaches(new TicketClocks(TicketStatus.Resolved, first, acceptance, due), Local(12, 2, 8)).ShouldBeEmpty();
    }
}
