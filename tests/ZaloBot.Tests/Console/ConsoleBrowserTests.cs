using Dapper;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>The service on a real Kestrel port, for a real browser. Plain HTTP on loopback, so cookies are not marked Secure here.</summary>
public sealed class BrowserService : ServiceFactory
{
    public BrowserService()
    {
        UseKestrel(0);
        With("Console:SecureCookies", "false");
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

/// <summary>Debian's chromium (installed by scripts/test.sh), headless, driven by Playwright for .NET; axe-core checks each page.</summary>
public class ConsoleBrowserTests(BrowserService service) : IClassFixture<BrowserService>
{
    public const string Chromium = "/usr/bin/chromium";

    private static async Task ShouldPassAxeAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        serious.ShouldBeEmpty($"axe on {what}");
        result.Passes.Length.ShouldBeGreaterThan(0, $"axe ran no checks on {what}");
    }

    /// <summary>ZALOBOT_SCREENSHOTS=docs/images makes the test save the README's screenshots.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("ZALOBOT_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(directory)) return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }

    [Fact]
    public async Task An_officer_signs_in_sees_a_new_ticket_arrive_without_reloading_and_answers_with_a_canned_reply()
    {
        File.Exists(Chromium).ShouldBeTrue("Browser tests need Debian's chromium at /usr/bin/chromium; scripts/test.sh installs it.");
        service.StartServer();
        await service.StartReadyAsync();
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.Supervisor);
        var baseUrl = service.Address.ToString().TrimEnd('/');
        await service.SeedTicketAsync(category: "ADMIN", centre: "BN01");
        await service.SeedTicketAsync(category: "BIZ_TRANSPORT");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync(baseUrl + "/console");
        page.Url.ShouldContain("/console/sign-in");
        await ShouldPassAxeAsync(page, "sign-in");
        await page.FillAsync("#login-password", login);
        await page.FillAsync("#password", ConsoleClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/console");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).WaitForAsync();
        await ShouldPassAxeAsync(page, "queue");

        // A citizen's complaint arrives (as the conversation's intake writes it) while the queue is open.
        await page.Locator("html[data-live=open]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var (code, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync(
                """
                insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body)
                select id, now(), 'citizen', citizen_zalo_id, 'created', true, description from tickets where code = @code
                """, new { code });
        await page.Locator($"tr[data-code='{code}']").WaitForAsync();

        await ScreenshotAsync(page, "console-queue.png");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}/console/tickets/{code}");
        await ShouldPassAxeAsync(page, "ticket");
        await ScreenshotAsync(page, "console-ticket.png");
        await page.SelectOptionAsync("#canned", new SelectOptionValue { Label = "Đã tiếp nhận" });
        (await page.InputValueAsync("#reply-text")).ShouldContain(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await page.GetByText("Đã gửi trả lời cho công dân.").WaitForAsync();
        (await Rows.OutboxAsync(service.Database, citizen)).Single().Text.ShouldContain($"Chúng tôi đã tiếp nhận phản ánh {code}");

        await page.GotoAsync(baseUrl + "/console/reports");
        await page.GetByText("Tổng số phản ánh").WaitForAsync();
        await ShouldPassAxeAsync(page, "reports");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/console/sign-in");
    }
}
