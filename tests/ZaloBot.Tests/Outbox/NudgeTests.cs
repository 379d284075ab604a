using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.StaffConsole;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Outbox;

/// <summary>The service with the nudge chosen for replies and resolutions, and a full template for acceptances.</summary>
public sealed class NudgeService : OutboxService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Zalo:Templates:accepted:TemplateId", "tpl-accepted");
        With("Zalo:Templates:accepted:Data:ma_phan_anh", "{code}");
        With("Zalo:Nudge:Kinds", "replied, resolved");
        With("Zalo:Nudge:TemplateId", "tpl-nudge");
        With("Zalo:Nudge:Data:ma_phan_anh", "{code}");
    }
}

public class NudgeTests(NudgeService service) : IClassFixture<NudgeService>
{
    [Fact]
    public async Task A_silent_citizen_gets_one_nudge_and_their_reply_brings_every_waiting_notice_in_order_free_with_buttons()
    {
        var client = await service.StartReadyAsync();
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        var (code, citizen) = await service.SeedTicketAsync(status: "in_progress", agency: "SXD");
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));

        (await handler.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = "Chiều nay đội vệ sinh sẽ đến." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);
        (await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã nạo vét, cống thông thoáng." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        // One paid nudge for both notices; the notices themselves wait, and staff can see them waiting.
        var nudge = service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        nudge.Channel.ShouldBe("template_uid");
        nudge.Content["template_id"]!.GetValue<string>().ShouldBe("tpl-nudge");
        nudge.Content["template_data"]!["ma_phan_anh"]!.GetValue<string>().ShouldBe(code);
        (await service.OutboxStateAsync(citizen)).Select(r => r.Status).ShouldBe(["nudged", "nudged"]);
        var console = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var page = await console.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldContain("Thông báo chờ công dân trả lời");

        await service.CitizenSaysAsync(client, citizen, $"xem {code}");
        await Rows.InboxDrainedAsync(service.Database, citizen);
        await service.AllSentAsync(citizen);

        var sent = service.Simulator.State.SentTo(citizen);
        sent.Count.ShouldBe(3); // the nudge, then the two notices; the keyword needs no answer of its own
        sent.Skip(1).ShouldAllBe(m => m.Channel == "reply" && m.QuotaType == "reply");
        sent[1].Content["text"]!.GetValue<string>().ShouldContain("Chiều nay đội vệ sinh sẽ đến.");
        sent[2].Content["text"]!.GetValue<string>().ShouldContain("Đã nạo vét, cống thông thoáng.");
        sent[2].Content["attachment"]!["payload"]!["buttons"]!.AsArray().Count.ShouldBeGreaterThan(0);
        await using var connection = service.Database.Open();
        (await connection.QueryAsync<string>("select delivered_via from outbox where recipient_id = @citizen order by id", new { citizen }))
            .ShouldBe(["reply", "reply"]);

        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/reports/delivery");
        var kinds = report.GetProperty("byNoticeKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        kinds["replied"].GetProperty("templates").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        kinds["resolved"].GetProperty("nudged").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        kinds["replied"].GetProperty("costVnd").GetDecimal().ShouldBe(kinds["replied"].GetProperty("templates").GetInt64() * 300m);
        report.GetProperty("messagesPerResolvedTicket").GetDouble().ShouldBeGreaterThan(0);
        (await supervisor.GetAsync("/api/reports/delivery?from=2026-13-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_kind_left_to_its_full_template_is_not_nudged()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem().Content["template_id"]!.GetValue<string>().ShouldBe("tpl-accepted");
        (await service.OutboxStateAsync(citizen)).ShouldHaveSingleItem().Status.ShouldBe("sent");
    }
}
