using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;
using ZaloBot.StaffConsole;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>A browser without a browser: cookies, no automatic redirects, HTTPS (the console's cookies are Secure), forms with their antiforgery token.</summary>
public sealed partial class ConsoleClient(HttpClient http)
{
    public const string Password = "mật-khẩu-đủ-dài-42";

    public HttpClient Http { get; } = http;

    public static ConsoleClient For(ServiceFactory service) => new(service.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>A staff account with a sign-in name and a password set through a one-time link, as an admin would.</summary>
    public static async Task<(StaffAccount Account, string Login)> CreateStaffAsync(ServiceFactory service, StaffRole role, string? agency = null, string password = Password)
    {
        var store = service.Services.GetRequiredService<StaffStore>();
        var accounts = service.Services.GetRequiredService<ConsoleAccounts>();
        var account = await store.CreateAsync($"Cán bộ {role}", role, agency, CancellationToken.None);
        var login = $"cb{account.Id}.{Guid.NewGuid():N}"[..20];
        var (link, error) = await accounts.IssuePasswordLinkAsync(account.Id, login, null, CancellationToken.None);
        error.ShouldBeNull();
        (await accounts.SetPasswordAsync(link!.Token, password, null, CancellationToken.None)).ShouldBe(SetPasswordOutcome.Set);
        return (account, login);
    }

    public static async Task<ConsoleClient> SignedInAsync(ServiceFactory service, StaffRole role, string? agency = null)
    {
        var (_, login) = await CreateStaffAsync(service, role, agency);
        var client = For(service);
        var response = await client.SignInAsync(login, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        await PostFormAsync("/console/sign-in", "/console/sign-in?handler=Password", new() { ["login"] = login, ["password"] = password });

    public async Task<string> GetHtmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html);
        return html;
    }

    /// <summary>Loads the page with the form (for its antiforgery token), then posts the fields to the form's action.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        token.Success.ShouldBeTrue($"No antiforgery token on {pageUrl} ({page.StatusCode}): {html}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts without any antiforgery token, as a forged cross-site form would.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string action, Dictionary<string, string> fields) =>
        Http.PostAsync(action, new FormUrlEncodedContent(fields));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
