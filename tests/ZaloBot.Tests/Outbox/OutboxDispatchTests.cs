using ZaloBot.Simulator;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Outbox;

/// <summary>The dispatcher against the fake Zalo over real HTTP, on a real PostgreSQL.</summary>
public class OutboxDispatchTests(OutboxService service) : IClassFixture<OutboxService>
{
    private static string NewUser() => "o" + Guid.NewGuid().ToString("N")[..10];

    private IReadOnlyList<string> Received(string user) =>
        service.Simulator.State.SentTo(user).Select(e => e.Content["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Messages_arrive_in_order_and_once()
    {
        await service.StartReadyAsync();
        var (a, b) = (NewUser(), NewUser());
        for (var i = 1; i <= 10; i++)
        {
            await service.EnqueueAsync(a, $"A{i}");
            await service.EnqueueAsync(b, $"B{i}");
        }

        await service.AllSentAsync(a);
        await service.AllSentAsync(b);

        Received(a).ShouldBe(Enumerable.Range(1, 10).Select(i => $"A{i}").ToList());
        Received(b).ShouldBe(Enumerable.Range(1, 10).Select(i => $"B{i}").ToList());
        var rows = await service.OutboxStateAsync(a);
        rows.ShouldAllBe(r => r.Status == "sent" && r.Attempts == 1 && r.ZaloMessageId!.StartsWith("sim-msg-"));
    }

    [Fact]
    public async Task Two_dispatchers_never_send_a_message_twice()
    {
        await service.StartReadyAsync();
        await using var second = OutboxService.ReplicaOf(service);
        await second.StartReadyAsync();
        // Zalo takes a while to answer, so each dispatcher has many sends in flight at once.
        service.Simulator.State.LatencyMs = 20;
        var users = Enumerable.Range(0, 16).Select(_ => NewUser()).ToList();

        for (var i = 1; i <= 12; i++)
            foreach (var user in users) await service.EnqueueAsync(user, $"{user}-{i}");
        foreach (var user in users) await service.AllSentAsync(user);
        service.Simulator.State.LatencyMs = 0;

        foreach (var user in users)
            Received(user).ShouldBe(Enumerable.Range(1, 12).Select(i => $"{user}-{i}").ToList());
        await using var connection = service.Database.Open();
        // Each message was sent once, with one attempt recorded, whichever replica sent it.
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "select count(*) from outbox_attempts a join outbox o on o.id = a.outbox_id where o.recipient_id = any(@users)", new { users = users.ToArray() }))
            .ShouldBe(users.Count * 12);
    }

    [Fact]
    public async Task A_message_left_in_doubt_by_a_dead_replica_is_read_back_from_zalo_and_not_sent_twice()
    {
        await service.StartReadyAsync();
        var (delivered, lost) = (NewUser(), NewUser());
        // A replica leased both, Zalo took the first send, and the replica died before recording either result.
        service.Simulator.State.Record(delivered, "oa", new System.Text.Json.Nodes.JsonObject { ["text"] = "Đã tiếp nhận phản ánh" }, "sim-msg-before-the-crash");
        await using var connection = service.Database.Open();
        foreach (var user in new[] { delivered, lost })
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "insert into outbox (recipient_id, message, idempotency_key, lease_until) values (@user, '{\"text\": \"Đã tiếp nhận phản ánh\"}', @key, now() - interval '1 minute')",
                new { user, key = Guid.NewGuid().ToString("N") });

        await service.AllSentAsync(delivered);
        await service.AllSentAsync(lost);

        Received(delivered).ShouldBe(["Đã tiếp nhận phản ánh"]);
        (await service.OutboxStateAsync(delivered)).ShouldBe([("sent", 1, (string?)null, (string?)"sim-msg-before-the-crash")]);
        (await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "select a.outcome from outbox_attempts a join outbox o on o.id = a.outbox_id where o.recipient_id = @delivered", new { delivered })).ShouldBe("reconciled");
        // Not in the conversation: it never reached Zalo, so it is sent now.
        Received(lost).ShouldBe(["Đã tiếp nhận phản ánh"]);
        (await service.OutboxStateAsync(lost)).Single().ZaloMessageId!.ShouldStartWith("sim-msg-");
    }

    [Fact]
    public async Task The_client_uploads_images_and_reads_profiles_from_the_simulator()
    {
        await service.StartReadyAsync();
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ZaloBot.Zalo.ZaloApiClient>(service.Services);
        var token = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ZaloBot.Zalo.ZaloTokenProvider>(service.Services).GetAsync(CancellationToken.None);

        var attachmentId = await client.UploadImageAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47]), "poster.png", token, CancellationToken.None);
        var profile = await client.GetUserProfileAsync("citizen-42", token, CancellationToken.None);

        attachmentId.ShouldStartWith("sim-att-");
        (profile.UserId, profile.IsFollower).ShouldBe(("citizen-42", true));
        await Should.ThrowAsync<ZaloBot.Zalo.ZaloApiException>(() => client.GetUserProfileAsync("citizen-42", token with { Token = "forged-token" }, CancellationToken.None));
    }

    [Fact]
    public async Task Permanent_errors_are_dead_lettered_with_the_reason_and_never_retried()
    {
        await service.StartReadyAsync();
        var user = NewUser();
        // -201: Zalo says our request is invalid — a bug to record and alert on, never a reason to retry.
        service.Simulator.State.Faults.Set(new FaultRequest(FaultKind.ZaloError, Count: 1, Seconds: null, Code: -201));

        await service.EnqueueAsync(user, "không tới được");
        await service.AllSentAsync(user);
        await service.EnqueueAsync(user, "tin sau vẫn đi");
        await service.AllSentAsync(user);

        var rows = await service.OutboxStateAsync(user);
        rows[0].Status.ShouldBe("dead");
        rows[0].Attempts.ShouldBe(1);
        rows[0].LastError!.ShouldContain("-201");
        rows[1].Status.ShouldBe("sent");
        Received(user).ShouldBe(["tin sau vẫn đi"]);
    }
}

