using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

public class ConsoleAdminTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task An_admin_creates_an_account_and_its_owner_signs_in_through_the_one_time_link()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var name = "Lê Văn " + Guid.NewGuid().ToString("N")[..6];

        var created = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=Create",
            new() { ["name"] = name, ["role"] = "agency_handler", ["agency"] = "SCT" });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = Regex.Match(await created.Content.ReadAsStringAsync(), "Đã tạo tài khoản #([0-9]+)").Groups[1].Value;
        var login = "le.van." + id;
        var issued = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=PasswordLink", new() { ["id"] = id, ["login"] = login });
        var link = Regex.Match(await issued.Content.ReadAsStringAsync(), "<code>https?://[^/]+(/console/password\\?token=[^<]+)</code>").Groups[1].Value;
        link.ShouldNotBeEmpty();

        var owner = ConsoleClient.For(service);
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        (await owner.PostFormAsync(link, "/console/password", new() { ["token"] = token, ["password"] = "mat-khau-cua-toi-1", ["confirm"] = "mat-khau-cua-toi-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.SignInAsync(login, "mat-khau-cua-toi-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await owner.GetHtmlAsync("/console")).ShouldContain("Cán bộ cơ quan xử lý");

        await using var connection = service.Database.Open();
        (await connection.QueryAsync<string>("select kind from console_audit where staff_id = @id order by id", new { id = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) }))
            .ShouldBe(["account_changed", "password_link_issued", "password_set", "sign_in"]);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_an_admin_cannot_lock_themselves_out()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var staff = ConsoleClient.For(service);
        await staff.SignInAsync(login, ConsoleClient.Password);

        var disabled = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=Update",
            new() { ["id"] = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "intake_officer", ["agency"] = "" });
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.Http.GetAsync("/console")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var connection = service.Database.Open();
        var self = await connection.ExecuteScalarAsync<long>("select max(staff_id) from console_audit where kind = 'sign_in' and staff_id in (select id from staff where role = 'admin')");
        var refused = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=Update",
            new() { ["id"] = self.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "admin", ["agency"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("không thể tự khoá");
    }

    [Theory]
    [InlineData("Create", "name=&role=admin")]
    [InlineData("Create", "name=An&role=king")]
    [InlineData("Create", "name=An&role=agency_handler")]
    [InlineData("Update", "id=abc&role=admin")]
    [InlineData("Update", "id=999999&role=admin&active=1")]
    [InlineData("PasswordLink", "id=1&login=KHÔNG HỢP LỆ")]
    [InlineData("Token", "id=1&days=9999")]
    [InlineData("EnrolmentCode", "id=-1")]
    public async Task Malformed_admin_forms_are_refused_with_a_message(string handler, string form)
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var fields = form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var response = await admin.PostFormAsync("/console/admin/staff", $"/console/admin/staff?handler={handler}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("notice error");
    }

    [Fact]
    public async Task Admins_see_what_the_bot_did_not_understand_with_phone_numbers_masked()
    {
        var client = await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var citizen = "u" + Guid.NewGuid().ToString("N")[..10];
        var noise = new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var gibberish = $"zxqv {noise} 0912345678 brrr";

        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(citizen, gibberish, Guid.NewGuid().ToString("N"))))).EnsureSuccessStatusCode();
        await Rows.InboxDrainedAsync(service.Database, citizen);

        var page = await admin.GetHtmlAsync("/console/admin/unrecognised");
        page.ShouldContain($"zxqv {noise} *******678 brrr");
        page.ShouldNotContain("0912345678");
    }

    [Fact]
    public async Task Administration_and_reports_are_for_their_roles_only()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);

        foreach (var url in new[] { "/console/admin/staff", "/console/admin/replies", "/console/admin/audit", "/console/admin/organisation", "/console/admin/unrecognised", "/console/admin/oas", "/console/admin/webhooks", "/console/centres/BN01/qr.png" })
        {
            var response = await supervisor.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/console/forbidden");
        }
        (await intake.Http.GetAsync("/console/reports")).Headers.Location!.ToString().ShouldContain("/console/forbidden");
        (await intake.PostWithoutTokenAsync("/console/admin/staff?handler=Create", new() { ["name"] = "X", ["role"] = "admin" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await intake.GetHtmlAsync("/console/forbidden", HttpStatusCode.Forbidden)).ShouldContain("Không có quyền");
    }

    [Fact]
    public async Task The_report_page_shows_the_figures_and_downloads_them_as_csv()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        await service.SeedTicketAsync("assigned", agency: "SXD");

        var page = await supervisor.GetHtmlAsync("/console/reports");
        page.ShouldContain("Kết quả trong kỳ theo loại đơn");
        page.ShouldContain("<table class=\"bars\">");
        page.ShouldContain("Sở Xây dựng");
        var csv = await supervisor.Http.GetAsync("/console/reports?handler=Csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("Cơ quan,Loại đơn,Tiếp nhận");
        (await supervisor.GetHtmlAsync("/console/reports?from=2026-13-45&to=x", HttpStatusCode.BadRequest)).ShouldContain("không hợp lệ");
        (await supervisor.GetHtmlAsync("/console/reports?from=2026-05-01&to=2026-01-01", HttpStatusCode.BadRequest)).ShouldContain("không hợp lệ");
    }

    [Fact]
    public async Task Admins_manage_canned_replies_and_bad_ones_are_refused()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var title = "Hẹn kiểm tra " + Guid.NewGuid().ToString("N")[..4];

        (await admin.PostFormAsync("/console/admin/replies", "/console/admin/replies?handler=Add", new() { ["title"] = title, ["body"] = "Ngày mai cán bộ đến kiểm tra phản ánh {ma}.", ["order"] = "5" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync("/console/admin/replies", "/console/admin/replies?handler=Add", new() { ["title"] = "", ["body"] = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostFormAsync("/console/admin/replies", "/console/admin/replies?handler=Add", new() { ["title"] = "x", ["body"] = new string('x', 5000) }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostFormAsync("/console/admin/replies", "/console/admin/replies?handler=Save", new() { ["id"] = "nope", ["title"] = "x", ["body"] = "y" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (code, _) = await service.SeedTicketAsync();
        (await admin.GetHtmlAsync($"/console/tickets/{code}")).ShouldContain($"Ngày mai cán bộ đến kiểm tra phản ánh {code}.");
    }

    [Fact]
    public async Task Admins_download_a_centres_QR_code_from_the_console()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);

        var png = await admin.Http.GetAsync("/console/centres/BN01/qr.png");
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await admin.Http.GetAsync("/console/centres/NOPE/qr.svg")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetHtmlAsync("/console/admin/organisation")).ShouldContain("Áp phích A4");
    }
}
