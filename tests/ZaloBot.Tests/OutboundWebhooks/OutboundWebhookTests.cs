using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.OutboundWebhooks;

/// <summary>
/// Another system's endpoint as a real HTTP server, verifying each delivery exactly as docs/outbound-webhooks.md tells a
/// receiver to. It answers 500 while <see cref="FailuresLeft"/> is positive (or always when <see cref="AlwaysFail"/>).
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(string Path, JsonElement Body, bool Verified, string? Delivery)> Received { get; } = new();
    public ConcurrentDictionary<string, string> Secrets { get; } = new();
    private int _failuresLeft;
    private volatile bool _alwaysFail;

    public int FailuresLeft { get => _failuresLeft; set => Volatile.Write(ref _failuresLeft, value); }
    public bool AlwaysFail { get => _alwaysFail; set => _alwaysFail = value; }
    public string BaseUrl { get; }

    private Receiver(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Receiver? receiver = null;
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var verified = receiver!.Secrets.TryGetValue(name, out var secret) && Verify(secret, request.Headers["X-ZaloBot-Timestamp"], request.Headers["X-ZaloBot-Signature"], body);
            if (receiver.AlwaysFail || receiver.TakeFailure()) return Results.StatusCode(500);
            receiver.Received.Enqueue((name, JsonDocument.Parse(body).RootElement.Clone(), verified, request.Headers["X-ZaloBot-Delivery"]));
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver = new Receiver(app);
        return receiver;
    }

    private bool TakeFailure() => Interlocked.Decrement(ref _failuresLeft) >= 0;

    /// <summary>Written from docs/outbound-webhooks.md, "Verifying the signature", not from the service's code.</summary>
    private static bool Verify(string secret, string? timestamp, string? signature, byte[] body)
    {
        if (timestamp is null || signature is null || !long.TryParse(timestamp, out var seconds)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
        var message = Encoding.ASCII.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class OutboundWebhookService : ServiceFactory
{
    public OutboundWebhookService()
    {
        With("OutboundWebhooks:AllowHttp", "true");
        With("OutboundWebhooks:Interval", "00:00:00.050");
        With("OutboundWebhooks:RetryBaseDelay", "00:00:00.050");
        With("OutboundWebhooks:RetryMaxDelay", "00:00:00.100");
        With("OutboundWebhooks:DisableAfter", "00:00:00.500");
    }
}

public class OutboundWebhookTests(OutboundWebhookService service) : IClassFixture<OutboundWebhookService>, IAsyncLifetime
{
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<long> RegisterAsync(HttpClient admin, string name, string[] events, bool personalData)
    {
        var response = await admin.PostAsJsonAsync("/api/webhooks", new { name, url = $"{_receiver.BaseUrl}/{name}", events, personalData });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        _receiver.Secrets[name] = created.GetProperty("secret").GetString()!;
        return created.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Deliveries_are_signed_as_documented_retried_and_carry_personal_data_only_where_allowed()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var open = await RegisterAsync(admin, "ioc" + Guid.NewGuid().ToString("N")[..6], ["ticket.status_changed"], personalData: false);
        var crm = await RegisterAsync(admin, "crm" + Guid.NewGuid().ToString("N")[..6], ["ticket.status_changed"], personalData: true);
        var (code, _) = await service.SeedTicketAsync();
        _receiver.FailuresLeft = 2;

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(() => Task.FromResult(_receiver.Received.Count(r => r.Body.GetProperty("ticket").GetProperty("code").GetString() == code) == 2), "both endpoints to hear of the acceptance");

        var got = _receiver.Received.Where(r => r.Body.GetProperty("ticket").GetProperty("code").GetString() == code).ToList();
        got.ShouldAllBe(r => r.Verified);
        got.ShouldAllBe(r => r.Body.GetProperty("event").GetString() == "ticket.status_changed");
        got.ShouldAllBe(r => r.Body.GetProperty("ticket").GetProperty("status").GetString() == "accepted");
        var withoutPersonal = got.Single(r => r.Path.StartsWith("ioc", StringComparison.Ordinal));
        withoutPersonal.Body.GetProperty("ticket").TryGetProperty("contactPhone", out _).ShouldBeFalse();
        withoutPersonal.Body.GetRawText().ShouldNotContain("912345678");
        var withPersonal = got.Single(r => r.Path.StartsWith("crm", StringComparison.Ordinal));
        withPersonal.Body.GetProperty("ticket").GetProperty("contactPhone").GetString().ShouldBe("+84912345678");

        // The two refused attempts are in the delivery log; each endpoint got the event once.
        var log = (await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{open}/deliveries")).EnumerateArray()
            .Concat((await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{crm}/deliveries")).EnumerateArray()).ToList();
        log.ShouldAllBe(d => d.GetProperty("status").GetString() == "sent");
        log.Sum(d => d.GetProperty("attempts").GetInt32()).ShouldBe(4);
    }

    [Fact]
    public async Task An_endpoint_failing_for_longer_than_allowed_is_disabled_and_its_deliveries_wait()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var name = "down" + Guid.NewGuid().ToString("N")[..6];
        var id = await RegisterAsync(admin, name, ["ticket.status_changed"], personalData: false);
        _receiver.AlwaysFail = true;
        var (code, _) = await service.SeedTicketAsync();

        (await intake.PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => !(await EndpointAsync(admin, id)).GetProperty("enabled").GetBoolean(), "the endpoint to be disabled");

        var endpoint = await EndpointAsync(admin, id);
        endpoint.GetProperty("disabledReason").GetString()!.ShouldContain("HTTP 500");
        endpoint.GetProperty("pending").GetInt64().ShouldBe(1);

        // Admins see it in the console, with what it waits for, and turn it back on there.
        var console = await ZaloBot.Tests.StaffConsole.ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var page = await console.GetHtmlAsync("/console/admin/webhooks");
        page.ShouldContain($"Đã tắt gửi tới {name}");
        page.ShouldContain("HTTP 500");

        _receiver.AlwaysFail = false;
        (await console.PostFormAsync("/console/admin/webhooks", $"/console/admin/webhooks?handler=Enable&id={id}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EndpointAsync(admin, id)).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        (await console.GetHtmlAsync("/console/admin/webhooks")).ShouldNotContain($"Đã tắt gửi tới {name}");
        await Eventually.TrueAsync(() => Task.FromResult(_receiver.Received.Any(r => r.Path == name)), "the waiting delivery after re-enabling");
        (await admin.PostAsync($"/api/webhooks/{id + 100000}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Registration_refuses_malformed_oversized_forged_and_duplicate_input()
    {
        var client = await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var url = $"{_receiver.BaseUrl}/dup{Guid.NewGuid():N}";

        (await admin.PostAsync("/api/webhooks", new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = "x", url = "ftp://example.com/", events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = "x", url, events = new[] { "ticket.deleted" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = "x", url = url + new string('a', 5000), events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = new string('n', 101), url, events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/webhooks", new { name = "x", url, events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await supervisor.PostAsJsonAsync("/api/webhooks", new { name = "x", url, events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = "x", url, events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/webhooks", new { name = "y", url, events = new[] { "ticket.created" } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetAsync("/api/webhooks/999999999/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/webhooks/999999999/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> EndpointAsync(HttpClient admin, long id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/webhooks")).EnumerateArray().Single(e => e.GetProperty("id").GetInt64() == id);
}
