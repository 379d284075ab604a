using System.Net;
using System.Text;
using System.Text.Json;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Webhooks;

public class WebhookReceiverTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewUser() => "u" + Guid.NewGuid().ToString("N")[..10];
    private static string NewMsg() => "m" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Signed_event_with_Vietnamese_text_is_stored_exactly_as_received()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        // Odd spacing and raw UTF-8: the signature and the stored payload are over these exact bytes.
        var body = ZaloWebhook.Text(user, "Đường  Nguyễn Trãi ngập nước, đề nghị xử lý gấp", NewMsg()).Replace(",\"sender\"", " ,  \"sender\"");

        var response = await client.SendAsync(ZaloWebhook.Signed(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem();
        row.Payload.ShouldBe(body);
        row.EventName.ShouldBe("user_send_text");
        row.AppId.ShouldBe(ServiceFactory.AppId);
        row.DedupeKey.ShouldStartWith("user_send_text:m");
    }

    [Fact]
    public async Task Signature_over_re_serialised_json_is_rejected()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var received = ZaloWebhook.Text(user, "Cống bị tắc", NewMsg());
        var signedOverOriginal = ZaloWebhook.Signed(received).Headers.GetValues("X-ZEvent-Signature").Single();
        // Same JSON value, different bytes (escaped Unicode): a receiver that re-serialised would accept this.
        var reencoded = JsonSerializer.Serialize(JsonDocument.Parse(received).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        reencoded.ShouldNotBe(received);

        var response = await client.SendAsync(ZaloWebhook.WithSignature(reencoded, signedOverOriginal));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tampered_body_is_rejected_and_not_stored()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var original = ZaloWebhook.Text(user, "Đèn đường hỏng", NewMsg());
        var signature = ZaloWebhook.Signed(original).Headers.GetValues("X-ZEvent-Signature").Single();

        var response = await client.SendAsync(ZaloWebhook.WithSignature(original.Replace("hỏng", "tốt"), signature));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeProblem(response);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mac=")]
    [InlineData("mac=zz")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("mac=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Missing_or_forged_signature_is_rejected(string? signature)
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var response = await client.SendAsync(ZaloWebhook.WithSignature(ZaloWebhook.Text(user, "xin chào", NewMsg()), signature));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Event_signed_with_another_secret_is_rejected()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "xin chào", NewMsg()), secret: "someone-elses-secret"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Correctly_signed_event_for_another_app_is_rejected()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "xin chào", NewMsg(), appId: "other-app")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Duplicate_delivery_is_acknowledged_and_stored_once()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = ZaloWebhook.Text(user, "Rác thải ùn ứ", NewMsg());

        var first = await client.SendAsync(ZaloWebhook.Signed(body));
        var second = await client.SendAsync(ZaloWebhook.Signed(body));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).ShouldContain("\"stored\"");
        (await second.Content.ReadAsStringAsync()).ShouldContain("\"duplicate\"");
        (await InboxRows.WhereAsync(service.Database, user)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Twenty_concurrent_copies_are_all_acknowledged_and_stored_once()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = ZaloWebhook.Text(user, "Ô nhiễm tiếng ồn", NewMsg());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(ZaloWebhook.Signed(body))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Count(b => b.Contains("\"stored\"")).ShouldBe(1);
        (await InboxRows.WhereAsync(service.Database, user)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Event_without_message_id_is_deduplicated_by_its_canonical_content()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var timestamp = ZaloWebhook.Now();
        var body = ZaloWebhook.Follow(user, timestamp);
        // The same event with keys in another order and extra whitespace: other bytes, same event.
        var reordered = JsonSerializer.Serialize(
            JsonDocument.Parse(body).RootElement.EnumerateObject().Reverse().ToDictionary(p => p.Name, p => p.Value),
            new JsonSerializerOptions { WriteIndented = true });

        (await client.SendAsync(ZaloWebhook.Signed(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(ZaloWebhook.Signed(reordered))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Follow(user, timestamp + 1)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rows = await InboxRows.WhereAsync(service.Database, user);
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.DedupeKey.StartsWith("sha256:") && r.EventName == "follow");
    }

    [Fact]
    public async Task Unknown_event_type_is_stored_not_rejected()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"shop_has_order","timestamp":"{{{ZaloWebhook.Now()}}}","user_id_by_app":"{{{user}}}","order":{"id":"o-1","total":125000}}""";

        var response = await client.SendAsync(ZaloWebhook.Signed(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem();
        row.EventName.ShouldBe("shop_has_order");
        row.Payload.ShouldBe(body);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"user_send_text\"")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"app_id\":\"test-app-id\",\"event_name\":\"user_send_text\"}")]
    [InlineData("{\"app_id\":\"test-app-id\",\"event_name\":\"user_send_text\",\"timestamp\":\"yesterday\"}")]
    public async Task Body_that_is_not_a_zalo_event_gets_400_problem_details(string body)
    {
        var client = await service.StartReadyAsync();
        var before = await InboxRows.CountAsync(service.Database);

        var response = await client.SendAsync(ZaloWebhook.WithSignature(body, "mac=" + new string('0', 64)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeProblem(response);
        (await InboxRows.CountAsync(service.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task Body_with_invalid_utf8_gets_400()
    {
        var client = await service.StartReadyAsync();
        var bytes = Encoding.UTF8.GetBytes(ZaloWebhook.Text(NewUser(), "xin chao", NewMsg()));
        bytes[bytes.Length - 20] = 0xC3; // a lone lead byte inside the text

        var response = await client.SendAsync(ZaloWebhook.WithSignature(bytes, "mac=" + new string('0', 64)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_body_gets_413_and_is_not_stored()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = ZaloWebhook.Text(user, new string('a', 70 * 1024), NewMsg());

        var response = await client.SendAsync(ZaloWebhook.Signed(body));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeProblem(response);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Oversized_body_without_content_length_gets_413()
    {
        var client = await service.StartReadyAsync();
        var body = Encoding.UTF8.GetBytes(ZaloWebhook.Text(NewUser(), new string('b', 70 * 1024), NewMsg()));
        var request = ZaloWebhook.WithSignature(body, "mac=" + new string('0', 64));
        request.Content = new StreamContent(new MemoryStream(body)); // no length known up front: chunked
        request.Content.Headers.ContentType = new("application/json");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Correlation_id_is_echoed_and_stored_with_the_event()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var request = ZaloWebhook.Signed(ZaloWebhook.Text(user, "xin chào", NewMsg()));
        request.Headers.Add("X-Correlation-Id", "trace-abc-123");

        var response = await client.SendAsync(request);

        response.Headers.GetValues("X-Correlation-Id").ShouldBe(["trace-abc-123"]);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem().CorrelationId.ShouldBe("trace-abc-123");
    }

    internal static async Task ShouldBeProblem(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)response.StatusCode);
        problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
