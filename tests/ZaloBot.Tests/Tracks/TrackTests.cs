using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tracks;

namespace ZaloBot.Tests.Tracks;

/// <summary>Tracks end to end: clocks and escalation, answer approval, "not fixed yet", tracks from the conversation.</summary>
public class TrackTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewUser() => "c" + Guid.NewGuid().ToString("N")[..10];

    private static async Task ShouldBeAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task SayAsync(string user, params string[] texts)
    {
        foreach (var text in texts)
            (await service.CreateClient().SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
    }

    /// <summary>A staff member whose Zalo is linked, to receive pushes.</summary>
    private async Task<(long Id, string Zalo)> LinkedStaffAsync(StaffRole role, string? agency = null, bool head = false)
    {
        var account = await service.Services.GetRequiredService<StaffStore>().CreateAsync($"{role} {Guid.NewGuid():N}"[..30], role, agency, CancellationToken.None);
        var zalo = "z" + Guid.NewGuid().ToString("N")[..10];
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync("update staff set zalo_user_id = @zalo, agency_head = @head where id = @id", new { zalo, head, id = account.Id });
        return (account.Id, zalo);
    }

    private async Task<IReadOnlyList<string>> TextsAsync(string recipient) => (await Rows.OutboxAsync(service.Database, recipient)).Select(r => r.Text).ToList();

    private async Task<long> IdAsync(string code)
    {
        await using var connection = service.Database.Open();
        return await connection.ExecuteScalarAsync<long>("select id from tickets where code = @code", new { code });
    }

    [Fact]
    public async Task An_urgent_ticket_breaching_its_first_response_clock_pushes_the_supervisor_once()
    {
        await service.StartReadyAsync();
        var (_, supervisor) = await LinkedStaffAsync(StaffRole.Supervisor);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, _) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set created_at = now() - interval '10 days' where code = @code", new { code });

        // Intake marks it urgent: the 2-working-hour clock runs from receipt, ten days ago, so it is already broken.
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent" }), HttpStatusCode.OK);
        var monitor = service.Services.GetRequiredService<EscalationMonitor>();
        await monitor.EscalateAsync(CancellationToken.None);
        (await monitor.EscalateAsync(CancellationToken.None)).ShouldBe(0);

        var pushes = (await TextsAsync(supervisor)).Where(t => t.Contains(code)).ToList();
        pushes.Count(t => t.Contains("phản hồi đầu tiên")).ShouldBe(1);
        var clocks = await JsonAsync(await intake.GetAsync($"/api/tickets/{code}/clocks"));
        clocks.GetProperty("priority").GetString().ShouldBe("urgent");
        clocks.GetProperty("escalations").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "first_response").ShouldBe(1);
        var events = await Rows.TicketEventsAsync(service.Database, await IdAsync(code));
        events.ShouldContain(e => e.Kind == "priority_changed" && !e.IsPublic);
        events.Count(e => e.Kind == "escalated").ShouldBe(events.Count(e => e.Kind == "escalated" && !e.IsPublic));
    }

    [Fact]
    public async Task An_overdue_resolution_escalates_to_the_supervisor_and_the_agency_head_once_per_breach()
    {
        await service.StartReadyAsync();
        var (_, supervisor) = await LinkedStaffAsync(StaffRole.Supervisor);
        var (_, head) = await LinkedStaffAsync(StaffRole.AgencyHandler, "SYT", head: true);
        var (code, _) = await service.SeedTicketAsync("in_progress", agency: "SYT");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set due_at = now() - interval '1 hour' where code = @code", new { code });
        var monitor = service.Services.GetRequiredService<EscalationMonitor>();
        await monitor.EscalateAsync(CancellationToken.None);
        await monitor.EscalateAsync(CancellationToken.None);

        (await TextsAsync(head)).Count(t => t.Contains(code) && t.Contains("quá hạn giải quyết")).ShouldBe(1);
        (await TextsAsync(supervisor)).Count(t => t.Contains(code) && t.Contains("quá hạn giải quyết")).ShouldBe(1);

        // Extended, then broken again: a new breach, escalated again.
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SYT");
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/extend", new { reason = "Chờ kết quả xét nghiệm mẫu nước" }), HttpStatusCode.OK);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set due_at = now() - interval '1 minute' where code = @code", new { code });
        await monitor.EscalateAsync(CancellationToken.None);
        (await TextsAsync(head)).Count(t => t.Contains(code) && t.Contains("quá hạn giải quyết")).ShouldBe(2);
    }

    [Fact]
    public async Task An_answer_awaiting_approval_reaches_the_citizen_only_once_approved()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "UBND-VC" }), HttpStatusCode.Created);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "UBND-VC" }), HttpStatusCode.Conflict);
        var (_, supervisorZalo) = await LinkedStaffAsync(StaffRole.Supervisor);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "UBND-VC");
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "UBND-VC");

        var held = await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã sửa xong đèn đường." });
        await ShouldBeAsync(held, HttpStatusCode.OK);
        (await JsonAsync(held)).GetProperty("status").GetString().ShouldBe("in_progress");
        (await TextsAsync(citizen)).ShouldBeEmpty();
        (await TextsAsync(supervisorZalo)).ShouldContain(t => t.Contains(code) && t.Contains("chờ duyệt"));
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Lần nữa" }), HttpStatusCode.Conflict);
        await ShouldBeAsync(await handler.PostAsync($"/api/tickets/{code}/approve", null), HttpStatusCode.Forbidden);
        var pending = await JsonAsync(await supervisor.GetAsync("/api/approvals"));
        pending.EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == code);

        var approved = await supervisor.PostAsync($"/api/tickets/{code}/approve", null);
        await ShouldBeAsync(approved, HttpStatusCode.OK);
        (await JsonAsync(approved)).GetProperty("status").GetString().ShouldBe("resolved");
        var notice = (await TextsAsync(citizen)).ShouldHaveSingleItem();
        notice.ShouldContain("Đã sửa xong đèn đường.");
        notice.ShouldContain("đã được khắc phục chưa");
        await ShouldBeAsync(await supervisor.PostAsync($"/api/tickets/{code}/approve", null), HttpStatusCode.Conflict);
        var kinds = (await Rows.TicketEventsAsync(service.Database, await IdAsync(code))).Select(e => e.Kind).ToList();
        kinds.ShouldBe(["answer_submitted", "status_changed", "answer_approved"]);
    }

    private static List<string> ButtonPayloads(string message) =>
        System.Text.Json.Nodes.JsonNode.Parse(message)?["attachment"]?["payload"]?["buttons"]?.AsArray()
            .Select(b => b!["payload"]!.GetValue<string>()).ToList() ?? [];

    [Fact]
    public async Task A_handler_s_reply_under_an_approval_rule_waits_for_approval_like_a_resolution()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "STC" }), HttpStatusCode.Created);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "STC");
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "STC");

        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = "Sáng mai tổ công tác đến hiện trường." }), HttpStatusCode.OK);
        (await TextsAsync(citizen)).ShouldBeEmpty();
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = "Thêm một câu." }), HttpStatusCode.Conflict);
        // A note is not an answer: it is never held.
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/notes", new { text = "Ghi chú" }), HttpStatusCode.OK);

        var approved = await supervisor.PostAsync($"/api/tickets/{code}/approve", null);
        await ShouldBeAsync(approved, HttpStatusCode.OK);
        (await JsonAsync(approved)).GetProperty("status").GetString().ShouldBe("in_progress");
        (await TextsAsync(citizen)).ShouldHaveSingleItem().ShouldEndWith($"trả lời phản ánh {code}:\nSáng mai tổ công tác đến hiện trường.");
        var kinds = (await Rows.TicketEventsAsync(service.Database, await IdAsync(code))).Select(e => e.Kind).ToList();
        kinds.ShouldBe(["reply_submitted", "note", "staff_reply", "answer_approved"]);
    }

    [Fact]
    public async Task A_returned_answer_goes_back_to_its_handler_with_the_comment_and_the_citizen_hears_nothing()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { categoryCode = "CONDUCT" }), HttpStatusCode.Created);
        var (handlerId, handlerZalo) = await LinkedStaffAsync(StaffRole.AgencyHandler, "SNV");
        var token = await service.Services.GetRequiredService<StaffStore>().IssueTokenAsync(handlerId, TimeSpan.FromDays(1), "test", CancellationToken.None);
        var handler = service.WithToken(token!.Token);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "SNV", category: "CONDUCT");

        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã nhắc nhở." }), HttpStatusCode.OK);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/return", new { }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/return", new { comment = "Nêu rõ hình thức xử lý cán bộ." }), HttpStatusCode.OK);

        (await TextsAsync(citizen)).ShouldBeEmpty();
        // Once, though the handler is both its author and staff of the ticket's agency; no "Nhận" on a ticket in progress.
        var push = (await Rows.OutboxAsync(service.Database, handlerZalo)).Where(r => r.Text.Contains("Nêu rõ hình thức xử lý cán bộ.")).ShouldHaveSingleItem();
        push.Text.ShouldContain(code);
        ButtonPayloads(push.Message).ShouldBe([$"xem {code}"]);
        var clocks = await JsonAsync(await handler.GetAsync($"/api/tickets/{code}/clocks"));
        clocks.GetProperty("pendingResult").ValueKind.ShouldBe(JsonValueKind.Null);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/approve", null), HttpStatusCode.Conflict);
        var returned = (await Rows.TicketEventsAsync(service.Database, await IdAsync(code))).Single(e => e.Kind == "answer_returned");
        (returned.IsPublic, returned.Body).ShouldBe((false, "Nêu rõ hình thức xử lý cán bộ."));

        // The handler answers again and the intake unit approves it.
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã kỷ luật khiển trách cán bộ." }), HttpStatusCode.OK);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/approve", null), HttpStatusCode.OK);
        (await TextsAsync(citizen)).ShouldHaveSingleItem().ShouldContain("Đã kỷ luật khiển trách cán bộ.");
    }

    [Fact]
    public async Task Approval_works_from_the_staff_chat()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "UBND-QV", categoryCode = "INFRA" }), HttpStatusCode.Created);
        var (_, handlerZalo) = await LinkedStaffAsync(StaffRole.AgencyHandler, "UBND-QV");
        var (_, supervisorZalo) = await LinkedStaffAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "UBND-QV");

        await SayAsync(handlerZalo, $"giai quyet {code} Đã vớt rác, thông cống.");
        (await TextsAsync(handlerZalo)).Last().ShouldContain("chờ duyệt");
        (await TextsAsync(citizen)).ShouldBeEmpty();
        await SayAsync(supervisorZalo, $"tra lai {code} Bổ sung ảnh hiện trường");
        (await TextsAsync(handlerZalo)).ShouldContain(t => t.Contains("Bổ sung ảnh hiện trường"));
        await SayAsync(handlerZalo, $"giải quyết {code} Đã vớt rác, thông cống, ảnh trong hồ sơ.");
        await SayAsync(supervisorZalo, $"duyệt {code}");
        (await TextsAsync(supervisorZalo)).Last().ShouldContain("Đã cập nhật");
        (await TextsAsync(citizen)).ShouldHaveSingleItem().ShouldContain("ảnh trong hồ sơ");
    }

    [Fact]
    public async Task Not_yet_reopens_the_ticket_with_what_remains_and_the_agency_is_told()
    {
        await service.StartReadyAsync();
        var (_, agencyStaff) = await LinkedStaffAsync(StaffRole.AgencyHandler, "UBND-TS");
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "UBND-TS");
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "UBND-TS");
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã nạo vét cống." }), HttpStatusCode.OK);

        await SayAsync(citizen, $"Chưa khắc phục {code}");
        (await TextsAsync(citizen)).Last().ShouldContain("điều gì còn chưa được khắc phục");
        await SayAsync(citizen, "Đoạn trước số 14 vẫn ngập khi mưa");
        (await TextsAsync(citizen)).Last().ShouldContain("đã được mở lại");

        var ticket = (await Rows.TicketsAsync(service.Database, citizen)).ShouldHaveSingleItem();
        ticket.Status.ShouldBe("in_progress");
        (await TextsAsync(agencyStaff)).ShouldContain(t => t.Contains(code) && t.Contains("Đoạn trước số 14 vẫn ngập khi mưa"));
        var reopened = (await Rows.TicketEventsAsync(service.Database, ticket.Id)).Single(e => e.Kind == "citizen_reopened");
        (reopened.ActorKind, reopened.Body).ShouldBe(("citizen", "Đoạn trước số 14 vẫn ngập khi mưa"));
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var report = await JsonAsync(await supervisor.GetAsync("/api/reports/tracks"));
        report.GetProperty("reopened").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_low_rating_flags_the_ticket_for_the_supervisor()
    {
        await service.StartReadyAsync();
        var (_, supervisorZalo) = await LinkedStaffAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync("resolved", agency: "SXD");
        await SayAsync(citizen, $"Đã khắc phục {code}", $"Đánh giá {code} 1");
        (await TextsAsync(supervisorZalo)).ShouldContain(t => t.Contains(code) && t.Contains("1/5"));
        var kinds = (await Rows.TicketEventsAsync(service.Database, await IdAsync(code))).Select(e => e.Kind).ToList();
        kinds.ShouldBe(["citizen_confirmed_fixed", "rated", "flagged_for_review"]);
    }

    [Fact]
    public async Task A_khieu_nai_from_the_conversation_gets_its_track_and_calendar_day_clocks()
    {
        await service.StartReadyAsync();
        var user = NewUser();
        await SayAsync(user, "Gửi phản ánh", "Khác",
            "Tôi khiếu nại quyết định xử phạt hành chính của UBND phường Kinh Bắc vì không đúng sự việc",
            "Số 12 đường Lý Thái Tổ, phường Kinh Bắc", "bo qua", "Nguyễn Văn An 0912 345 678", "Gửi");
        (await TextsAsync(user)).Last().ShouldContain("khiếu nại");
        await SayAsync(user, "Gửi là khiếu nại");
        var texts = await TextsAsync(user);
        texts.ShouldContain(t => t.Contains("Luật Khiếu nại 2011"));
        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();

        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{ticket.Code}/accept", null), HttpStatusCode.OK);
        var clocks = await JsonAsync(await intake.GetAsync($"/api/tickets/{ticket.Code}/clocks"));
        clocks.GetProperty("track").GetString().ShouldBe("khieu_nai");
        var accepted = clocks.GetProperty("acceptedAt").GetDateTime();
        var due = clocks.GetProperty("dueAt").GetDateTime();
        // 30 calendar days (moved to a working day when the last one is off): never fewer, at most a long holiday more.
        (due - accepted).TotalDays.ShouldBeInRange(29.5, 40);
        var acceptance = clocks.GetProperty("acceptanceDueAt").GetDateTime() - clocks.GetProperty("createdAt").GetDateTime();
        acceptance.TotalDays.ShouldBeInRange(9.5, 20);

        // Intake moves it back to a plain complaint (audited; the citizen is told).
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{ticket.Code}/track", new { track = "pakn", reason = "Nội dung là kiến nghị" }), HttpStatusCode.OK);
        (await TextsAsync(user)).Last().ShouldContain("phản ánh, kiến nghị");
        (await Rows.TicketEventsAsync(service.Database, ticket.Id)).ShouldContain(e => e.Kind == "track_changed" && e.ActorKind == "staff");
    }

    [Fact]
    public async Task Track_endpoints_refuse_malformed_forged_oversized_and_repeated_input_without_a_500()
    {
        var anonymous = await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var field = await service.AsAsync(StaffRole.FieldOfficer, "TPUN-HT");
        var admin = await service.AsAsync(StaffRole.Admin);
        var (code, _) = await service.SeedTicketAsync();

        await ShouldBeAsync(await anonymous.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent" }), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/priority", new StringContent("{\"priority\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "critical" }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/track", new { track = "x" }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/track", new { track = "to_cao", reason = new string('x', 5000) }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync("/api/tickets/PA-0000-AAAA/priority", new { priority = "urgent" }), HttpStatusCode.NotFound);
        await ShouldBeAsync(await intake.PostAsJsonAsync("/api/tickets/nonsense/priority", new { priority = "urgent" }), HttpStatusCode.NotFound);
        await ShouldBeAsync(await field.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent" }), HttpStatusCode.NotFound); // not their agency
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent", expectedVersion = 99 }), HttpStatusCode.Conflict);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent" }), HttpStatusCode.OK);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/priority", new { priority = "urgent" }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/extend", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ShouldBeAsync(await admin.PostAsJsonAsync($"/api/tickets/{code}/extend", new { reason = "x" }), HttpStatusCode.Conflict); // not accepted yet
        await ShouldBeAsync(await intake.PutAsJsonAsync("/api/tracks/pakn", new { }), HttpStatusCode.Forbidden);
        await ShouldBeAsync(await admin.PutAsJsonAsync("/api/tracks/pakn", new
        {
            acceptanceDays = 500, acceptanceDayKind = "lunar", resolutionDays = (int?)null, resolutionDayKind = "working", maxExtensions = 1, extensionDays = 5, extensionDayKind = "working",
        }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await admin.PutAsJsonAsync("/api/tracks/nope", new
        {
            acceptanceDays = 1, acceptanceDayKind = "working", resolutionDays = (int?)null, resolutionDayKind = "working", maxExtensions = 1, extensionDays = 5, extensionDayKind = "working",
        }), HttpStatusCode.NotFound);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "NOPE" }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await admin.DeleteAsync("/api/approval-rules/999999"), HttpStatusCode.NotFound);
        await ShouldBeAsync(await field.GetAsync("/api/approvals"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_operator_corrects_a_track_clock_and_new_acceptances_use_it()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var tracks = await JsonAsync(await admin.GetAsync("/api/tracks"));
        tracks.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "to_cao").GetProperty("legalSource").GetString()!.ShouldContain("Luật Tố cáo 2018");
        await ShouldBeAsync(await admin.PutAsJsonAsync("/api/tracks/to_cao", new
        {
            acceptanceDays = 7, acceptanceDayKind = "working", resolutionDays = 60, resolutionDayKind = "calendar", maxExtensions = 2, extensionDays = 30, extensionDayKind = "calendar",
        }), HttpStatusCode.NoContent);
        var (code, _) = await service.SeedTicketAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/track", new { track = "to_cao" }), HttpStatusCode.OK);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/accept", null), HttpStatusCode.OK);
        var clocks = await JsonAsync(await intake.GetAsync($"/api/tickets/{code}/clocks"));
        (clocks.GetProperty("dueAt").GetDateTime() - clocks.GetProperty("acceptedAt").GetDateTime()).TotalDays.ShouldBeInRange(59.5, 70);
    }
}
