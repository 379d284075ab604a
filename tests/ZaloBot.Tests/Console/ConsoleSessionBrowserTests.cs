using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>The service on a real port with a low per-address limit: every request comes from 127.0.0.1.</summary>
public sealed class AddressLimitedService : ServiceFactory
{
    public const int Limit = 4;

    public AddressLimitedService()
    {
        UseKestrel(0);
        With("Console:SecureCookies", "false");
        With("Console:MaxFailuresPerAddress", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

[Collection(BrowserCollection.Name)]
public class ConsoleSessionBrowserTests(BrowserService service, SharedChromium chromium) : IClassFixture<BrowserService>
{
    // The queue page holds a live-update stream open, so navigations are awaited until they commit, not until "load".
    private static readonly PageGotoOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_no_longer_opens_the_console_in_another_browser()
    {
        File.Exists(ConsoleBrowserTests.Chromium).ShouldBeTrue("Browser tests need Debian's chromium at /usr/bin/chromium; scripts/test.sh installs it.");
        service.StartServer();
        await service.StartReadyAsync();
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var baseUrl = service.Address.ToString().TrimEnd('/');

        var browser = chromium.Browser;
        await using var officer = await browser.NewContextAsync(new() { Locale = "vi-VN" });
        var page = await officer.NewPageAsync();
        page.SetDefaultTimeout(45_000); // a bound for a loaded CI machine, not a speed assertion
        await page.GotoAsync(baseUrl + "/console/sign-in");
        await page.FillAsync("#login-password", login);
        await page.FillAsync("#password", ConsoleClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).First.ClickAsync();
        await SharedChromium.ReachedAsync(page, baseUrl + "/console");

        var copied = (await officer.CookiesAsync()).Where(c => c.Name == "zalobot-console").ToList();
        copied.Count.ShouldBe(1);
        await using var thief = await browser.NewContextAsync();
        await thief.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = copied[0].Name, Value = copied[0].Value, Url = baseUrl }]);
        var stolen = await thief.NewPageAsync();
        stolen.SetDefaultTimeout(45_000);
        await stolen.GotoAsync(baseUrl + "/console", Committed);
        stolen.Url.ShouldBe(baseUrl + "/console", "the copy works while the session lives");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await SharedChromium.ReachedAsync(page, new System.Text.RegularExpressions.Regex("/console/sign-in"));

        await stolen.GotoAsync(baseUrl + "/console", Committed);
        stolen.Url.ShouldContain("/console/sign-in");
    }
}

public class ConsoleAddressLimitTests(AddressLimitedService service) : IClassFixture<AddressLimitedService>
{
    [Fact]
    public async Task Failed_sign_ins_from_one_address_across_accounts_lock_that_address_even_for_a_right_password()
    {
        service.StartServer();
        await service.StartReadyAsync();
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        var client = new ConsoleClient(new HttpClient(handler) { BaseAddress = service.Address });

        // Different names each time: the per-account limit never triggers, the per-address one does.
        for (var i = 0; i < AddressLimitedService.Limit; i++)
            (await client.SignInAsync($"doan-ten-{i}", "sai-mat-khau")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var right = await client.SignInAsync(login, ConsoleClient.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await right.Content.ReadAsStringAsync()).ShouldContain("tạm khoá");
    }
}
