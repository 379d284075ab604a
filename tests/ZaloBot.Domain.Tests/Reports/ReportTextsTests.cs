using ZaloBot.Domain.Reports;

namespace ZaloBot.Domain.Tests.Reports;

public class ReportTextsTests
{
    private static readonly DueReport Week = new(ReportCadence.Weekly, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.FromHours(7)));

    [Fact]
    public void The_summary_names_the_period_the_scope_each_track_by_its_law_and_the_links()
    {
        var figures = new ScopeFigures(new ReportFigures(12, 8, 6, 3, 1, 30, 4.25, 4), new Dictionary<string, ReportFigures>
        {
            ["pakn"] = new(10, 7, 6, 2, 1, 20, 4.5, 3),
            ["khieu_nai"] = new(2, 1, 0, 1, 0, 100, 3.5, 1),
            ["to_cao"] = ReportFigures.None,
        });

        var text = ReportTexts.Summary(Week, "Sở Xây dựng", figures, "https://x/console/reports?from=2026-11-23", "https://x/csv", "https://x/xlsx");

        text.ShouldStartWith("📊 Báo cáo tuần 23/11–29/11/2026 — Sở Xây dựng\n");
        text.ShouldContain("Tiếp nhận: 12 · Đã giải quyết: 8, đúng hạn 75%");
        text.ShouldContain("Quá hạn: 3 · Mở lại: 1 · Hài lòng: 4,3/5 (4 lượt)");
        text.ShouldContain("- Phản ánh, kiến nghị: nhận 10, giải quyết 7 (đúng hạn 85,7%), quá hạn 2, mở lại 1");
        text.ShouldContain("- Khiếu nại: nhận 2, giải quyết 1 (đúng hạn 0%), quá hạn 1, mở lại 0");
        // A track with nothing in the period is left out, so the message stays short.
        text.ShouldNotContain("Tố cáo");
        text.ShouldEndWith("Xem chi tiết: https://x/console/reports?from=2026-11-23\nTải CSV: https://x/csv\nTải Excel: https://x/xlsx");
    }

    [Fact]
    public void An_empty_period_for_the_province_says_so()
    {
        var text = ReportTexts.Summary(Week with { Cadence = ReportCadence.Monthly, From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 1) }, null,
            new ScopeFigures(ReportFigures.None, new Dictionary<string, ReportFigures>()), "p", "c", "x");

        text.ShouldStartWith("📊 Báo cáo tháng 10/2026 — toàn tỉnh\n");
        text.ShouldContain("đúng hạn –");
        text.ShouldContain("Hài lòng: chưa có đánh giá");
        text.ShouldContain("Không có phản ánh, kiến nghị, khiếu nại, tố cáo nào trong kỳ.");
    }

    [Fact]
    public void The_league_puts_the_best_on_time_rate_first_and_agencies_without_resolutions_last()
    {
        static AgencyFigures Agency(string code, long resolved, long onTime, long overdue) =>
            new(code, new ScopeFigures(new ReportFigures(resolved, resolved, onTime, overdue, 0, null, null, 0), new Dictionary<string, ReportFigures>()));

        var order = LeagueTable.Order([Agency("A", 0, 0, 2), Agency("B", 10, 5, 1), Agency("C", 4, 4, 0), Agency("D", 10, 5, 0)]);

        order.Select(a => a.Agency).ShouldBe(["C", "D", "B", "A"]);
    }
}
