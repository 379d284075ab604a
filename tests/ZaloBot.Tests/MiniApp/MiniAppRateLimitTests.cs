using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.MiniApp;

public sealed class TightMiniAppService : ServiceFactory
{
    public TightMiniAppService() => With("MiniApp:RequestsPerMinute", "2");
}

public class MiniAppRateLimitTests(TightMiniAppService service) : IClassFixture<TightMiniAppService>
{
    [Fact]
    public async Task Past_the_limit_per_minute_the_app_is_asked_in_vietnamese_to_wait()
    {
        await service.StartReadyAsync();
        var client = service.CreateClient();

        (await client.GetAsync("/miniapp/v1/categories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/miniapp/v1/categories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var third = await client.GetAsync("/miniapp/v1/categories");

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await third.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().ShouldContain("đợi một phút");
    }
}
