using ZaloBot.Domain.Delivery;

namespace ZaloBot.Domain.Tests.Delivery;

public class QuietHoursTests
{
    private static DateTimeOffset Hanoi(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, QuietHours.Vietnam);

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(12, 0, false)]
    public void The_Vietnamese_night_spans_midnight(int hour, int minute, bool quiet) =>
        QuietHours.VietnameseNight.IsQuiet(Hanoi(2, hour, minute)).ShouldBe(quiet);

    [Fact]
    public void A_notice_at_half_past_eleven_leaves_at_six_the_next_morning() =>
        QuietHours.VietnameseNight.NextEnd(Hanoi(2, 23, 30)).ShouldBe(Hanoi(3, 6));

    [Fact]
    public void After_midnight_the_same_morning_is_next() =>
        QuietHours.VietnameseNight.NextEnd(Hanoi(3, 1, 15)).ShouldBe(Hanoi(3, 6));

    [Fact]
    public void The_same_instant_in_utc_is_judged_in_vietnamese_time()
    {
        var at = new DateTimeOffset(2026, 12, 2, 16, 30, 0, TimeSpan.Zero); // 23:30 in Hà Nội
        QuietHours.VietnameseNight.IsQuiet(at).ShouldBeTrue();
        QuietHours.VietnameseNight.NextEnd(at).ShouldBe(new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all()
    {
        var siesta = new QuietHours(TimeSpan.FromHours(12), TimeSpan.FromHours(13), QuietHours.Vietnam);
        siesta.IsQuiet(Hanoi(2, 12, 30)).ShouldBeTrue();
        siesta.IsQuiet(Hanoi(2, 23, 0)).ShouldBeFalse();
        new QuietHours(TimeSpan.Zero, TimeSpan.Zero, QuietHours.Vietnam).IsQuiet(Hanoi(2, 23, 0)).ShouldBeFalse();
    }
}
