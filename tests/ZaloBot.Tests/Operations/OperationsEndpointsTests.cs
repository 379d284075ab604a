using System.Net;
using System.Text.Json;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

public class OperationsEndpointsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task OpenApi_document_describes_the_webhook_and_its_error_answers()
    {
        var client = await service.StartReadyAsync();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var post = document.RootElement.GetProperty("paths").GetProperty("/webhooks/zalo").GetProperty("post");
        var answers = post.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToList();
        answers.ShouldBe(["200", "400", "401", "413", "503"], ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApi_document_has_the_staff_api_with_example_bodies()
    {
        var client = await service.StartReadyAsync();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var resolve = paths.GetProperty("/api/tickets/{code}/resolve").GetProperty("post");
        resolve.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example")
            .GetProperty("result").GetString().ShouldNotBeNullOrWhiteSpace();
        resolve.GetProperty("responses").EnumerateObject().Select(p => p.Name).ShouldContain("409");
        paths.TryGetProperty("/api/reports/tickets", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Interactive_api_page_is_served()
    {
        var client = await service.StartReadyAsync();

        var response = await client.GetAsync("/docs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task Metrics_count_webhook_outcomes()
    {
        var client = await service.StartReadyAsync();
        await client.SendAsync(ZaloWebhook.WithSignature("{broken", "mac=00"));

        var metrics = await client.GetStringAsync("/metrics");

        metrics.ShouldContain("zalobot_webhook_events_total{outcome=\"bad_request\"}");
    }

    [Fact]
    public async Task Unknown_route_gets_404_problem_not_500()
    {
        var client = await service.StartReadyAsync();

        var response = await client.PostAsync("/webhooks/nope", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
