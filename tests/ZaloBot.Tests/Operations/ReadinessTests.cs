using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Storage;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

public sealed class UnmigratedService : ServiceFactory
{
    public UnmigratedService() => With("Storage:MigrateOnStartup", "false");
}

public class ReadinessTests(UnmigratedService service) : IClassFixture<UnmigratedService>
{
    [Fact]
    public async Task Service_is_unready_and_refuses_webhooks_until_migrations_are_applied()
    {
        var client = service.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var refused = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("early-user", "xin chào", "early-1")));
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        // What `dotnet run --project src/ZaloBot -- migrate` does.
        await service.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await Eventually.TrueAsync(async () => (await client.GetAsync("/readyz")).IsSuccessStatusCode, "readiness after migrating");
        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("early-user", "xin chào", "early-1")))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
