using System.Net;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Webhooks;

/// <summary>Own database and service instance: these tests take the database away.</summary>
public class StorageOutageTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Database_down_gets_503_so_zalo_retries_and_the_retry_is_stored_after_recovery_without_restart()
    {
        // Past the window in which the receiver waits for storage to come back.
        service.With("Webhooks:StorageRetryWindow", "00:00:01");
        var client = await service.StartReadyAsync();
        var body = ZaloWebhook.Text("outage-user", "Mất điện cả khu phố", "outage-msg-1");
        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("outage-user", "trước sự cố", "outage-msg-0")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await service.Database.TakeOfflineAsync();
        try
        {
            var during = await client.SendAsync(ZaloWebhook.Signed(body));
            during.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            during.Headers.RetryAfter.ShouldNotBeNull();
            await WebhookReceiverTests.ShouldBeProblem(during);
            (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await service.Database.BringOnlineAsync();
        }

        var retried = await client.SendAsync(ZaloWebhook.Signed(body));

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retried.Content.ReadAsStringAsync()).ShouldContain("\"stored\"");
        var rows = await InboxRows.WhereAsync(service.Database, "outage-user");
        rows.Select(r => r.MsgId).ShouldBe(["outage-msg-0", "outage-msg-1"]);
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>A PostgreSQL restart shorter than Webhooks:StorageRetryWindow is a slow answer to Zalo, not a 503.</summary>
public class StorageBlipTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Webhook_arriving_while_the_database_restarts_waits_for_it_and_is_stored()
    {
        service.With("Webhooks:StorageRetryWindow", "00:00:30");
        var client = await service.StartReadyAsync();
        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("blip-user", "trước sự cố", "blip-msg-0")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await service.Database.TakeOfflineAsync();
        Task<HttpResponseMessage> during;
        try
        {
            during = client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("blip-user", "Mất điện cả khu phố", "blip-msg-1")));
            // Still waiting a second into the outage: neither answered 503 nor falsely acknowledged.
            (await Task.WhenAny(during, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(during);
        }
        finally
        {
            await service.Database.BringOnlineAsync();
        }

        var response = await during;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxRows.WhereAsync(service.Database, "blip-user")).Select(r => r.MsgId).ShouldBe(["blip-msg-0", "blip-msg-1"]);
    }
}

/// <summary>
/// During a switchover a connection can reach the node that is being demoted: its writes are refused as on a standby.
/// The receiver waits for a writable primary instead of answering 500, and leaves the read-only sessions behind.
/// </summary>
public class StorageStandbyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Webhook_that_reaches_a_read_only_node_waits_for_the_new_primary_and_is_stored()
    {
        service.With("Webhooks:StorageRetryWindow", "00:00:30");
        var client = await service.StartReadyAsync();
        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("standby-user", "trước khi chuyển", "standby-msg-0")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await service.Database.ActAsStandbyAsync();
        Task<HttpResponseMessage> during;
        try
        {
            during = client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("standby-user", "Đèn đường hỏng", "standby-msg-1")));
            // A second on the read-only node: neither a 500 nor a 503, still waiting for a writable primary.
            (await Task.WhenAny(during, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(during);
        }
        finally
        {
            await service.Database.ActAsPrimaryAsync();
        }

        var response = await during;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxRows.WhereAsync(service.Database, "standby-user")).Select(r => r.MsgId).ShouldBe(["standby-msg-0", "standby-msg-1"]);
    }
}
