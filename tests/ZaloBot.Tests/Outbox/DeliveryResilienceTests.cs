using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Oas;
using ZaloBot.Simulator;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Outbox;

/// <summary>The dispatcher with the production retry delays: a Zalo outage must not leave messages sleeping out long backoffs.</summary>
public sealed class ProductionRetryOutboxService : OutboxService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Outbox:RetryBaseDelay", "00:00:02");
        With("Outbox:RetryMaxDelay", "00:10:00");
        With("Outbox:LinkRetryDelay", "00:00:01");
        With("Outbox:PollInterval", "00:00:00.250");
    }
}

public class ZaloRecoveryTests(ProductionRetryOutboxService service) : IClassFixture<ProductionRetryOutboxService>
{
    [Fact]
    public async Task After_a_20_second_outage_every_waiting_reply_goes_within_10_seconds_of_Zalos_return()
    {
        await service.StartReadyAsync();
        var users = Enumerable.Range(0, 30).Select(i => $"outage-{i}").ToList();
        var outageEnds = DateTimeOffset.UtcNow.AddSeconds(20);
        service.Simulator.State.Faults.Set(new FaultRequest(FaultKind.ServerError, Count: null, Seconds: 20));

        foreach (var user in users) await service.EnqueueAsync(user, "sau sự cố");
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow >= outageEnds), "the outage to end", TimeSpan.FromSeconds(25));
        await Eventually.TrueAsync(async () =>
        {
            foreach (var user in users)
                if ((await service.OutboxStateAsync(user)).Any(r => r.Status != "sent")) return false;
            return true;
        }, "every reply to go after Zalo's return", TimeSpan.FromSeconds(10));

        foreach (var user in users) service.Simulator.State.SentTo(user).Count.ShouldBe(1);
        // While Zalo was down the dispatcher sent one probe a second instead of letting 30 messages retry on their own
        // (one failed try each, ~20 probes, then one success each; retrying on their own would be hundreds of calls).
        service.Simulator.State.Calls("message").ShouldBeLessThan(2 * users.Count + 30);
    }
}

/// <summary>Own database: the test takes PostgreSQL away while Zalo is answering.</summary>
public class StorageBlinkTests(OutboxService service) : IClassFixture<OutboxService>
{
    [Fact]
    public async Task A_result_that_cannot_be_written_is_kept_so_the_citizen_gets_the_message_once()
    {
        service.With("Outbox:LeaseDuration", "00:00:02");
        service.With("Zalo:Resilience:AttemptTimeout", "00:00:05");
        await service.StartReadyAsync();
        const string user = "blink-1";
        service.Simulator.State.LatencyMs = 1500;
        var callsBefore = service.Simulator.State.Calls("message");

        await service.EnqueueAsync(user, "tin thứ nhất");
        await service.EnqueueAsync(user, "tin thứ hai");
        await Eventually.TrueAsync(() => Task.FromResult(service.Simulator.State.Calls("message") > callsBefore), "the first send to reach Zalo");
        // Zalo is answering the first send; the database goes away before its result can be written.
        await service.Database.TakeOfflineAsync();
        await Eventually.TrueAsync(() => Task.FromResult(service.Simulator.State.SentTo(user).Count == 1), "Zalo to accept the first message");
        // Longer than the lease: without the kept result, the message would be claimed and sent again.
        var offline = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => Task.FromResult(offline.Elapsed > TimeSpan.FromSeconds(4)), "the outage to outlast the lease");
        await service.Database.BringOnlineAsync();
        // The test's own pooled connections were killed with the service's; start its pool afresh.
        Npgsql.NpgsqlConnection.ClearAllPools();
        service.Simulator.State.LatencyMs = 0;
        await service.AllSentAsync(user);

