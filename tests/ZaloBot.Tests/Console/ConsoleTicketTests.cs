using System.Net;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

public class ConsoleTicketTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<long> TicketIdAsync(string code)
    {
        await using var connection = service.Database.Open();
        return await connection.ExecuteScalarAsync<long>("select id from tickets where code = @code", new { code });
    }

    private async Task<int> VersionAsync(string code)
    {
        await using var connection = service.Database.Open();
        return await connection.ExecuteScalarAsync<int>("select version from tickets where code = @code", new { code });
    }

    private Task<HttpResponseMessage> ActAsync(ConsoleClient browser, string code, string action, int version, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["action"] = action, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (k, v) in extra ?? []) fields[k] = v;
        return browser.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Act", fields);
    }

    [Fact]
    public async Task An_agency_handler_cannot_open_another_agencys_ticket_by_its_address()
    {
        await service.StartReadyAsync();
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var (own, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var (other, _) = await service.SeedTicketAsync("assigned", agency: "SYT");
        var (unassigned, _) = await service.SeedTicketAsync("received");

        (await handler.GetHtmlAsync($"/console/tickets/{own}")).ShouldContain(own);
        (await handler.GetHtmlAsync($"/console/tickets/{other}", HttpStatusCode.NotFound)).ShouldContain("Không tìm thấy phiếu");
        (await handler.GetHtmlAsync($"/console/tickets/{unassigned}", HttpStatusCode.NotFound)).ShouldNotContain(unassigned);
        var queue = await handler.GetHtmlAsync("/console?status=assigned");
        queue.ShouldContain(own);
        queue.ShouldNotContain(other);
        // Not by posting to it either.
        var forced = await ActAsync(handler, other, "start", 1);
        forced.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await VersionAsync(other)).ShouldBe(1);
    }

    [Fact]
    public async Task Accept_assign_and_resolve_from_the_console_write_the_audit_trail_and_queue_each_citizen_notice()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var diagnosis = await ConsoleClient.SignedInAsync(service, StaffRole.DiagnosisOfficer);
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-TS");
        var (code, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set area_code = 'TUSON' where code = @code", new { code });

        var accepted = await ActAsync(intake, code, "accept", 1);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await intake.GetHtmlAsync(accepted.Headers.Location!.ToString())).ShouldContain("Đã thực hiện: Tiếp nhận.");

        var page = await diagnosis.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("UBND phường Từ Sơn (đề xuất theo quy tắc phân công)");
        page.ShouldNotContain("value=\"accept\"");
        (await ActAsync(diagnosis, code, "assign", 2, new() { ["agency"] = "UBND-TS" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActAsync(handler, code, "resolve", 3, new() { ["result"] = "Đã thông cống." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var events = await Rows.TicketEventsAsync(service.Database, await TicketIdAsync(code));
        events.Select(e => (e.Kind, e.ActorKind)).ShouldBe([("status_changed", "staff"), ("status_changed", "staff"), ("status_changed", "staff")]);
        events[2].Body.ShouldBe("Đã thông cống.");
        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts[0].ShouldStartWith($"Phản ánh {code} đã được tiếp nhận xử lý.");
        texts[1].ShouldBe($"Phản ánh {code} đã được chuyển đến UBND phường Từ Sơn để xử lý.");
        texts[2].ShouldStartWith($"Phản ánh {code} đã được giải quyết. Kết quả: Đã thông cống.");  // the rating question follows in the same message
    }

    [Fact]
    public async Task A_stale_or_repeated_action_gets_a_friendly_message_and_changes_nothing()
    {
        await service.StartReadyAsync();
        var first = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var second = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync();

        (await ActAsync(first, code, "accept", 1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await ActAsync(second, code, "reject", 1, new() { ["reason"] = "Không thuộc phạm vi" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("vừa được người khác thay đổi");
        html.ShouldContain("Đã tiếp nhận"); // the page shows the ticket as it is now
        html.ShouldContain("Không thuộc phạm vi"[..5]); // nothing typed is lost… the form is shown again

        var repeated = await ActAsync(first, code, "accept", 1);
        repeated.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await VersionAsync(code)).ShouldBe(2);
        (await Rows.OutboxAsync(service.Database, citizen)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_canned_reply_reaches_the_citizen_with_its_placeholders_filled_and_a_note_stays_internal()
    {
        await service.StartReadyAsync();
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "SXD");
        long cannedId;
        await using (var connection = service.Database.Open())
            cannedId = await connection.ExecuteScalarAsync<long>("select id from canned_replies where title = 'Đã chuyển cơ quan'");

        var page = await handler.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain($"Phản ánh {code} đã được chuyển đến Sở Xây dựng");
        var stamp = System.Text.RegularExpressions.Regex.Match(page, "name=\"stamp\" value=\"([0-9]+)\"").Groups[1].Value;
        var reply = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Reply",
            new() { ["text"] = "", ["cannedId"] = cannedId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["stamp"] = stamp });
        reply.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The same form posted again (a double click, a refresh) is caught by its stamp.
        var again = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Reply",
            new() { ["text"] = "", ["cannedId"] = cannedId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["stamp"] = stamp });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        page = await handler.GetHtmlAsync($"/console/tickets/{code}");
        stamp = System.Text.RegularExpressions.Regex.Match(page, "name=\"stamp\" value=\"([0-9]+)\"").Groups[1].Value;
        var note = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Note",
            new() { ["text"] = "Cần xe hút bùn", ["stamp"] = stamp });
        note.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts.ShouldBe([$"Sở Xây dựng trả lời phản ánh {code}:\nPhản ánh {code} đã được chuyển đến Sở Xây dựng để xem xét, giải quyết theo thẩm quyền."]);
        var events = await Rows.TicketEventsAsync(service.Database, await TicketIdAsync(code));
        events.Select(e => (e.Kind, e.IsPublic)).ShouldBe([("staff_reply", true), ("note", false)]);
        page = await handler.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("Nội bộ – công dân không thấy");
    }

    [Fact]
    public async Task The_phone_is_masked_until_shown_and_showing_it_is_audited()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var browser = ConsoleClient.For(service);
        await browser.SignInAsync(login, ConsoleClient.Password);
        var (code, _) = await service.SeedTicketAsync();

        var page = await browser.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("0912 *** 678");
        page.ShouldNotContain("0912 345 678");
        var shown = await browser.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=RevealPhone", []);
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shown.Content.ReadAsStringAsync()).ShouldContain("0912 345 678");

        await using var connection = service.Database.Open();
        (await connection.QueryAsync<string>("select ticket_code from console_audit where staff_id = @id and kind = 'phone_revealed'", new { id = account.Id }))
            .ShouldBe([code]);
    }

    [Fact]
    public async Task Forged_and_malformed_ticket_forms_are_refused_without_errors_or_changes()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();

        (await intake.PostWithoutTokenAsync($"/console/tickets/{code}?handler=Act", new() { ["action"] = "accept", ["version"] = "1" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync(intake, code, "explode", 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync(intake, code, "7", 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Act", new() { ["action"] = "accept", ["version"] = "abc" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync(intake, code, "reject", 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no reason
        (await ActAsync(intake, code, "reject", 1, new() { ["reason"] = new string('x', 5000) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ActAsync(intake, code, "resolve", 1, new() { ["result"] = "Xong" })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not from received
        (await intake.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Reply", new() { ["text"] = " ", ["stamp"] = "1" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=Nope", new()))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.Http.GetAsync("/console?handler=Nope")).StatusCode.ShouldBe(HttpStatusCode.OK); // falls back to the plain page
        (await intake.GetHtmlAsync("/console/tickets/not-a-code", HttpStatusCode.NotFound)).ShouldContain("Không tìm thấy phiếu");
        (await intake.GetHtmlAsync("/console/tickets/PA-2611-ZZZZ", HttpStatusCode.NotFound)).ShouldContain("Không tìm thấy phiếu");

        (await VersionAsync(code)).ShouldBe(1);
        (await Rows.OutboxAsync(service.Database, citizen)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_action_the_role_may_not_take_is_neither_offered_nor_accepted()
    {
        await service.StartReadyAsync();
        var field = await ConsoleClient.SignedInAsync(service, StaffRole.FieldOfficer, "SXD");
        var (code, _) = await service.SeedTicketAsync("resolved", agency: "SXD");

        var page = await field.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldNotContain("value=\"close\"");
        var response = await ActAsync(field, code, "close", 1);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Vai trò của bạn không được thực hiện thao tác này.");
    }
}
