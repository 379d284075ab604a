using Dapper;
using Microsoft.Playwright;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Reports;

[Collection(BrowserCollection.Name)]
public class ReportsBrowserTests(BrowserService service, SharedChromium chromium) : IClassFixture<BrowserService>
{
    // Every piece of text inside the report's charts and tables, with the font size it is drawn at on screen: CSS
    // pixels of the computed size, times the scale of an SVG's transform for text inside an SVG (a viewBox shrinks it).
    private const string ChartTextSizes = """
        () => {
          const sizes = [];
          for (const chart of document.querySelectorAll('.chart, table.figures, table.league')) {
            const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const element = node.parentElement;
              if (!node.textContent.trim() || element.closest('.visually-hidden')) continue;
              const rect = element.getBoundingClientRect();
              if (rect.width === 0 || rect.height === 0) continue;
              let size = parseFloat(getComputedStyle(element).fontSize);
              if (element instanceof SVGElement) size *= element.getScreenCTM().a;
              sizes.push({ text: node.textContent.trim().slice(0, 40), size });
            }
          }
          return sizes;
        }
        """;

    private sealed class TextSize
    {
        public string Text { get; set; } = "";
        public double Size { get; set; }
    }

    [Fact]
    public async Task At_1366_pixels_every_chart_label_is_at_least_12_px_the_league_and_trend_show_and_axe_finds_nothing_serious()
    {
        await using var desk = await SignedInDesk.OpenAsync(service, chromium, StaffRole.Supervisor);
        var (page, baseUrl) = (desk.Page, desk.BaseUrl);
        await SeedWeeksOfWorkAsync();

        await page.GotoAsync(baseUrl + "/console/reports", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#league").WaitForAsync();
        page.ViewportSize!.Width.ShouldBe(1366);

        var sizes = await page.EvaluateAsync<TextSize[]>(ChartTextSizes);
        sizes.Length.ShouldBeGreaterThan(50, "the charts and tables should hold many labels");
        sizes.Where(s => s.Size < 12).Select(s => $"{s.Text}: {s.Size:0.#} px").ShouldBeEmpty();
        (await page.Locator("svg text").CountAsync()).ShouldBe(0, "chart text is HTML, never text in a scaled SVG");

        // The league names each case by its track, best on-time rate first; the trend has twelve weeks.
        var league = await page.Locator("table.league tbody tr").AllInnerTextsAsync();
        league.Count.ShouldBeGreaterThanOrEqualTo(3);
        league[0].ShouldContain("Sở Xây dựng");
        league.ShouldContain(row => row.Contains("khiếu nại"));
        (await page.Locator("ol.trend li").CountAsync()).ShouldBe(12);
        (await page.Locator("table.figures").InnerTextAsync()).ShouldContain("Tố cáo");

        await ConsoleBrowserTests.ShouldPassAxeAsync(page, "reports");
        await ConsoleBrowserTests.ScreenshotAsync(page, "console-reports.png");

        // One agency's page, as its head opens it from the Zalo summary.
        await page.GetByRole(AriaRole.Link, new() { Name = "UBND phường Kinh Bắc" }).ClickAsync();
        await SharedChromium.ReachedAsync(page, new System.Text.RegularExpressions.Regex("agency=UBND-KB"));
        await page.Locator("#period-figures").WaitForAsync();
        (await page.Locator("#league").CountAsync()).ShouldBe(0);
        await ConsoleBrowserTests.ShouldPassAxeAsync(page, "one agency's report");
    }

    /// <summary>Tickets of three agencies and three tracks received, resolved (on time or late) and rated over the last weeks.</summary>
    private async Task SeedWeeksOfWorkAsync()
    {
        var plan = new (string Agency, string Track, int DaysAgo, bool OnTime, int? Rating)[]
        {
            ("SXD", "pakn", 3, true, 5), ("SXD", "pakn", 10, true, 4), ("SXD", "khieu_nai", 17, true, 4), ("SXD", "pakn", 24, true, 5),
            ("UBND-KB", "pakn", 4, true, 3), ("UBND-KB", "pakn", 11, false, 2), ("UBND-KB", "to_cao", 18, false, null), ("UBND-KB", "pakn", 40, true, 4),
            ("VPUB", "khieu_nai", 5, false, 3), ("VPUB", "pakn", 12, true, null), ("VPUB", "pakn", 26, false, 2), ("VPUB", "pakn", 60, true, 5),
        };
        await using var connection = service.Database.Open();
        foreach (var (agency, track, daysAgo, onTime, rating) in plan)
        {
            var (code, _) = await service.SeedTicketAsync("assigned", agency: agency);
            await connection.ExecuteAsync(
                """
                update tickets set track = @track, created_at = now() - make_interval(days => @daysAgo + 6),
                       due_at = now() - make_interval(days => @daysAgo) + case when @onTime then interval '1 day' else interval '-2 days' end,
                       resolved_at = now() - make_interval(days => @daysAgo), rating = @rating, status = @resolved
                where code = @code
                """, new { code, track, daysAgo, onTime, rating, resolved = TicketStatus.Resolved.ToName() });
        }
        // Still open: one received this week, one overdue.
        await service.SeedTicketAsync(agency: "SXD");
        var (late, _) = await service.SeedTicketAsync("in_progress", agency: "UBND-KB");
        await connection.ExecuteAsync("update tickets set due_at = now() - interval '3 days' where code = @late", new { late });
    }
}
