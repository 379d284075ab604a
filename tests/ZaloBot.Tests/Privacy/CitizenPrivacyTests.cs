using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Privacy;

/// <summary>End to end through signed webhooks: the notice, consent records, rights requests with their clocks in the console, ID masking.</summary>
public partial class CitizenPrivacyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly string[] Complaint =
    [
        "Gửi phản ánh", "ha tang moi truong", "Cống thoát nước trước nhà số 12 bị tắc, CCCD của tôi 001203012345 nếu cần xác minh",
        "Số 12 đường Lý Thái Tổ, phường Kinh Bắc", "bo qua", "Nguyễn Văn An 0912 345 678", "Gửi",
    ];

    private static async Task<IReadOnlyList<string>> SayAsync(HttpClient client, string user, params string[] texts)
    {
        var ids = new List<string>();
        foreach (var text in texts)
        {
            var msgId = Guid.NewGuid().ToString("N");
            ids.Add(msgId);
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, msgId)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        return ids;
    }

    private async Task<(HttpClient Zalo, string User, string Code)> FiledAsync()
    {
        var client = await service.StartReadyAsync();
        var user = "p" + Guid.NewGuid().ToString("N")[..10];
        await SayAsync(client, user, Complaint);
        await Rows.InboxDrainedAsync(service.Database, user);
        return (client, user, (await Rows.TicketsAsync(service.Database, user)).Single().Code);
    }

    private async Task<IReadOnlyList<(string Purpose, string Answer, string? TicketCode, string? InboundMsgId)>> ConsentsAsync(string user)
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<(string, string, string?, string?)>(
            "select purpose, answer, ticket_code, inbound_msg_id from consent_records where zalo_user_id = @user order by id", new { user })).AsList();
    }

    [Fact]
    public async Task The_notice_comes_before_the_first_personal_question_and_is_recorded_with_the_message_that_carried_it()
    {
        var client = await service.StartReadyAsync();
        var user = "p" + Guid.NewGuid().ToString("N")[..10];
        await SayAsync(client, user, "xin chao");
        var ids = await SayAsync(client, user, "Gửi phản ánh");
        await Rows.InboxDrainedAsync(service.Database, user);

        var texts = (await Rows.OutboxAsync(service.Database, user)).Select(r => r.Text).ToList();
        texts[0].ShouldNotContain("/quyen-rieng-tu", customMessage: "a greeting asks nothing personal");
        texts[1].ShouldStartWith("Về dữ liệu cá nhân của bạn");
        texts[1].ShouldContain("https://pakn.example.gov.vn/quyen-rieng-tu");
        texts[1].IndexOf("/quyen-rieng-tu", StringComparison.Ordinal).ShouldBeLessThan(texts[1].IndexOf("lĩnh vực", StringComparison.Ordinal));
        (await ConsentsAsync(user)).ShouldBe([("notice", "shown", null, ids[0])]);

        var page = await client.GetAsync("/quyen-rieng-tu");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Phiên bản 1");
        html.ShouldContain("Hệ thống thông tin phản ánh, kiến nghị quốc gia");
        html.ShouldContain("width=device-width");
    }

    [Fact]
    public async Task Nothing_is_published_without_a_yes_a_refused_call_back_hides_the_number_and_staff_see_the_answers()
    {
        var (client, user, code) = await FiledAsync();
        var texts = (await Rows.OutboxAsync(service.Database, user)).Select(r => r.Text).ToList();
        texts.ShouldContain(t => t.Contains("cán bộ có thể gọi điện cho bạn", StringComparison.Ordinal));
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set status = 'resolved', resolved_at = now() where code = @code", new { code });
        (await client.GetAsync($"/open311/v2/requests/{code}.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "silence is not consent");

        var pressed = await SayAsync(client, user, "Không gọi lại", "Đồng ý công khai " + code);
        await Rows.InboxDrainedAsync(service.Database, user);
        (await client.GetAsync($"/open311/v2/requests/{code}.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var consents = await ConsentsAsync(user);
        consents.ShouldContain(("call_back", "refused", null, pressed[0]));
        consents.ShouldContain(("publish", "granted", code, pressed[1]));

        var api = await service.AsAsync(StaffRole.IntakeOfficer);
        var json = await api.GetStringAsync($"/api/privacy/tickets/{code}/consents");
        json.ShouldContain("\"purpose\":\"call_back\"");
        json.ShouldContain("\"answer\":\"refused\"");
        var browser = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var page = await browser.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("data-consent=\"call_back\">không đồng ý");
        page.ShouldNotContain("Hiện số (được ghi nhật ký)");
        (await browser.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=RevealPhone", [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ID_numbers_are_masked_in_the_stored_complaint_and_the_citizen_is_told_they_are_not_needed()
    {
        var (_, user, _) = await FiledAsync();
        var ticket = (await Rows.TicketsAsync(service.Database, user)).Single();
        ticket.Description.ShouldContain("*********345");
        ticket.Description.ShouldNotContain("001203012345");
        (await Rows.OutboxAsync(service.Database, user)).ShouldContain(r => r.Text.Contains("Không cần gửi ảnh hoặc số CMND/CCCD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_data_gives_a_summary_and_a_link_that_opens_the_full_export_once()
    {
        var (client, user, code) = await FiledAsync();
        await SayAsync(client, user, "du lieu cua toi");
        await Rows.InboxDrainedAsync(service.Database, user);
        var reply = (await Rows.OutboxAsync(service.Database, user)).Last().Text;
        reply.ShouldContain("1 phản ánh");
        reply.ShouldContain("*******678");
        reply.ShouldNotContain("0912345678");
        var link = ExportLink().Match(reply);
        link.Success.ShouldBeTrue(reply);

        var first = await client.GetAsync(link.Groups[1].Value);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await first.Content.ReadAsStringAsync();
        html.ShouldContain(code);
        html.ShouldContain("Nguyễn Văn An");
        html.ShouldContain("data:application/json;base64,");
        await using (var read = service.Database.Open())
        {
            var status = TicketStatusNames.Parse(await read.QuerySingleAsync<string>("select status from tickets where code = @code", new { code }));
            html.ShouldContain($"<dt>Trạng thái</dt><dd>{TicketStatusText.ForCitizen(status)}</dd>", customMessage: "the citizen reads the status in Vietnamese, as in the chat");
            html.ShouldNotContain($"<dd>{status.ToName()}</dd>");
        }
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await client.GetAsync(link.Groups[1].Value)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the link works once");

        await using var connection = service.Database.Open();
        (await connection.QuerySingleAsync<string>("select status from privacy_requests where zalo_user_id = @user and kind = 'access'", new { user })).ShouldBe("completed");
    }

    [Theory]
    [InlineData("dx_forged-token-that-was-never-issued-000")]
    [InlineData("not-even-the-right-shape")]
    [InlineData("dx_%2e%2e%2f%2e%2e%2fetc%2fpasswd-aaaaaaaaaaaa")]
    public async Task Forged_or_malformed_export_links_are_not_found(string token)
    {
        var client = await service.StartReadyAsync();
        (await client.GetAsync("/quyen-rieng-tu/du-lieu/" + token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/quyen-rieng-tu/du-lieu/" + new string('x', 5000))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_correction_lands_in_the_console_queue_with_its_clocks_and_completing_it_changes_the_phone_and_tells_the_citizen()
    {
        var (client, user, _) = await FiledAsync();
        await SayAsync(client, user, "sửa số điện thoại 0987 654 321");
        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).Last().Text.ShouldContain("Đã tiếp nhận yêu cầu sửa dữ liệu của bạn");

        await using var connection = service.Database.Open();
        var request = await connection.QuerySingleAsync<(long Id, string Status, DateTime Received, DateTime AckDue, DateTime? Acked, DateTime Due)>(
            "select id, status, received_at, acknowledge_due, acknowledged_at, due_at from privacy_requests where zalo_user_id = @user and kind = 'correct'", new { user });
        request.Status.ShouldBe("acknowledged");
        request.Acked.ShouldNotBeNull("the bot's reply is the acknowledgement");
        (request.AckDue - request.Received).ShouldBeGreaterThan(TimeSpan.FromDays(1));
        // Ten working days end at the close of the tenth: received on a Monday morning that is 11 days and 9 hours
        // later, on a Saturday evening 12 days and 21 hours — never less than 11 days, whatever day the suite runs.
        (request.Due - request.Received).ShouldBeGreaterThan(TimeSpan.FromDays(11), "ten working days");
        (request.Due - request.Received).ShouldBeLessThan(TimeSpan.FromDays(30), "ten working days, with holidays");

        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var queue = await supervisor.GetHtmlAsync("/console/privacy");
        queue.ShouldContain($"data-request=\"{request.Id}\"");
        queue.ShouldContain("sửa dữ liệu");
        queue.ShouldContain("84987654321");
        var empty = await supervisor.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new() { ["id"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["done"] = "1", ["reason"] = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a reason is required");
        var done = await supervisor.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new()
        {
            ["id"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["done"] = "1", ["reason"] = "Đã cập nhật số mới trên phản ánh đang giải quyết.",
        });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rows.TicketsAsync(service.Database, user)).Single().ContactPhone.ShouldBe("+84987654321");
        (await Rows.OutboxAsync(service.Database, user)).Last().Text.ShouldContain("đã được thực hiện");
        var again = await supervisor.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new() { ["id"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["done"] = "0", ["reason"] = "lặp" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a closed request cannot be closed twice");
        (await Rows.TicketEventsAsync(service.Database, (await Rows.TicketsAsync(service.Database, user)).Single().Id)).ShouldContain(e => e.Kind == "contact_corrected");
    }

    [Fact]
    public async Task A_deletion_request_completed_by_staff_erases_the_citizen_like_user_withdraw()
    {
        var (client, user, _) = await FiledAsync();
        await SayAsync(client, user, "Xóa dữ liệu của tôi");
        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).Last().Text.ShouldContain("có thể phải giữ lại");
        await using var connection = service.Database.Open();
        var id = await connection.QuerySingleAsync<long>("select id from privacy_requests where zalo_user_id = @user and kind = 'delete'", new { user });

        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        (await admin.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new()
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["done"] = "1", ["reason"] = "Đã xoá; phản ánh giữ lại nội dung không định danh để thống kê.",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Rows.TicketsAsync(service.Database, user)).ShouldBeEmpty("the tickets no longer carry the Zalo id");
        (await ConsentsAsync(user)).ShouldBeEmpty("consent records keep their proof under a stand-in id");
        (await connection.QuerySingleAsync<string>("select status from privacy_requests where id = @id", new { id })).ShouldBe("completed");
        (await connection.ExecuteScalarAsync<long>("select count(*) from data_erasures")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Withdrawing_consent_ends_every_optional_purpose_now_and_unpublishes_answers()
    {
        var (client, user, code) = await FiledAsync();
        await SayAsync(client, user, "Đồng ý gọi lại", "Đồng ý công khai " + code);
        await Rows.InboxDrainedAsync(service.Database, user);
        await SayAsync(client, user, "rút lại đồng ý");
        await Rows.InboxDrainedAsync(service.Database, user);

        (await Rows.OutboxAsync(service.Database, user)).Last().Text.ShouldContain("Đã rút lại mọi đồng ý");
        var consents = await ConsentsAsync(user);
        consents.Where(c => c.Answer == "withdrawn").Select(c => c.Purpose).ShouldBe(["publish", "call_back", "survey", "location"], ignoreOrder: true);
        await using var connection = service.Database.Open();
        (await connection.QuerySingleAsync<bool?>("select publish from tickets where code = @code", new { code })).ShouldBe(false);
        (await connection.QuerySingleAsync<string>("select status from privacy_requests where zalo_user_id = @user and kind = 'withdraw'", new { user })).ShouldBe("acknowledged");
    }

    [Fact]
    public async Task Consent_records_cannot_be_changed_or_deleted()
    {
        var (_, user, _) = await FiledAsync();
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync("update consent_records set answer = 'granted' where zalo_user_id = @user", new { user });
        await connection.ExecuteAsync("delete from consent_records where zalo_user_id = @user", new { user });
        (await ConsentsAsync(user)).Select(c => (c.Purpose, c.Answer)).ShouldBe([("notice", "shown")]);
    }

    [Fact]
    public async Task The_rights_queue_is_for_supervisors_and_admins_and_malformed_forms_are_refused()
    {
        await service.StartReadyAsync();
        var officer = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        (await officer.Http.GetAsync("/console/privacy")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        foreach (var (id, done) in new[] { ("", "1"), ("abc", "1"), ("1", "maybe"), ("99999999", "1") })
            (await supervisor.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new() { ["id"] = id, ["done"] = done, ["reason"] = "x" }))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.PostFormAsync("/console/privacy", "/console/privacy?handler=Complete", new() { ["id"] = "1", ["done"] = "1", ["reason"] = new string('x', 1001) }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.PostWithoutTokenAsync("/console/privacy?handler=Complete", new() { ["id"] = "1", ["done"] = "1", ["reason"] = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [GeneratedRegex(@"https://pakn\.example\.gov\.vn(/quyen-rieng-tu/du-lieu/dx_[A-Za-z0-9_\-]+)")]
    private static partial Regex ExportLink();
}
