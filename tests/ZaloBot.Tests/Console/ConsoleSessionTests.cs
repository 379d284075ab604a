using System.Net;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.StaffConsole;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>Console sessions live on the server: a cookie copied before sign-out, a password change or an admin's "end all" stops working.</summary>
public class ConsoleSessionTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    /// <summary>The session cookie as another browser (or a thief) would replay it.</summary>
    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

    private async Task<HttpStatusCode> OpenWithCopiedCookieAsync(string cookie)
    {
        var thief = service.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console");
        request.Headers.Add("Cookie", cookie);
        return (await thief.SendAsync(request)).StatusCode;
    }

    private async Task<(long StaffId, ConsoleClient Browser, string Cookie)> SignedInWithCopyAsync(StaffRole role)
    {
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, role);
        var browser = ConsoleClient.For(service);
        var signIn = await browser.SignInAsync(login, ConsoleClient.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = SessionCookie(signIn);
        (await OpenWithCopiedCookieAsync(cookie)).ShouldBe(HttpStatusCode.OK, "a copied cookie works while the session lives");
        return (account.Id, browser, cookie);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_console()
    {
        await service.StartReadyAsync();
        var (staffId, browser, cookie) = await SignedInWithCopyAsync(StaffRole.IntakeOfficer);

        (await browser.PostFormAsync("/console", "/console/sign-out", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await OpenWithCopiedCookieAsync(cookie)).ShouldBe(HttpStatusCode.Redirect);
        await using var connection = service.Database.Open();
        (await connection.QuerySingleAsync<string>("select ended_why from console_sessions where staff_id = @staffId", new { staffId })).ShouldBe("sign_out");
    }

    [Fact]
    public async Task A_new_password_ends_every_session_opened_with_the_old_one()
    {
        await service.StartReadyAsync();
        var (staffId, _, cookie) = await SignedInWithCopyAsync(StaffRole.Supervisor);
        var accounts = service.Services.GetRequiredService<ConsoleAccounts>();

        var (link, _) = await accounts.IssuePasswordLinkAsync(staffId, null, null, CancellationToken.None);
        (await accounts.SetPasswordAsync(link!.Token, "một-mật-khẩu-mới-hẳn", null, CancellationToken.None)).ShouldBe(SetPasswordOutcome.Set);

        (await OpenWithCopiedCookieAsync(cookie)).ShouldBe(HttpStatusCode.Redirect);
        (await service.Services.GetRequiredService<ConsoleSessions>().LiveCountAsync(staffId, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_ends_all_of_a_staff_members_sessions_and_it_is_audited()
    {
        await service.StartReadyAsync();
        var (staffId, _, first) = await SignedInWithCopyAsync(StaffRole.IntakeOfficer);
        // The same person signed in on a second machine.
        var login = await service.Database.Open().QuerySingleAsync<string>("select login from staff where id = @staffId", new { staffId });
        var second = ConsoleClient.For(service);
        var secondCookie = SessionCookie(await second.SignInAsync(login, ConsoleClient.Password));
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);

        var page = await admin.GetHtmlAsync("/console/admin/staff");
        page.ShouldContain("Kết thúc mọi phiên (2)");
        var ended = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=EndSessions", new() { ["id"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        (await ended.Content.ReadAsStringAsync()).ShouldContain("Đã kết thúc 2 phiên đăng nhập");

        (await OpenWithCopiedCookieAsync(first)).ShouldBe(HttpStatusCode.Redirect);
        (await OpenWithCopiedCookieAsync(secondCookie)).ShouldBe(HttpStatusCode.Redirect);
        await using var connection = service.Database.Open();
        (await connection.QueryAsync<string>("select detail from console_audit where staff_id = @staffId and kind = 'account_changed'", new { staffId }))
            .ShouldContain(d => d!.StartsWith("2 console session(s) ended", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("99999999999999999999999")]
    public async Task Ending_sessions_with_a_malformed_id_is_refused(string id)
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var response = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=EndSessions", new() { ["id"] = id });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.Http.GetAsync("/console")).StatusCode.ShouldBe(HttpStatusCode.OK, "the admin's own session is untouched");
    }

    [Fact]
    public async Task Ending_sessions_without_an_antiforgery_token_is_refused()
    {
        await service.StartReadyAsync();
        var (staffId, _, cookie) = await SignedInWithCopyAsync(StaffRole.IntakeOfficer);
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var forged = await admin.PostWithoutTokenAsync("/console/admin/staff?handler=EndSessions", new() { ["id"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OpenWithCopiedCookieAsync(cookie)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_forged_session_claim_cannot_be_made_without_the_servers_keys()
    {
        await service.StartReadyAsync();
        (await OpenWithCopiedCookieAsync(ConsoleAuth.CookieName + "=CfDJ8" + new string('A', 300))).ShouldBe(HttpStatusCode.Redirect);
    }
}
