using Dapper;
using Microsoft.Playwright;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>The desk in a real browser: saved queue filters, and a typed place drawn on the ticket's small map and the map page.</summary>
[Collection(BrowserCollection.Name)]
public class ConsoleFieldDeskBrowserTests(BrowserService service, SharedChromium chromium) : IClassFixture<BrowserService>
{
    [Fact]
    public async Task An_officer_saves_the_current_filter_applies_it_from_its_link_and_deletes_it()
    {
        await using var desk = await SignedInDesk.OpenAsync(service, chromium, StaffRole.Supervisor);
        var (page, baseUrl) = (desk.Page, desk.BaseUrl);
        await page.GotoAsync($"{baseUrl}/console?status=assigned&agency=SXD&due=soon", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#f-save-name").WaitForAsync();
        await page.FillAsync("#f-save-name", "Sở Xây dựng sắp hạn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bộ lọc" }).ClickAsync();
        var saved = page.Locator(".saved-filters a", new() { HasText = "Sở Xây dựng sắp hạn" });
        await saved.WaitForAsync();
        await ConsoleBrowserTests.ShouldPassAxeAsync(page, "queue with saved filters");

        // From the plain queue, the saved filter brings the whole filter back.
        await page.GotoAsync($"{baseUrl}/console?status=received", new() { WaitUntil = WaitUntilState.Commit });
        await saved.ClickAsync();
        await SharedChromium.ReachedAsync(page, new System.Text.RegularExpressions.Regex("status=assigned&agency=SXD&due=soon$"));
        await page.Locator("#f-due").WaitForAsync();
        (await page.InputValueAsync("#f-due")).ShouldBe("soon");
        (await page.InputValueAsync("#f-agency")).ShouldBe("SXD");

        await page.GetByRole(AriaRole.Button, new() { Name = "Xoá bộ lọc Sở Xây dựng sắp hạn" }).ClickAsync();
        await SharedChromium.ReachedAsync(page, baseUrl + "/console");
        await page.Locator("#f-save-name").WaitForAsync();
        (await page.Locator(".saved-filters a", new() { HasText = "Sở Xây dựng sắp hạn" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_typed_street_is_drawn_as_an_estimate_on_the_tickets_small_map_and_on_the_map_page_without_tiles()
    {
        await using var desk = await SignedInDesk.OpenAsync(service, chromium, StaffRole.Supervisor);
        var (page, baseUrl) = (desk.Page, desk.BaseUrl);
        var (code, _) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set address = 'truoc so 40 duong tran hung dao' where code = @code", new { code });

        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync($"{baseUrl}/console/tickets/{code}", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(".mini-map[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        errors.ShouldBeEmpty();
        (await page.Locator(".place-estimate").TextContentAsync())!.ShouldContain("Trần Hưng Đạo");
        var marker = page.Locator(".mini-map path.leaflet-interactive");
        (await marker.CountAsync()).ShouldBe(1);
        (await marker.GetAttributeAsync("stroke-dasharray")).ShouldBe("3 3");
        await ConsoleBrowserTests.ShouldPassAxeAsync(page, "ticket with an estimated place");

        await page.GotoAsync($"{baseUrl}/console/map?q={code}", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#map[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator("#map path.leaflet-interactive").CountAsync()).ShouldBe(1);
        errors.ShouldBeEmpty();
        await ConsoleBrowserTests.ShouldPassAxeAsync(page, "map with an estimated place");
    }
}
