using System.Net;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Webhooks;

public sealed class ReplayWindowService : ServiceFactory
{
    public ReplayWindowService() => With("Zalo:SignatureMaxAge", "00:05:00");
}

public class ReplayWindowTests(ReplayWindowService service) : IClassFixture<ReplayWindowService>
{
    [Fact]
    public async Task Event_older_than_the_window_is_rejected_even_when_correctly_signed()
    {
        var client = await service.StartReadyAsync();
        var old = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();

        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("replay-user", "cũ", "replay-old", old)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await InboxRows.WhereAsync(service.Database, "replay-user")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Event_inside_the_window_is_accepted()
    {
        var client = await service.StartReadyAsync();
        var recent = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();

        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text("fresh-user", "mới", "replay-new", recent)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxRows.WhereAsync(service.Database, "fresh-user")).Count.ShouldBe(1);
    }
}
