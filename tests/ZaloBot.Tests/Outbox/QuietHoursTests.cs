using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Domain.Tickets;
using ZaloBot.Simulator;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Outbox;

/// <summary>The service with quiet hours on (22:00–06:00 in Hà Nội) and a clock the tests move.</summary>
public sealed class QuietHoursService : OutboxService
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public QuietHoursService()
    {
        WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        With("Outbox:QuietHours:Enabled", "true");
    }

    /// <summary>Moves the clock forward to the next given time of day in Hà Nội.</summary>
    public DateTimeOffset MoveToHanoi(int hour, int minute)
    {
        var local = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var at = new DateTimeOffset(local.Date, local.Offset).AddHours(hour).AddMinutes(minute);
        if (at <= local) at = at.AddDays(1);
        Clock.SetUtcNow(at.ToUniversalTime());
        return at;
    }
}

public class QuietHoursTests(QuietHoursService service) : IClassFixture<QuietHoursService>
{
    [Fact]
    public async Task A_notice_created_at_half_past_eleven_at_night_leaves_at_six()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        var night = service.MoveToHanoi(23, 30);

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var morning = night.Date.AddDays(1).AddHours(6);
        await Eventually.TrueAsync(async () => await HeldUntilAsync(citizen) is not null, "the notice to be held");

        (await HeldUntilAsync(citizen)).ShouldBe(new DateTimeOffset(morning, TimeSpan.FromHours(7)));
        service.Simulator.State.SentTo(citizen).ShouldBeEmpty();

        service.MoveToHanoi(6, 0);
        await service.AllSentAsync(citizen);
        var sent = service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        sent.Content["text"]!.GetValue<string>().ShouldContain(code);
    }

    [Fact]
    public async Task An_urgent_tickets_notice_is_not_held_and_zalos_night_refusal_moves_it_to_the_morning()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set priority = 'urgent' where code = @code", new { code });
        var night = service.MoveToHanoi(23, 30);
        service.Simulator.State.Faults.Set(new FaultRequest(FaultKind.NightTime, Count: 1, Seconds: null));

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => await HeldUntilAsync(citizen) is not null, "Zalo's -234 to hold the notice");

        // Tried at once (not held by our quiet hours), refused by Zalo's night ban, and kept for the morning, not failed.
        await using (var connection = service.Database.Open())
        {
            var attempts = (await connection.QueryAsync<(string Outcome, int? Code)>(
                "select a.outcome, a.error_code from outbox_attempts a join outbox o on o.id = a.outbox_id where o.recipient_id = @citizen order by a.id",
                new { citizen })).ToList();
            attempts.ShouldContain(("night_time", (int?)-234));
            attempts.ShouldContain(("held", (int?)null));
        }
        (await service.OutboxStateAsync(citizen)).ShouldHaveSingleItem().Status.ShouldBe("pending");
        (await HeldUntilAsync(citizen)).ShouldBe(new DateTimeOffset(night.Date.AddDays(1).AddHours(6), TimeSpan.FromHours(7)));

        service.MoveToHanoi(6, 0);
        await service.AllSentAsync(citizen);
        service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem().Content["text"]!.GetValue<string>().ShouldContain(code);
    }

    [Fact]
    public async Task A_citizen_who_writes_at_night_gets_the_answer_at_once_while_the_held_notice_waits()
    {
        var client = await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, citizen) = await service.SeedTicketAsync();
        service.MoveToHanoi(23, 30);
        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => await HeldUntilAsync(citizen) is not null, "the notice to be held");

        service.Clock.Advance(TimeSpan.FromMinutes(10));
        await service.CitizenSaysAsync(client, citizen, "xin chào", service.Clock.GetUtcNow());
        await Eventually.TrueAsync(async () => (await service.OutboxStateAsync(citizen)).Any(r => r.Status == "sent"), "the answer");

        var answer = service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        answer.Channel.ShouldBe("reply");
        (await service.OutboxStateAsync(citizen)).Select(r => r.Status).ShouldBe(["pending", "sent"]);
    }

    private async Task<DateTimeOffset?> HeldUntilAsync(string citizen)
    {
        await using var connection = service.Database.Open();
        var at = await connection.ExecuteScalarAsync<DateTime?>(
            "select held_until from outbox where recipient_id = @citizen and status = 'pending' and held_until is not null", new { citizen });
        return at is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
    }
}
