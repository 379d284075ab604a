using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

public class ConsoleSignInTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<IReadOnlyList<(string Kind, string? Method, string? Detail)>> AuditAsync(long staffId)
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<(string, string?, string?)>(
            "select kind, method, detail from console_audit where staff_id = @staffId order by id", new { staffId })).AsList();
    }

    [Fact]
    public async Task The_console_asks_for_sign_in_and_a_password_opens_it_with_a_secure_http_only_cookie()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);

        var anonymous = await browser.Http.GetAsync("/console");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/console/sign-in");

        var signIn = await browser.SignInAsync(login.ToUpperInvariant(), ConsoleClient.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/console");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-zalobot-console=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");

        var queue = await browser.GetHtmlAsync("/console");
        queue.ShouldContain("Hàng đợi");
        queue.ShouldContain("Mới tiếp nhận");
        (await AuditAsync(account.Id)).ShouldContain(("sign_in", "password", null));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_even_against_the_right_password_and_every_attempt_is_audited()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.AgencyHandler, "SXD");
        var browser = ConsoleClient.For(service);

        for (var i = 0; i < 4; i++)
        {
            var wrong = await browser.SignInAsync(login, "sai-mat-khau-" + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("không đúng");
        }
        var fifth = await browser.SignInAsync(login, "sai-mat-khau-5");
        fifth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var right = await browser.SignInAsync(login, ConsoleClient.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await right.Content.ReadAsStringAsync()).ShouldContain("tạm khoá");

        var audit = await AuditAsync(account.Id);
        audit.Count(a => a.Kind == "sign_in_failed").ShouldBe(5);
        audit.Last().Kind.ShouldBe("locked_out");
        audit.ShouldNotContain(a => a.Kind == "sign_in");
    }

    [Fact]
    public async Task A_one_time_code_goes_to_the_linked_Zalo_account_through_the_outbox_and_works_once()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.FieldOfficer, "UBND-KB");
        var zaloId = "staff-zalo-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff set zalo_user_id = @zaloId where id = @id", new { zaloId, id = account.Id });
        var browser = ConsoleClient.For(service);

        var sent = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=SendCode", new() { ["login"] = login });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync()).ShouldContain("name=\"code\"");
        var message = (await Rows.OutboxAsync(service.Database, zaloId)).Single();
        message.IdempotencyKey.ShouldStartWith("console-code:");
        var code = Regex.Match(message.Text, "[0-9]{6}").Value;
        code.ShouldNotBeEmpty();

        var signIn = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Code", new() { ["login"] = login, ["code"] = code });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetHtmlAsync("/console")).ShouldContain("Cán bộ xử lý hiện trường");

        var again = ConsoleClient.For(service);
        var reused = await again.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Code", new() { ["login"] = login, ["code"] = code });
        reused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuditAsync(account.Id)).Select(a => (a.Kind, a.Method)).ShouldBe([("password_link_issued", null), ("password_set", null), ("code_sent", "zalo_code"), ("sign_in", "zalo_code"), ("sign_in_failed", "zalo_code")]);
    }

    [Fact]
    public async Task Sign_in_codes_are_rate_limited_and_expire()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var zaloId = "staff-zalo-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff set zalo_user_id = @zaloId where id = @id", new { zaloId, id = account.Id });
        var browser = ConsoleClient.For(service);

        for (var i = 0; i < 3; i++)
            (await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=SendCode", new() { ["login"] = login })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fourth = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=SendCode", new() { ["login"] = login });
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("quá nhiều mã");
        var messages = await Rows.OutboxAsync(service.Database, zaloId);
        messages.Count.ShouldBe(3);

        // The codes expire: move them into the past.
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update console_one_time_codes set expires_at = now() - interval '1 second' where staff_id = @id", new { id = account.Id });
        var code = Regex.Match(messages[^1].Text, "[0-9]{6}").Value;
        var late = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Code", new() { ["login"] = login, ["code"] = code });
        late.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_or_unlinked_account_gets_the_same_answer_and_no_message()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);

        var unlinked = await (await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=SendCode", new() { ["login"] = login })).Content.ReadAsStringAsync();
        var unknown = await (await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=SendCode", new() { ["login"] = "khong.ton.tai" })).Content.ReadAsStringAsync();

        unlinked.ShouldContain("Nếu tài khoản tồn tại");
        unknown.ShouldContain("Nếu tài khoản tồn tại");
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from console_one_time_codes where staff_id = @id and purpose = 'sign_in_code'", new { id = account.Id })).ShouldBe(0);
        (await AuditAsync(account.Id)).Last().ShouldBe(("code_refused", "zalo_code", "no linked Zalo account"));
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        await service.StartReadyAsync();
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);

        var forged = await browser.PostWithoutTokenAsync("/console/sign-in?handler=Password", new() { ["login"] = login, ["password"] = ConsoleClient.Password });

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("a", "x")]
    [InlineData("'; drop table staff; --", "x")]
    [InlineData("tên có dấu", "mật khẩu")]
    public async Task Malformed_sign_in_input_is_refused_politely(string login, string password)
    {
        await service.StartReadyAsync();
        var browser = ConsoleClient.For(service);

        var response = await browser.SignInAsync(login, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tooLong = await browser.SignInAsync(new string('a', 5000), new string('b', 5000));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var code = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Code", new() { ["login"] = login, ["code"] = "abc" });
        code.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_return_address_after_sign_in_stays_inside_the_console()
    {
        await service.StartReadyAsync();
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);

        var response = await browser.PostFormAsync("/console/sign-in", "/console/sign-in?handler=Password",
            new() { ["login"] = login, ["password"] = ConsoleClient.Password, ["returnUrl"] = "https://evil.example/console" });

        response.Headers.Location!.ToString().ShouldBe("/console");
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_is_audited()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.Supervisor);
        var browser = ConsoleClient.For(service);
        (await browser.SignInAsync(login, ConsoleClient.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var signOut = await browser.PostFormAsync("/console", "/console/sign-out", []);

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.Http.GetAsync("/console")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditAsync(account.Id)).Last().Kind.ShouldBe("sign_out");
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_on_its_next_request()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);
        (await browser.SignInAsync(login, ConsoleClient.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await browser.GetHtmlAsync("/console");

        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff set active = false where id = @id", new { id = account.Id });

        (await browser.Http.GetAsync("/console")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_console_cookie_does_not_open_the_API_and_a_bearer_token_does_not_open_the_console()
    {
        await service.StartReadyAsync();
        var browser = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        (await browser.Http.GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var api = await service.AsAsync(StaffRole.Admin);
        var withBearer = ConsoleClient.For(service);
        withBearer.Http.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        var response = await withBearer.Http.GetAsync("/console");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldContain("/console/sign-in");
        // Plain HTTP gets an explanation, never an error.
        (await api.GetAsync("/console")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_password_link_works_once_and_refuses_short_or_mismatched_passwords()
    {
        await service.StartReadyAsync();
        var store = service.Services.GetRequiredService<ZaloBot.Staff.StaffStore>();
        var accounts = service.Services.GetRequiredService<ZaloBot.StaffConsole.ConsoleAccounts>();
        var account = await store.CreateAsync("Trần Bình", StaffRole.IntakeOfficer, null, CancellationToken.None);
        var (link, _) = await accounts.IssuePasswordLinkAsync(account.Id, "tran.binh." + account.Id, null, CancellationToken.None);
        var browser = ConsoleClient.For(service);
        var page = $"/console/password?token={link!.Token}";

        (await browser.GetHtmlAsync(page)).ShouldContain("tran.binh." + account.Id);
        var mismatch = await browser.PostFormAsync(page, "/console/password", new() { ["token"] = link.Token, ["password"] = "mot-mat-khau-dai", ["confirm"] = "khac-hoan-toan" });
        mismatch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tooShort = await browser.PostFormAsync(page, "/console/password", new() { ["token"] = link.Token, ["password"] = "ngan", ["confirm"] = "ngan" });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var set = await browser.PostFormAsync(page, "/console/password", new() { ["token"] = link.Token, ["password"] = "mot-mat-khau-dai", ["confirm"] = "mot-mat-khau-dai" });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.Content.ReadAsStringAsync()).ShouldContain("Đã đặt mật khẩu");

        var again = await browser.PostFormAsync("/console/sign-in", "/console/password", new() { ["token"] = link.Token, ["password"] = "mat-khau-khac-nua", ["confirm"] = "mat-khau-khac-nua" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetHtmlAsync("/console/password?token=pl_forged-forged-forged-forged")).ShouldContain("không hợp lệ");
        (await browser.SignInAsync("tran.binh." + account.Id, "mot-mat-khau-dai")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
