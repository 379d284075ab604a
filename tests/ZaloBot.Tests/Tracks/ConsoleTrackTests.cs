using System.Net;
using System.Net.Http.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Tracks;

/// <summary>Tracks in the console: urgent tickets lead the queue with their clock; answers approved or returned; deadlines extended.</summary>
public class ConsoleTrackTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static Dictionary<string, string> Fields(string op, int version, string? value = null, string? text = null)
    {
        var fields = new Dictionary<string, string> { ["op"] = op, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (value is not null) fields["value"] = value;
        if (text is not null) fields["text"] = text;
        return fields;
    }

    private async Task<int> VersionAsync(string code)
    {
        await using var connection = service.Database.Open();
        return await connection.ExecuteScalarAsync<int>("select version from tickets where code = @code", new { code });
    }

    [Fact]
    public async Task An_urgent_ticket_leads_the_queue_with_its_first_response_clock()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var (normal, _) = await service.SeedTicketAsync();
        var (urgent, _) = await service.SeedTicketAsync();
        var marked = await intake.PostFormAsync($"/console/tickets/{urgent}", $"/console/tickets/{urgent}/clocks", Fields("priority", await VersionAsync(urgent), "urgent"));
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        marked.Headers.Location!.ToString().ShouldContain("tracks_done=priority");

        var queue = await intake.GetHtmlAsync("/console?status=received");
        var urgentBlock = queue.IndexOf("Khẩn (", StringComparison.Ordinal);
        urgentBlock.ShouldBeGreaterThan(0);
        queue.IndexOf(urgent, StringComparison.Ordinal).ShouldBeLessThan(queue.IndexOf(normal, StringComparison.Ordinal));
        queue.ShouldContain("làm việc"); // "Phản hồi trong … giờ … phút làm việc" or overdue
        (await intake.GetHtmlAsync($"/console/tickets/{urgent}")).ShouldContain("Khẩn");
    }

    [Fact]
    public async Task A_supervisor_returns_then_approves_an_answer_from_the_console_and_a_handler_extends_the_deadline()
    {
        var api = await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        (await admin.PostAsJsonAsync("/api/approval-rules", new { agencyCode = "UBND-KB" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var handlerApi = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-KB");
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "UBND-KB");

        var extended = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}/clocks", Fields("extend", await VersionAsync(code), text: "Chờ vật tư thay thế"));
        extended.Headers.Location!.ToString().ShouldContain("tracks_done=extend");
        (await Rows.OutboxAsync(service.Database, citizen)).ShouldHaveSingleItem().Text.ShouldContain("được gia hạn đến ngày");
        var again = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}/clocks", Fields("extend", await VersionAsync(code), text: "Lần nữa"));
        again.Headers.Location!.ToString().ShouldContain("tracks_error=conflict"); // pakn allows one extension

        (await handlerApi.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã thay bóng đèn." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await supervisor.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("Kết quả chờ duyệt");
        page.ShouldContain("Đã thay bóng đèn.");
        (await supervisor.GetHtmlAsync("/console?status=in_progress")).ShouldContain("Kết quả chờ duyệt");

        var returned = await supervisor.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}/clocks", Fields("return", await VersionAsync(code), text: "Ghi rõ thời gian thay"));
        returned.Headers.Location!.ToString().ShouldContain("tracks_done=return");
        (await handler.GetHtmlAsync($"/console/tickets/{code}")).ShouldContain("Ghi rõ thời gian thay");
        (await Rows.OutboxAsync(service.Database, citizen)).Count.ShouldBe(1);

        (await handlerApi.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã thay bóng đèn lúc 15:00 ngày 25/11." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var forged = await supervisor.PostWithoutTokenAsync($"/console/tickets/{code}/clocks", Fields("approve", await VersionAsync(code)));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var approved = await supervisor.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}/clocks", Fields("approve", await VersionAsync(code)));
        approved.Headers.Location!.ToString().ShouldContain("tracks_done=approve");
        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts.Count.ShouldBe(2);
        texts[1].ShouldContain("Đã thay bóng đèn lúc 15:00");
        var stale = await supervisor.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}/clocks", Fields("approve", 1));
        stale.Headers.Location!.ToString().ShouldContain("tracks_error=conflict");
        _ = api;
    }

    [Fact]
    public async Task The_reports_page_shows_tracks_breaches_and_reopen_rate()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        await service.SeedTicketAsync();
        var html = await supervisor.GetHtmlAsync("/console/reports");
        html.ShouldContain("Theo loại đơn");
        html.ShouldContain("Tỷ lệ mở lại sau giải quyết");
        html.ShouldContain("Kết quả bị trả lại khi duyệt");
    }
}