        service.Simulator.State.SentTo(user).Select(e => e.Content["text"]!.GetValue<string>()).ShouldBe(["tin thứ nhất", "tin thứ hai"]);
        await using var connection = service.Database.Open();
        var attempts = (await connection.QueryAsync<(string Text, long Attempts)>(
            """
            select o.message->>'text', (select count(*) from outbox_attempts a where a.outbox_id = o.id)
            from outbox o where o.recipient_id = @user order by o.id
            """, new { user })).ToList();
        attempts.ShouldBe([("tin thứ nhất", 1L), ("tin thứ hai", 1L)]);
    }
}

/// <summary>Own service: a short attempt timeout, so a lost answer is given up on quickly.</summary>
public class LostAnswerTests(OutboxService service) : IClassFixture<OutboxService>
{
    [Fact]
    public async Task A_send_whose_answer_never_came_is_read_back_and_not_sent_twice()
    {
        service.With("Zalo:Resilience:AttemptTimeout", "00:00:01");
        await service.StartReadyAsync();
        const string user = "lost-answer-1";
        service.Simulator.State.Faults.Set(new FaultRequest(FaultKind.AnswerLost, Count: 1, Seconds: null, Endpoint: "message"));

        await service.EnqueueAsync(user, "đã nhận, trả lời bị mất");
        await service.EnqueueAsync(user, "tin sau đó");
        await service.AllSentAsync(user);

        service.Simulator.State.SentTo(user).Select(e => e.Content["text"]!.GetValue<string>()).ShouldBe(["đã nhận, trả lời bị mất", "tin sau đó"]);
        await using var connection = service.Database.Open();
        var outcomes = (await connection.QueryAsync<string>(
            """
            select a.outcome from outbox_attempts a join outbox o on o.id = a.outbox_id
            where o.recipient_id = @user order by a.id
            """, new { user })).ToList();
        // The timed-out send, then the conversation read back instead of a second send, then the next message.
        outcomes.ShouldBe(["timeout", "reconciled", "sent"]);
    }
}

/// <summary>A refresh token Zalo does not accept: sends pause, /healthz says why, and the operator's command recovers without a restart.</summary>
public sealed class DeadTokenOutboxService : OutboxService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Zalo:RefreshToken", "a-token-zalo-never-issued");
    }
}

public class DeadRefreshTokenTests(DeadTokenOutboxService service) : IClassFixture<DeadTokenOutboxService>
{
    [Fact]
    public async Task A_refused_refresh_token_pauses_sends_shows_on_healthz_and_the_cli_recovers()
    {
        var client = await service.StartReadyAsync();
        const string user = "dead-token-1";
        await service.EnqueueAsync(user, "chờ token mới");

        await Eventually.TrueAsync(async () => (await HealthAsync(client)).GetProperty("checks").GetProperty("zalo").GetProperty("status").GetString() == "Degraded",
            "/healthz to report the Zalo link");
        var health = await HealthAsync(client);
        health.GetProperty("checks").GetProperty("zalo").GetProperty("description").GetString()!.ShouldContain("-14014");
        (await client.GetAsync("/readyz")).IsSuccessStatusCode.ShouldBeTrue();
        var oauthCalls = service.Simulator.State.Calls("oauth");
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/metrics")).Contains("zalobot_zalo_refresh_token_refused 1"), "the metric");
        // Paused, not burning attempts: no further refresh, no send.
        service.Simulator.State.Calls("oauth").ShouldBe(oauthCalls);
        service.Simulator.State.SentTo(user).ShouldBeEmpty();

        var refused = await ZaloCli.RunAsync(service.Services, ["zalo", "set-refresh-token", "another-bad-token"], new ZaloBot.Operations.CommandOutput(TextWriter.Null, TextWriter.Null), CancellationToken.None);
        refused.ShouldBe(1);
        var exit = await ZaloCli.RunAsync(service.Services, ["zalo", "set-refresh-token", SimulatorServer.InitialRefreshToken], new ZaloBot.Operations.CommandOutput(TextWriter.Null, TextWriter.Null), CancellationToken.None);
        exit.ShouldBe(0);

        await service.AllSentAsync(user);
        service.Simulator.State.SentTo(user).ShouldHaveSingleItem();
        (await HealthAsync(client)).GetProperty("checks").GetProperty("zalo").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/healthz");
}