/// <summary>Own simulator and database: these tests count calls and break Zalo for a while.</summary>
public class ZaloOutageTests(OutboxService service) : IClassFixture<OutboxService>
{
    [Fact]
    public async Task An_outage_loses_nothing_and_the_breaker_stops_hammering()
    {
        await service.StartReadyAsync();
        var users = Enumerable.Range(0, 5).Select(i => $"outage-{i}").ToList();
        // Scaled down: a 3-second outage against a 1-second break (production: 30 s), the same shape as a 60 s one.
        service.Simulator.State.Faults.Set(new FaultRequest(FaultKind.ServerError, Count: null, Seconds: 3));
        var callsBefore = service.Simulator.State.Calls("message");

        foreach (var user in users) await service.EnqueueAsync(user, "sau sự cố");
        foreach (var user in users) await service.AllSentAsync(user);

        foreach (var user in users)
        {
            service.Simulator.State.SentTo(user).Count.ShouldBe(1);
            (await service.OutboxStateAsync(user)).ShouldHaveSingleItem().Status.ShouldBe("sent");
        }
        var failedCalls = service.Simulator.State.Calls("message") - callsBefore - users.Count;
        // Without the breaker, five recipients retrying every 50–200 ms for 3 s would make well over 75 calls.
        failedCalls.ShouldBeLessThan(30);
        failedCalls.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_for_concurrent_senders_on_two_replicas()
    {
        await service.StartReadyAsync();
        await using var replica = OutboxService.ReplicaOf(service);
        await replica.StartReadyAsync();
        await service.EnqueueAsync("token-warmup", "khởi động");
        await service.AllSentAsync("token-warmup");
        var oauthBefore = service.Simulator.State.Calls("oauth");

        service.Simulator.State.ExpireAccessTokens();
        var users = Enumerable.Range(0, 10).Select(i => $"token-{i}").ToList();
        foreach (var user in users) await service.EnqueueAsync(user, "sau khi hết hạn");
        foreach (var user in users) await service.AllSentAsync(user);

        (service.Simulator.State.Calls("oauth") - oauthBefore).ShouldBe(1);
        foreach (var user in users) (await service.OutboxStateAsync(user)).Single().Status.ShouldBe("sent");
    }
}

/// <summary>A database and a simulator with no dispatcher of their own: replicas come and go in the test.</summary>
public sealed class DormantOutboxService : OutboxService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Outbox:Enabled", "false");
    }
}

public class TokenRestartTests(DormantOutboxService deployment) : IClassFixture<DormantOutboxService>
{
    [Fact]
    public async Task The_rotated_refresh_token_survives_a_restart()
    {
        await deployment.StartReadyAsync();
        await using (var first = OutboxService.ReplicaOf(deployment))
        {
            await first.StartReadyAsync();
            await first.EnqueueAsync("restart-1", "trước khi khởi động lại");
            await first.AllSentAsync("restart-1");
        }
        deployment.Simulator.State.Calls("oauth").ShouldBe(1);

        // Zalo expires the access token; the configured refresh token was consumed by the first refresh, so only the
        // rotated one stored in PostgreSQL can get a new access token.
        deployment.Simulator.State.ExpireAccessTokens();
        await using var restarted = OutboxService.ReplicaOf(deployment);
        await restarted.StartReadyAsync();
        await restarted.EnqueueAsync("restart-2", "sau khi khởi động lại");
        await restarted.AllSentAsync("restart-2");

        (await restarted.OutboxStateAsync("restart-2")).Single().Status.ShouldBe("sent");
        deployment.Simulator.State.Calls("oauth").ShouldBe(2);
    }
}
