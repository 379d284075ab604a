using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Outbox;

/// <summary>The service with ZBS templates configured for two kinds of notice, as an operator would.</summary>
public sealed class TemplatedOutboxService : OutboxService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Zalo:Templates:accepted:TemplateId", "tpl-accepted");
        With("Zalo:Templates:accepted:Data:ma_phan_anh", "{code}");
        With("Zalo:Templates:accepted:Data:trang_thai", "{status}");
        With("Zalo:Templates:accepted:Data:han", "{due}");
    }
}

/// <summary>Zalo's 2026 rules (docs/zalo-platform.md) against the simulator as a real HTTP server, on a real PostgreSQL.</summary>
public class DeliveryRulesTests(TemplatedOutboxService service) : IClassFixture<TemplatedOutboxService>
{
    private static string NewUser() => "d" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task An_answer_is_one_free_reply_addressed_to_the_citizens_message()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var msgId = await service.CitizenSaysAsync(client, user, "xin chào");
        await Rows.InboxDrainedAsync(service.Database, user);
        await service.AllSentAsync(user);

        // The greeting and the main menu's buttons travel as one Zalo message, paid by the free-reply quota.
        var sent = service.Simulator.State.SentTo(user).ShouldHaveSingleItem();
        sent.Channel.ShouldBe("reply");
        sent.QuotaType.ShouldBe("reply");
        sent.Content["text"]!.GetValue<string>().ShouldStartWith("Xin chào");
        sent.Content["attachment"]!["payload"]!["buttons"]!.AsArray().Count.ShouldBe(4);
        await using var connection = service.Database.Open();
        var row = await connection.QuerySingleAsync<(string ReplyTo, string Via, string Quota)>(
            """
            select o.reply_to_msg_id, o.delivered_via, a.quota_type
            from outbox o join outbox_attempts a on a.outbox_id = o.id
            where o.recipient_id = @user
            """, new { user });
        row.ShouldBe((msgId, "reply", "reply"));
    }

    [Fact]
    public async Task A_citizen_silent_for_eight_days_gets_the_notice_as_a_template_by_user_id()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        var sent = service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        sent.Channel.ShouldBe("template_uid");
        sent.Content["template_id"]!.GetValue<string>().ShouldBe("tpl-accepted");
        sent.Content["template_data"]!["ma_phan_anh"]!.GetValue<string>().ShouldBe(code);
        sent.Content["template_data"]!["trang_thai"]!.GetValue<string>().ShouldBe("Đã tiếp nhận xử lý");
        (await TicketAsync(intake, code)).GetProperty("citizenUnreachable").GetBoolean().ShouldBeFalse();
        await using var connection = service.Database.Open();
        var channels = (await connection.QueryAsync<string>(
            "select a.channel from outbox o join outbox_attempts a on a.outbox_id = o.id where o.recipient_id = @citizen order by a.id", new { citizen })).ToList();
        // Zalo's quota endpoint said the window had shut, so no consultation message was even tried.
        channels.ShouldBe(["template_uid"]);
    }

    [Fact]
    public async Task A_citizen_without_a_user_id_channel_gets_the_template_by_phone()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));
        service.Simulator.State.MakeUnreachableByTemplate(citizen);

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        service.Simulator.State.SentTo(citizen).ShouldBeEmpty();
        var byPhone = service.Simulator.State.SentTo("phone:84912345678")
            .Where(e => e.Content["template_data"]!["ma_phan_anh"]!.GetValue<string>() == code).ShouldHaveSingleItem();
        byPhone.Channel.ShouldBe("template_phone");
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<string>("select delivered_via from outbox where recipient_id = @citizen", new { citizen })).ShouldBe("template_phone");
    }

    [Fact]
    public async Task A_landline_contact_is_not_sent_a_template_by_phone_and_staff_are_told_why()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set contact_phone = '+842223825416' where code = @code", new { code });
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));
        service.Simulator.State.MakeUnreachableByTemplate(citizen);

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        service.Simulator.State.SentTo("phone:842223825416").ShouldBeEmpty();
        var ticket = await TicketAsync(intake, code);
        ticket.GetProperty("citizenUnreachable").GetBoolean().ShouldBeTrue();
        ticket.GetProperty("citizenUnreachableReason").GetString()!.ShouldContain("landline");
    }

    [Fact]
    public async Task A_citizen_no_channel_reaches_shows_as_unreachable_to_staff()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync();
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-8));

        // No template is configured for rejections: beyond the window nothing can carry this notice.
        (await intake.PostAsJsonAsync($"/api/tickets/{code}/reject", new { reason = "Không thuộc thẩm quyền" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        service.Simulator.State.SentTo(citizen).ShouldBeEmpty();
        var ticket = await TicketAsync(intake, code);
        ticket.GetProperty("citizenUnreachable").GetBoolean().ShouldBeTrue();
        ticket.GetProperty("citizenUnreachableReason").GetString()!.ShouldContain("no ZBS template for 'rejected'");
        var queue = await intake.GetFromJsonAsync<JsonElement>("/api/tickets?unreachable=true&limit=200");
        queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ShouldContain(code);
        var undelivered = await supervisor.GetFromJsonAsync<JsonElement>("/api/outbox/undelivered");
        undelivered.EnumerateArray().ShouldContain(m => m.GetProperty("ticketCode").GetString() == code);
    }

    [Fact]
    public async Task A_notice_that_reaches_the_citizen_later_clears_the_unreachable_mark()
    {
        var client = await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync("accepted");
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow.AddDays(-9));
        (await intake.PostAsJsonAsync($"/api/tickets/{code}/reject", new { reason = "Trùng phản ánh khác" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);
        (await TicketAsync(intake, code)).GetProperty("citizenUnreachable").GetBoolean().ShouldBeTrue();

        // The citizen writes again: the window reopens and the next notice goes as a plain message.
        await service.CitizenSaysAsync(client, citizen, "cho hỏi phản ánh của tôi");
        await Rows.InboxDrainedAsync(service.Database, citizen);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set status = 'resolved', resolved_at = now() where code = @code", new { code });
        (await intake.PostAsJsonAsync($"/api/tickets/{code}/reopen", new { reason = "Người dân báo chưa xử lý xong" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await service.AllSentAsync(citizen);

        service.Simulator.State.SentTo(citizen).ShouldContain(e => e.Channel == "cs" && e.Content["text"]!.GetValue<string>().Contains("mở lại"));
        (await TicketAsync(intake, code)).GetProperty("citizenUnreachable").GetBoolean().ShouldBeFalse();
    }

    private static async Task<JsonElement> TicketAsync(HttpClient staff, string code) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/api/tickets/{code}")).GetProperty("ticket");
}

/// <summary>Own simulator: it answers -32 when called too fast.</summary>
public class RateLimitTests(OutboxService service) : IClassFixture<OutboxService>
{
    [Fact]
    public async Task Rate_limit_answers_slow_the_sender_and_nothing_is_lost()
    {
        // A send that times out may have been delivered and is retried (at-least-once): give a busy test machine time
        // to answer, so that every second delivery here would be the rate limiter's fault.
        service.With("Zalo:Resilience:AttemptTimeout", "00:00:05");
        await service.StartReadyAsync();
        service.Simulator.State.MaxMessagesPerSecond = 25;
        var limiter = service.Services.GetRequiredService<ZaloRateLimiters>().For(ServiceFactory.OaId);
        var users = Enumerable.Range(0, 80).Select(i => $"rate-{i}").ToList();

        foreach (var user in users) await service.EnqueueAsync(user, "thông báo");
        foreach (var user in users) await service.AllSentAsync(user);

        foreach (var user in users)
        {
            service.Simulator.State.SentTo(user).Count.ShouldBe(1);
            (await service.OutboxStateAsync(user)).ShouldHaveSingleItem().Status.ShouldBe("sent");
        }
        service.Simulator.State.Calls("rate_limited").ShouldBeGreaterThan(0);
        limiter.CurrentRate.ShouldBeLessThan(1000);
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from outbox_attempts where outcome = 'rate_limited'")).ShouldBeGreaterThan(0);
    }
}
