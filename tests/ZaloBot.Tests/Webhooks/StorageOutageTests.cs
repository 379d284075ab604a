using System.Net;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Webhooks;

/// <summary>Own database and service instance: these tests take the database away.</summary>
public class StorageOutageTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Database_down_gets_503_so_zalo_retries_and_the_retry_is_stored_after_recovery_without_restart()
    {
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
