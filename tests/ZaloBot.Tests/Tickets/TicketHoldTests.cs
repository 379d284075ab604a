using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Tickets;

/// <summary>"Put on hold": the citizen is told why, the resolution clock pauses, and resuming gives the time back.</summary>
public class TicketHoldTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_ticket_on_hold_tells_the_citizen_and_resuming_pushes_the_due_date_by_the_time_on_hold()
    {
        await service.StartReadyAsync();
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "SXD");

        var held = await OkJsonAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/hold", new { reason = "Chờ Công ty Điện lực cắt điện khu vực." }));
        held.GetProperty("status").GetString().ShouldBe("on_hold");
        var dueBefore = held.GetProperty("dueAt").GetDateTime();

        // Two weeks on hold: back-date the start of the hold, as if the ticket had waited that long.
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set held_at = now() - interval '14 days' where code = @code", new { code });
        var resumed = await OkJsonAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/resume", new { }));

        resumed.GetProperty("status").GetString().ShouldBe("in_progress");
        // 14 calendar days hold at least 8 working days, and 8 working days span at least 8 calendar days.
        (resumed.GetProperty("dueAt").GetDateTime() - dueBefore).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(8));
        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts.Count.ShouldBe(2);
        texts[0].ShouldBe($"Phản ánh {code} tạm dừng xử lý. Lý do: Chờ Công ty Điện lực cắt điện khu vực. Thời hạn giải quyết được tính tiếp khi xử lý trở lại.");
        texts[1].ShouldStartWith($"Phản ánh {code} được tiếp tục xử lý. Hạn giải quyết:");
    }

    [Fact]
    public async Task Hold_needs_a_reason_and_a_ticket_on_hold_cannot_be_resolved_until_it_resumes()
    {
        await service.StartReadyAsync();
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        var (code, _) = await service.SeedTicketAsync("assigned", agency: "SXD");

        (await handler.PostAsJsonAsync($"/api/tickets/{code}/hold", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await OkJsonAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/hold", new { reason = "Chờ thời tiết" }));
        (await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã sửa" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await handler.PostAsJsonAsync($"/api/tickets/{code}/hold", new { reason = "lần nữa" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
